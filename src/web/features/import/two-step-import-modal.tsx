import { Alert, Stack, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import type { ImportRowError } from './import-api';
import { ImportErrorsTable, ImportRunError } from './import-errors-table';
import { ImportFileControls } from './import-file-controls';
import { ImportSummary, importSummaryItems, type SummaryItem } from './import-summary';
import { useTwoStepImport, type ImportRunInput } from './use-two-step-import';

/** The fields every two-step import answer carries, whatever it imports. */
export interface TwoStepImportResult {
  dryRun: boolean;
  isCommitted: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
}

export interface TwoStepImportModalProps<R extends TwoStepImportResult> {
  title: string;
  description: string;
  /** List items shown after the shared "dry run first" hint. */
  hints: string[];
  /** Prefix of the data-testid values: `<prefix>-template`, `<prefix>-import-file`, … */
  testIdPrefix: string;
  run: UseMutationResult<R, Error, ImportRunInput>;
  downloadTemplate: () => Promise<unknown>;
  canCommit: (dryRun: R | null, isSameFile: boolean) => boolean;
  /** Figures shown after the shared ones (rows, valid rows, created, updated). */
  extraSummaryItems?: (result: R) => SummaryItem[];
  committedMessage: (result: R) => string;
  onClose: () => void;
}

/** Import of an xlsx/csv file in two steps: a dry run that lists every bad row, then the real import of the same file. */
export function TwoStepImportModal<R extends TwoStepImportResult>(props: TwoStepImportModalProps<R>) {
  const { title, description, hints, testIdPrefix, run, downloadTemplate, canCommit, extraSummaryItems, committedMessage, onClose } = props;
  const t = useT();
  const state = useTwoStepImport(run, { toVariables: (input) => input, canCommit });
  const { shown } = state;

  return (
    <FormModal title={title} onClose={onClose}>
      <Stack>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        <ImportFileControls
          state={state}
          downloadTemplate={downloadTemplate}
          hints={hints}
          testIds={{ template: `${testIdPrefix}-template`, file: `${testIdPrefix}-import-file`, dryRun: `${testIdPrefix}-import-dry-run`, commit: `${testIdPrefix}-import-commit` }}
        />
        <ImportRunError error={state.error} />
        {shown && (
          <Stack gap="sm" data-testid={`${testIdPrefix}-import-result`}>
            <ImportSummary items={[...importSummaryItems(t, shown), ...(extraSummaryItems?.(shown) ?? [])]} testId={`${testIdPrefix}-import-summary`} />
            {shown.errors.length > 0 ? (
              <>
                <Alert color="red" icon={<IconAlertTriangle size={18} />}>
                  {t('import.dryRunFailed', { count: shown.errors.length })}
                </Alert>
                <ImportErrorsTable errors={shown.errors} />
              </>
            ) : shown.totalRows === 0 ? (
              <Alert color="yellow">{t('import.emptyFile')}</Alert>
            ) : (
              <Alert color="teal" icon={<IconCircleCheck size={18} />}>
                {shown.isCommitted ? committedMessage(shown) : t('import.dryRunOk')}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </FormModal>
  );
}
