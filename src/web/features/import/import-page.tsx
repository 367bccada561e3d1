import { Alert, Button, Card, FileInput, Group, List, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/id';
import { canCommitImport, rowErrorsOf, useRunImport, type ImportEntity, type ImportResult } from './import-api';
import { ImportErrorsTable } from './import-errors-table';

const entityLabels: Record<ImportEntity, MessageKey> = { units: 'nav.units', positions: 'nav.positions', employees: 'nav.employees' };

function ResultSummary({ result }: { result: ImportResult }) {
  const t = useT();
  const stats = [
    { label: t('import.totalRows'), value: result.totalRows },
    { label: t('import.validRows'), value: result.validRows },
    { label: result.isCommitted ? t('import.created') : t('import.toCreate'), value: result.created },
    { label: result.isCommitted ? t('import.updated') : t('import.toUpdate'), value: result.updated },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="import-summary">
      {stats.map((stat) => (
        <Card key={stat.label} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {stat.label}
          </Text>
          <Text fw={700} size="lg">
            {stat.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * Import of units, positions or employees from xlsx/csv in two steps: a dry run that lists every
 * bad row and writes nothing, then the real import, offered only when the dry run was clean.
 */
export function ImportPage() {
  const t = useT();
  const [entity, setEntity] = useState<ImportEntity>('employees');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<{ result: ImportResult; file: File } | null>(null);
  const [committed, setCommitted] = useState<ImportResult | null>(null);
  const run = useRunImport();
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const template = useMutation({ mutationFn: () => api.download(`/api/import/templates/${entity}.xlsx`, `templat-${entity}.xlsx`) });

  const resetResults = () => {
    setDryRun(null);
    setCommitted(null);
    run.reset();
  };
  const isCommitAllowed = canCommitImport(dryRun?.result ?? null, entity, dryRun?.file === file);
  const refusedRows = rowErrorsOf(run.error);

  const start = (isDryRun: boolean) => {
    if (!file) return;
    setCommitted(null);
    run.mutate(
      { entity, file, dryRun: isDryRun },
      {
        onSuccess: (result) => {
          if (isDryRun) setDryRun({ result, file });
          else {
            setCommitted(result);
            // A committed import invalidates the dry run: the next file needs its own.
            if (result.isCommitted) setDryRun(null);
            else setDryRun({ result, file });
          }
        },
      },
    );
  };

  const shown = committed ?? dryRun?.result ?? null;

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
                resetResults();
              }}
              data={(Object.keys(entityLabels) as ImportEntity[]).map((value) => ({ value, label: t(entityLabels[value]) }))}
              aria-labelledby="import-entity-label"
              data-testid="import-entity"
            />
          </div>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => template.mutate()} loading={template.isPending} data-testid="import-template">
              {t('import.downloadTemplate')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('import.templateHint')}
            </Text>
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
              resetResults();
            }}
            clearable
            fileInputProps={{ id: 'import-file-input', name: 'file', 'aria-label': t('import.file') }}
            data-testid="import-file"
          />
          <Group gap="xs">
            <Button leftSection={<IconPlayerPlay size={16} />} variant="light" disabled={!file} loading={run.isPending && run.variables.dryRun} onClick={() => start(true)} data-testid="import-dry-run">
              {t('import.dryRun')}
            </Button>
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!isCommitAllowed || run.isPending}
              loading={run.isPending && !run.variables.dryRun}
              onClick={() => start(false)}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
          </Group>
          <List size="xs" c="dimmed" spacing={2}>
            <List.Item>{t('import.stepDryRun')}</List.Item>
            <List.Item>{t('import.stepCommit')}</List.Item>
          </List>
        </Stack>
      </Card>

      {run.error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="import-error">
          {run.error.message}
        </Alert>
      )}
      {refusedRows.length > 0 && <ImportErrorsTable errors={refusedRows} />}

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
          <ResultSummary result={shown} />
          {shown.errors.length > 0 && <ImportErrorsTable errors={shown.errors} />}
        </Stack>
      )}
    </Stack>
  );
}
