import { Alert, Button, Card, FileInput, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { rowErrorsOf } from '../import/import-api';
import { ImportErrorsTable } from '../import/import-errors-table';
import { canCommitPayDataImport, downloadPayDataTemplate, useRunPayDataImport, type PayDataImportResult } from './pay-data-api';

function ImportSummary({ result }: { result: PayDataImportResult }) {
  const t = useT();
  const stats = [
    { label: t('import.totalRows'), value: result.totalRows },
    { label: t('import.validRows'), value: result.validRows },
    { label: result.isCommitted ? t('import.created') : t('import.toCreate'), value: result.created },
    { label: result.isCommitted ? t('import.updated') : t('import.toUpdate'), value: result.updated },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="pay-data-import-summary">
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

/** Pay-data import in two steps: a dry run that lists every bad row, then the real import of the same file. */
export function PayDataImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<{ result: PayDataImportResult; file: File } | null>(null);
  const [committed, setCommitted] = useState<PayDataImportResult | null>(null);
  const run = useRunPayDataImport();
  const template = useMutation({ mutationFn: downloadPayDataTemplate });
  const isCommitAllowed = canCommitPayDataImport(dryRun?.result ?? null, dryRun?.file === file);
  const shown = committed ?? dryRun?.result ?? null;

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
            setDryRun(result.isCommitted ? null : { result, file });
          }
        },
      },
    );
  };

  return (
    <FormModal title={t('payData.importTitle')} onClose={onClose}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('payData.importDescription')}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => template.mutate()} loading={template.isPending} data-testid="pay-data-template">
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
          data-testid="pay-data-import-file"
        />
        <Group gap="xs">
          <Button leftSection={<IconPlayerPlay size={16} />} variant="light" disabled={!file} loading={run.isPending && run.variables.dryRun} onClick={() => start(true)} data-testid="pay-data-import-dry-run">
            {t('import.dryRun')}
          </Button>
          <Button leftSection={<IconUpload size={16} />} disabled={!isCommitAllowed || run.isPending} loading={run.isPending && !run.variables.dryRun} onClick={() => start(false)} data-testid="pay-data-import-commit">
            {t('import.commit')}
          </Button>
        </Group>
        <List size="xs" c="dimmed" spacing={2}>
          <List.Item>{t('import.stepDryRun')}</List.Item>
          <List.Item>{t('import.stepCommit')}</List.Item>
        </List>
        {run.error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {run.error.message}
          </Alert>
        )}
        {rowErrorsOf(run.error).length > 0 && <ImportErrorsTable errors={rowErrorsOf(run.error)} />}
        {shown && (
          <Stack gap="sm" data-testid="pay-data-import-result">
            <ImportSummary result={shown} />
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
                {shown.isCommitted ? t('payData.importCommitted', { created: shown.created, updated: shown.updated }) : t('import.dryRunOk')}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </FormModal>
  );
}
