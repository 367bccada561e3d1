import { Alert, Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/id';
import { canCommitImport, useRunImport, type ImportEntity } from './import-api';
import { ImportErrorsTable, ImportRunError } from './import-errors-table';
import { ImportFileControls } from './import-file-controls';
import { ImportSummary, importSummaryItems } from './import-summary';
import { useTwoStepImport } from './use-two-step-import';

const entityLabels: Record<ImportEntity, MessageKey> = { units: 'nav.units', positions: 'nav.positions', employees: 'nav.employees' };

/**
 * Import of units, positions or employees from xlsx/csv in two steps: a dry run that lists every
 * bad row and writes nothing, then the real import, offered only when the dry run was clean.
 */
export function ImportPage() {
  const t = useT();
  const [entity, setEntity] = useState<ImportEntity>('employees');
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const state = useTwoStepImport(useRunImport(), {
    toVariables: (input) => ({ entity, ...input }),
    canCommit: (dryRun, isSameFile) => canCommitImport(dryRun, entity, isSameFile),
  });
  const { shown } = state;

  return (
    <Stack maw={960}>
      <PageHeader title={t('nav.import')} description={t('import.description')} />
      <Card withBorder padding="md">
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4} id="import-entity-label">
              {t('import.entity')}
            </Text>
            <SegmentedControl
              fullWidth
              orientation={isPhone ? 'vertical' : 'horizontal'}
              value={entity}
              onChange={(value) => {
                setEntity(value as ImportEntity);
                state.resetResults();
              }}
              data={(Object.keys(entityLabels) as ImportEntity[]).map((value) => ({ value, label: t(entityLabels[value]) }))}
              aria-labelledby="import-entity-label"
              data-testid="import-entity"
            />
          </div>
          <ImportFileControls
            state={state}
            downloadTemplate={() => api.download(`/api/import/templates/${entity}.xlsx`, `templat-${entity}.xlsx`)}
            templateHint={t('import.templateHint')}
            hints={[t('import.stepCommit')]}
            testIds={{ template: 'import-template', file: 'import-file', dryRun: 'import-dry-run', commit: 'import-commit' }}
            fileInputProps={{ id: 'import-file-input', name: 'file', 'aria-label': t('import.file') }}
          />
        </Stack>
      </Card>

      <ImportRunError error={state.error} testId="import-error" />

      {shown && (
        <Stack gap="sm" data-testid="import-result">
          <Title order={3} size="h5">
            {shown.isCommitted ? t('import.resultCommitted') : t('import.resultDryRun')}
          </Title>
          {shown.isCommitted ? (
            <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="import-success">
              {t('import.committedText', { created: shown.created, updated: shown.updated })}
            </Alert>
          ) : shown.errors.length === 0 ? (
            <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="import-dry-run-ok">
              {shown.totalRows === 0 ? t('import.emptyFile') : t('import.dryRunOk')}
            </Alert>
          ) : (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="import-dry-run-failed">
              {t('import.dryRunFailed', { count: shown.errors.length })}
            </Alert>
          )}
          <ImportSummary items={importSummaryItems(t, shown)} testId="import-summary" />
          {shown.errors.length > 0 && <ImportErrorsTable errors={shown.errors} />}
        </Stack>
      )}
    </Stack>
  );
}
