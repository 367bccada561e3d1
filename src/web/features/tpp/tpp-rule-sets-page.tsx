import { Alert, Badge, Button, Card, FileButton, Group, List, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { TppRuleSetVersionView } from '../../../contracts/tpp';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { downloadRuleSet, useRetireTppRuleSet, useSaveTppRuleSet, useTppRuleSetExamples, useTppRuleSets } from './tpp-api';
import { useTppT } from './tpp-i18n';
import { canManageTppRules } from './tpp-permissions';

const showError = (error: Error) => notifications.show({ color: 'red', message: error.message });

function VersionCard({ version, canManage, onEdit }: { version: TppRuleSetVersionView; canManage: boolean; onEdit: (version: TppRuleSetVersionView) => void }) {
  const t = useTppT();
  const [locale] = useLocale();
  const retire = useRetireTppRuleSet();
  const isCurrent = version.supersededAt === null;
  const confirmRetire = () => {
    if (!window.confirm(t('tpp.rules.retireConfirm', { name: version.name }))) return;
    retire.mutate(version.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('tpp.rules.retired') }), onError: showError });
  };
  return (
    <Card withBorder padding="md" data-testid="tpp-rule-set">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600} className="break-anywhere">
            {version.name}
          </Text>
          <Text size="sm" c="dimmed">
            {t('tpp.rules.from', { date: formatDate(version.effectiveFrom, locale) })} · {version.regionCode}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {version.regulation}
          </Text>
        </Stack>
        {version.isInForce && (
          <Badge color="teal" variant="light">
            {t('tpp.rules.inForce')}
          </Badge>
        )}
        {!isCurrent && (
          <Badge color="gray" variant="light">
            {t('tpp.rules.superseded')}
          </Badge>
        )}
      </Group>
      <Group gap="xs" mt="sm">
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => void downloadRuleSet(version.id).catch(showError)}>
          {t('tpp.rules.export')}
        </Button>
        {canManage && isCurrent && (
          <>
            <Button size="xs" variant="default" onClick={() => onEdit(version)}>
              {t('tpp.rules.edit')}
            </Button>
            <Button size="xs" variant="subtle" color="red" loading={retire.isPending} onClick={confirmRetire}>
              {t('tpp.rules.retire')}
            </Button>
          </>
        )}
      </Group>
    </Card>
  );
}

/** JSON import / edit with every validation problem listed with its path, and "load example". */
function RuleSetEditor({ editing, onDone }: { editing: TppRuleSetVersionView | null; onDone: () => void }) {
  const t = useTppT();
  const [text, setText] = useState(() => (editing ? JSON.stringify(editing.ruleSet, null, 2) : ''));
  const examples = useTppRuleSetExamples();
  const save = useSaveTppRuleSet();
  const problems = save.error instanceof ApiError ? save.error.fieldErrors : [];
  const loadFile = (file: File | null) => {
    if (file) void file.text().then(setText);
  };
  const loadExample = (code: string | null) => {
    const example = examples.data?.items.find((item) => item.code === code);
    if (example) setText(JSON.stringify(example.ruleSet, null, 2));
  };
  const submit = () =>
    save.mutate(
      { id: editing?.id ?? null, text },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('tpp.rules.saved') });
          setText('');
          onDone();
        },
      },
    );
  return (
    <Card withBorder padding="md" data-testid="tpp-rule-set-editor">
      <Text fw={600}>{editing ? `${t('tpp.rules.edit')}: ${editing.name}` : t('tpp.rules.import')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('tpp.rules.importHint')}
      </Text>
      <Group gap="xs" mb="xs" wrap="wrap" align="flex-end">
        <FileButton onChange={loadFile} accept="application/json,.json">
          {(props) => (
            <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
              {t('tpp.rules.file')}
            </Button>
          )}
        </FileButton>
        <Select
          size="xs"
          placeholder={t('tpp.rules.loadExample')}
          data={(examples.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          onChange={loadExample}
          w={320}
          data-testid="tpp-rule-set-example"
        />
      </Group>
      <Textarea label={t('tpp.rules.json')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={8} maxRows={24} styles={{ input: { fontFamily: 'monospace' } }} data-testid="tpp-rule-set-json" />
      {save.isError && (
        <Alert color="red" mt="sm" title={save.error.message} data-testid="tpp-rule-set-errors">
          {problems.length > 0 && (
            <>
              <Text size="sm">{t('tpp.rules.errors')}</Text>
              <List size="xs">
                {problems.map((problem) => (
                  <List.Item key={`${problem.field}-${problem.message}`}>
                    <Text span ff="monospace" size="xs">
                      {problem.field}
                    </Text>
                    : {problem.message}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      <Group gap="xs" mt="sm">
        <Button onClick={submit} loading={save.isPending} disabled={text.trim() === ''} data-testid="tpp-rule-set-save">
          {editing ? t('tpp.rules.saveEdit') : t('tpp.rules.save')}
        </Button>
        {editing && (
          <Button variant="subtle" onClick={onDone}>
            {t('tpp.rules.cancelEdit')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The region's TPP rule versions: read by everyone, changed by admin BKPSDM with history, JSON import/export. */
export function TppRuleSetsPage() {
  const t = useTppT();
  const me = useSession();
  const canManage = canManageTppRules(me.roles);
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const [editing, setEditing] = useState<TppRuleSetVersionView | null>(null);
  const versions = useTppRuleSets(includeSuperseded);
  return (
    <>
      <PageHeader title={t('tpp.rules.title')} description={t('tpp.rules.description')} />
      <Stack gap="sm">
        <Switch label={t('tpp.rules.showHistory')} checked={includeSuperseded} onChange={(event) => setIncludeSuperseded(event.currentTarget.checked)} />
        {versions.isError && <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />}
        {versions.data?.items.map((version) => <VersionCard key={version.id} version={version} canManage={canManage} onEdit={setEditing} />)}
        {canManage && <RuleSetEditor key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />}
      </Stack>
    </>
  );
}
