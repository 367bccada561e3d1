import { Alert, Button, Card, FileInput, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { rowErrorsOf, type ImportRowError } from './import-api';
import { ImportErrorsTable } from './import-errors-table';

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

export type ImportRunInput = { file: File; dryRun: boolean };
export type SummaryItem = { label: string; value: number };

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

function ImportSummary({ items, testId }: { items: SummaryItem[]; testId: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: items.length }} spacing="xs" data-testid={testId}>
      {items.map((item) => (
        <Card key={item.label} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text fw={700} size="lg">
            {item.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Import of an xlsx/csv file in two steps: a dry run that lists every bad row, then the real import of the same file. */
export function TwoStepImportModal<R extends TwoStepImportResult>(props: TwoStepImportModalProps<R>) {
  const { title, description, hints, testIdPrefix, run, downloadTemplate, canCommit, extraSummaryItems, committedMessage, onClose } = props;
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<{ result: R; file: File } | null>(null);
  const [committed, setCommitted] = useState<R | null>(null);
  const template = useMutation({ mutationFn: downloadTemplate });
  const isCommitAllowed = canCommit(dryRun?.result ?? null, dryRun?.file === file);
  const shown = committed ?? dryRun?.result ?? null;
  const refusedRows = rowErrorsOf(run.error);

  const start = (isDryRun: boolean) => {
    if (!file) return;
    setCommitted(null);
    run.mutate(
      { file, dryRun: isDryRun },
      {
        onSuccess: (result) => {
          if (isDryRun) setDryRun({ result, file });
          else {
            setCommitted(result);
            // A committed import invalidates the dry run: the next file needs its own.
            setDryRun(result.isCommitted ? null : { result, file });
          }
        },
      },
    );
  };

  const summaryOf = (result: R): SummaryItem[] => [
    { label: t('import.totalRows'), value: result.totalRows },
    { label: t('import.validRows'), value: result.validRows },
    { label: result.isCommitted ? t('import.created') : t('import.toCreate'), value: result.created },
    { label: result.isCommitted ? t('import.updated') : t('import.toUpdate'), value: result.updated },
    ...(extraSummaryItems?.(result) ?? []),
  ];

  return (
    <FormModal title={title} onClose={onClose}>
      <Stack>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => template.mutate()} loading={template.isPending} data-testid={`${testIdPrefix}-template`}>
            {t('import.downloadTemplate')}
          </Button>
        </Group>
        <FileInput
          label={t('import.file')}
          description={t('import.fileHint')}
          placeholder={t('import.filePlaceholder')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setDryRun(null);
            setCommitted(null);
            run.reset();
          }}
          clearable
          data-testid={`${testIdPrefix}-import-file`}
        />
        <Group gap="xs">
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            variant="light"
            disabled={!file}
            loading={run.isPending && run.variables.dryRun}
            onClick={() => start(true)}
            data-testid={`${testIdPrefix}-import-dry-run`}
          >
            {t('import.dryRun')}
          </Button>
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!isCommitAllowed || run.isPending}
            loading={run.isPending && !run.variables.dryRun}
            onClick={() => start(false)}
            data-testid={`${testIdPrefix}-import-commit`}
          >
            {t('import.commit')}
          </Button>
        </Group>
        <List size="xs" c="dimmed" spacing={2}>
          <List.Item>{t('import.stepDryRun')}</List.Item>
          {hints.map((hint) => (
            <List.Item key={hint}>{hint}</List.Item>
          ))}
        </List>
        {run.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {run.error.message}
          </Alert>
        )}
        {refusedRows.length > 0 && <ImportErrorsTable errors={refusedRows} />}
        {shown && (
          <Stack gap="sm" data-testid={`${testIdPrefix}-import-result`}>
            <ImportSummary items={summaryOf(shown)} testId={`${testIdPrefix}-import-summary`} />
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
