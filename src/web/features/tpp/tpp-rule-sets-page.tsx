import { Alert, Badge, Button, Card, FileButton, Group, List, SegmentedControl, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { TppRuleSetVersionView } from '../../../contracts/tpp';
import { citeRegulation } from '../../../domain/tpp/compute-earning';
import type { TppRuleSet } from '../../../domain/tpp/rule-set';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { diffJson } from '../../lib/json-diff';
import { JsonDiffView } from '../audit/json-diff-view';
import { downloadRuleSet, useRetireTppRuleSet, useSaveTppRuleSet, useTppRuleSetExamples, useTppRuleSets } from './tpp-api';
import { draftFromJson, draftToJson, findDraftProblems, serverDraftProblems, type RuleSetDraft } from './rule-set-draft';
import { useTppT } from './tpp-i18n';
import { TppRuleSetForm } from './tpp-rule-set-form';
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
            {citeRegulation((version.ruleSet as unknown as TppRuleSet).regulation)}
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

type EditorMode = 'form' | 'json';

/**
 * A version edited as a form (the usual way) or as JSON text, over one draft: every problem is shown
 * as the server would report it, next to its field, and listed with its path. Starting points: an
 * example, a copy of a saved version, or a file.
 */
function RuleSetEditor({ editing, saved, onDone }: { editing: TppRuleSetVersionView | null; saved: readonly TppRuleSetVersionView[]; onDone: () => void }) {
  const t = useTppT();
  const tt = useT();
  const initial = editing ? draftToJson(editing.ruleSet as unknown as RuleSetDraft) : '';
  const [text, setText] = useState(initial);
  const [opened] = useState(() => (editing ? draftFromJson(initial) : null));
  const [draft, setDraft] = useState<RuleSetDraft | null>(opened?.ok ? opened.draft : null);
  // A stored version the form cannot show (its schema changed since) opens in the JSON tab, saying why.
  const [blocked, setBlocked] = useState<string | null>(opened && !opened.ok ? opened.message : null);
  const [mode, setMode] = useState<EditorMode>(opened && !opened.ok ? 'json' : 'form');
  /** What the draft started from (the version edited, or the example, copy or file loaded), for "what changed". */
  const [baseline, setBaseline] = useState<RuleSetDraft | null>(draft);
  const [isShowingChanges, setIsShowingChanges] = useState(false);
  const examples = useTppRuleSetExamples();
  const save = useSaveTppRuleSet();
  const liveProblems = useMemo(() => (draft ? findDraftProblems(draft) : {}), [draft]);
  const serverProblems = save.error instanceof ApiError ? serverDraftProblems(save.error.fieldErrors) : {};
  const problems = { ...serverProblems, ...liveProblems };
  const problemList = Object.entries(mode === 'form' ? problems : serverProblems);

  const load = (next: string) => {
    save.reset();
    setText(next);
    const loaded = draftFromJson(next);
    if (loaded.ok) {
      setDraft(loaded.draft);
      setBaseline(loaded.draft);
      setBlocked(null);
    } else {
      setDraft(null);
      setBaseline(null);
      setBlocked(loaded.message);
      setMode('json');
    }
  };
  const switchMode = (next: string) => {
    if (next === 'json') {
      if (draft) setText(draftToJson(draft));
      setMode('json');
    } else if (text.trim() === '') {
      setMode('form');
    } else {
      const loaded = draftFromJson(text);
      if (loaded.ok) {
        setDraft(loaded.draft);
        setBlocked(null);
        setMode('form');
      } else {
        setBlocked(loaded.message);
      }
    }
  };
  const changeDraft = (next: RuleSetDraft) => {
    if (save.isError) save.reset();
    setDraft(next);
  };
  const startFrom = (value: string | null) => {
    if (!value) return;
    const [source, key] = value.split(':', 2);
    const ruleSet = source === 'example' ? examples.data?.items.find((item) => item.code === key)?.ruleSet : saved.find((version) => version.id === key)?.ruleSet;
    if (ruleSet) load(JSON.stringify(ruleSet, null, 2));
  };
  const loadFile = (file: File | null) => {
    if (file) void file.text().then(load);
  };
  const body = mode === 'form' && draft ? draftToJson(draft) : text;
  const submit = () =>
    save.mutate(
      { id: editing?.id ?? null, text: body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('tpp.rules.saved') });
          setText('');
          setDraft(null);
          onDone();
        },
      },
    );
  const startingPoints = [
    { group: tt('ruleForm.examples'), items: (examples.data?.items ?? []).map((item) => ({ value: `example:${item.code}`, label: item.name })) },
    { group: tt('ruleForm.saved'), items: saved.map((version) => ({ value: `version:${version.id}`, label: tt('ruleForm.copyOf', { name: version.name }) })) },
  ];
  const liveCount = Object.keys(liveProblems).length;
  const changes = mode === 'form' && draft && baseline ? diffJson(baseline, draft).filter((row) => row.kind !== 'unchanged').length : 0;
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
        <Select size="xs" placeholder={t('tpp.rules.loadExample')} data={startingPoints} value={null} onChange={startFrom} w={360} maw="100%" comboboxProps={{ withinPortal: true }} data-testid="tpp-rule-set-example" />
      </Group>
      <SegmentedControl
        value={mode}
        onChange={switchMode}
        data={[
          { value: 'form', label: tt('ruleForm.tab.form') },
          { value: 'json', label: tt('ruleForm.tab.json') },
        ]}
        mb="sm"
        data-testid="tpp-rule-set-mode"
      />
      {blocked && (
        <Alert color="orange" mb="sm" data-testid="tpp-rule-set-blocked">
          {tt('ruleForm.cannotOpen', { message: blocked })}
        </Alert>
      )}
      {mode === 'form' && draft && <TppRuleSetForm draft={draft} onChange={changeDraft} problems={problems} />}
      {mode === 'form' && !draft && (
        <Text size="sm" c="dimmed">
          {tt('ruleForm.empty')}
        </Text>
      )}
      {mode === 'form' && draft && baseline && (
        <Stack gap="xs" mt="sm">
          <Switch
            label={tt('ruleForm.changes', { count: String(changes) })}
            checked={isShowingChanges}
            onChange={(event) => setIsShowingChanges(event.currentTarget.checked)}
            data-testid="tpp-rule-set-changes"
          />
          {isShowingChanges && <JsonDiffView before={baseline} after={draft} />}
        </Stack>
      )}
      {mode === 'json' && (
        <Textarea label={t('tpp.rules.json')} value={text} onChange={(event) => setText(event.currentTarget.value)} autosize minRows={8} maxRows={24} styles={{ input: { fontFamily: 'monospace' } }} data-testid="tpp-rule-set-json" />
      )}
      {(save.isError || (mode === 'form' && liveCount > 0)) && (
        <Alert color="red" mt="sm" title={save.isError ? save.error.message : tt('ruleForm.problems', { count: String(liveCount) })} data-testid="tpp-rule-set-errors">
          {problemList.length > 0 && (
            <>
              <Text size="sm">{t('tpp.rules.errors')}</Text>
              <List size="xs">
                {problemList.map(([field, message]) => (
                  <List.Item key={`${field}-${message}`}>
                    <Text span ff="monospace" size="xs">
                      {field === '' ? 'ruleSet' : field}
                    </Text>
                    : {message}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      {mode === 'form' && draft && liveCount === 0 && !save.isError && (
        <Text size="xs" c="teal" mt="sm">
          {tt('ruleForm.noProblems')}
        </Text>
      )}
      <Group gap="xs" mt="sm">
        <Button onClick={submit} loading={save.isPending} disabled={body.trim() === '' || (mode === 'form' && liveCount > 0)} data-testid="tpp-rule-set-save">
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
        {canManage && <RuleSetEditor key={editing?.id ?? 'new'} editing={editing} saved={versions.data?.items ?? []} onDone={() => setEditing(null)} />}
      </Stack>
    </>
  );
}
