import { Button, FileInput, Group, List, Text, type FileInputProps } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconFileSpreadsheet, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context';
import type { TwoStepImport } from './use-two-step-import';

export interface ImportTestIds {
  template: string;
  file: string;
  dryRun: string;
  commit: string;
}

interface ImportFileControlsProps {
  state: TwoStepImport<unknown>;
  downloadTemplate: () => Promise<unknown>;
  /** Shown beside the template button. */
  templateHint?: string;
  /** List items shown after the shared "dry run first" hint. */
  hints: string[];
  testIds: ImportTestIds;
  fileInputProps?: FileInputProps['fileInputProps'];
}

/** The template download, the file, the dry-run and commit buttons and the steps of a two-step import. */
export function ImportFileControls({ state, downloadTemplate, templateHint, hints, testIds, fileInputProps }: ImportFileControlsProps) {
  const t = useT();
  const template = useMutation({ mutationFn: downloadTemplate });
  return (
    <>
      <Group gap="xs">
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => template.mutate()} loading={template.isPending} data-testid={testIds.template}>
          {t('import.downloadTemplate')}
        </Button>
        {templateHint && (
          <Text size="xs" c="dimmed">
            {templateHint}
          </Text>
        )}
      </Group>
      <FileInput
        label={t('import.file')}
        description={t('import.fileHint')}
        placeholder={t('import.filePlaceholder')}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={state.file}
        onChange={state.chooseFile}
        clearable
        fileInputProps={fileInputProps}
        data-testid={testIds.file}
      />
      <Group gap="xs">
        <Button leftSection={<IconPlayerPlay size={16} />} variant="light" disabled={!state.file} loading={state.isDryRunPending} onClick={() => state.start(true)} data-testid={testIds.dryRun}>
          {t('import.dryRun')}
        </Button>
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!state.isCommitAllowed || state.isDryRunPending || state.isCommitPending}
          loading={state.isCommitPending}
          onClick={() => state.start(false)}
          data-testid={testIds.commit}
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
    </>
  );
}
