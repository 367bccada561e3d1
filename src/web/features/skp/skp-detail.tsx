import { Alert, Button, Card, Group, Loader, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconCopy, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { SkpRhkView, SkpView } from '../../../contracts/skp';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { FormModal } from '../../components/form-modal';
import { useLocale } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { EvaluationPanel } from './evaluation-panel';
import { RealisationPanel } from './realisation-panel';
import { RhkFormModal } from './rhk-form-modal';
import { RhkList } from './rhk-list';
import { downloadSkpDocument, useApproveSkp, useCopyFromSuperior, useRemoveRhk, useReturnSkp, useReviseSkp, useSkp, useSubmitSkp, useUpdateLampiran } from './skp-api';
import { DownloadButton, SkpStatusBadge } from './skp-parts';
import { useSkpT } from './use-skp-t';

interface NoteModalProps {
  title: string;
  /** The note's label; null when only the on-behalf basis is asked. */
  label: string | null;
  confirmLabel: string;
  /** Shown when BKPSDM records the decision of a kepala daerah: the basis is asked too. */
  onBehalfOf?: string | null;
  error: Error | null;
  isBusy: boolean;
  onSubmit: (note: string, onBehalfReason: string | null) => void;
  onClose: () => void;
}

function NoteModal({ title, label, confirmLabel, onBehalfOf = null, error, isBusy, onSubmit, onClose }: NoteModalProps) {
  const t = useSkpT();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  return (
    <FormModal title={title} onClose={onClose}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {onBehalfOf !== null && (
          <Text size="sm" c="dimmed">
            {t('skp.onBehalf.explain', { name: onBehalfOf })}
          </Text>
        )}
        {label !== null && <Textarea label={label} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={3} data-testid="skp-note" />}
        {onBehalfOf !== null && (
          <Textarea label={t('skp.onBehalf.reason')} description={t('skp.onBehalf.reasonHint')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} required data-testid="skp-on-behalf-reason" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('skp.cancel')}
          </Button>
          <Button onClick={() => onSubmit(note, onBehalfOf !== null ? reason : null)} loading={isBusy} data-testid="skp-note-submit">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}

function LampiranCard({ skp, isEditable }: { skp: SkpView; isEditable: boolean }) {
  const t = useSkpT();
  const update = useUpdateLampiran();
  const [values, setValues] = useState({ dukunganSumberDaya: skp.dukunganSumberDaya ?? '', skemaPertanggungjawaban: skp.skemaPertanggungjawaban ?? '', konsekuensi: skp.konsekuensi ?? '' });
  const fields = ['dukunganSumberDaya', 'skemaPertanggungjawaban', 'konsekuensi'] as const;
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('skp.lampiran.title')}
        </Text>
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        {fields.map((field) =>
          isEditable ? (
            <Textarea key={field} label={t(`skp.lampiran.${field}`)} value={values[field]} onChange={(event) => setValues((current) => ({ ...current, [field]: event.currentTarget.value }))} autosize minRows={1} />
          ) : (
            <Text key={field} size="xs">
              <b>{t(`skp.lampiran.${field}`)}:</b> {skp[field] ?? '—'}
            </Text>
          ),
        )}
        {isEditable && (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              loading={update.isPending}
              onClick={() => update.mutate({ id: skp.id, dukunganSumberDaya: values.dukunganSumberDaya || null, skemaPertanggungjawaban: values.skemaPertanggungjawaban || null, konsekuensi: values.konsekuensi || null })}
            >
              {t('skp.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

type Dialog = { kind: 'rhk'; rhk: SkpRhkView | null } | { kind: 'remove'; rhk: SkpRhkView } | { kind: 'return' } | { kind: 'approveOnBehalf' } | { kind: 'revise' } | { kind: 'submit' } | null;

/** "Name (Bupati Contoh)" for the kepala daerah, the name for anyone else. */
const assessorLabel = (assessor: SkpView['assessor']) => (assessor.kind === 'kepala_daerah' && assessor.positionName ? `${assessor.name ?? ''} (${assessor.positionName})` : assessor.name);

/**
 * One SKP with what the viewer may do: the owner plans, submits, revises and records the
 * realisation; the assessor approves or returns, gives feedback and rates; others read.
 */
export function SkpDetail({ skpId }: { skpId: string }) {
  const t = useSkpT();
  const [locale] = useLocale();
  const me = useSession();
  const query = useSkp(skpId);
  const submit = useSubmitSkp();
  const approve = useApproveSkp();
  const giveBack = useReturnSkp();
  const revise = useReviseSkp();
  const copy = useCopyFromSuperior();
  const remove = useRemoveRhk();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState<string | null>('plan');
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const skp = query.data;
  const isOwner = me.employeeId !== null && me.employeeId === skp.employee.employeeId;
  // The kepala daerah has no account: BKPSDM records the decisions on the official's behalf.
  const isOnBehalf = skp.assessor.kind === 'kepala_daerah';
  const isAssessor = isOnBehalf ? me.roles.includes('admin_bkpsdm') : me.employeeId !== null && me.employeeId === skp.assessor.employeeId;
  const isEditable = isOwner && (skp.status === 'draft' || skp.status === 'returned');
  const isApproved = skp.status === 'approved';
  const close = () => setDialog(null);

  return (
    <Stack gap="sm" data-testid="skp-detail">
      <Card withBorder padding="sm">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <SkpStatusBadge status={skp.status} isInForce={skp.isInForce} />
              <Text size="sm" c="dimmed">
                {t('skp.revision', { revision: skp.revision })}
              </Text>
            </Group>
            <DownloadButton label={t('skp.document.skp')} onDownload={() => downloadSkpDocument(skp.id)} testId="skp-pdf" />
          </Group>
          <Text fw={600} className="break-anywhere">
            {skp.employee.name} · {skp.employee.positionName ?? '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(skp.startDate, locale)} – {formatDate(skp.endDate, locale)} · {t('skp.assessor')}: {assessorLabel(skp.assessor) ?? t('skp.noAssessor')}
            {skp.assessor.kind && skp.assessor.kind !== 'superior' ? ` · ${t(`skp.assessorKind.${skp.assessor.kind}`)}` : ''}
            {skp.approach === 'pp_46_2011' ? ` · ${t('skp.approach.pp_46_2011')}` : ''}
          </Text>
          {skp.decidedOnBehalf && (
            <Alert color="gray" variant="light" p="xs" data-testid="skp-on-behalf">
              <Text size="xs">{t('skp.onBehalf.recorded', { official: skp.decidedOnBehalf.officialName, by: skp.decidedOnBehalf.recordedByName ?? '—', reason: skp.decidedOnBehalf.reason })}</Text>
            </Alert>
          )}
          {skp.status === 'returned' && skp.returnNote && (
            <Alert color="orange" variant="light" p="xs" title={t('skp.returnedNote')}>
              {skp.returnNote}
            </Alert>
          )}
          <Group gap="xs">
            {isEditable && (
              <Button size="xs" leftSection={<IconSend size={14} />} onClick={() => setDialog({ kind: 'submit' })} data-testid="skp-submit">
                {t('skp.submit')}
              </Button>
            )}
            {isAssessor && skp.status === 'submitted' && (
              <>
                <Button
                  size="xs"
                  color="green"
                  leftSection={<IconCheck size={14} />}
                  loading={approve.isPending}
                  onClick={() => (isOnBehalf ? setDialog({ kind: 'approveOnBehalf' }) : approve.mutate({ skpId: skp.id, note: null }))}
                  data-testid="skp-approve"
                >
                  {isOnBehalf ? t('skp.onBehalf.approve') : t('skp.approve')}
                </Button>
                <Button size="xs" variant="light" color="orange" leftSection={<IconArrowBackUp size={14} />} onClick={() => setDialog({ kind: 'return' })} data-testid="skp-return">
                  {t('skp.return')}
                </Button>
              </>
            )}
            {isOwner && isApproved && skp.isInForce && (
              <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'revise' })} data-testid="skp-revise">
                {t('skp.revise')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="plan" data-testid="skp-tab-plan">
            {t('skp.tab.plan')}
          </Tabs.Tab>
          <Tabs.Tab value="realisation" disabled={!isApproved} data-testid="skp-tab-realisation">
            {t('skp.tab.realisation')}
          </Tabs.Tab>
          <Tabs.Tab value="evaluation" disabled={!isApproved} data-testid="skp-tab-evaluation">
            {t('skp.tab.evaluation')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="sm">
          <Stack gap="sm">
            {isEditable && (
              <Group gap="xs">
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'rhk', rhk: null })} data-testid="skp-add-rhk">
                  {t('skp.rhk.add')}
                </Button>
                <Button size="xs" variant="light" leftSection={<IconCopy size={14} />} loading={copy.isPending} onClick={() => copy.mutate({ skpId: skp.id, rhkIds: [] })} data-testid="skp-copy-superior">
                  {t('skp.rhk.copyFromSuperior')}
                </Button>
              </Group>
            )}
            <RhkList rhk={skp.rhk} onEdit={isEditable ? (rhk) => setDialog({ kind: 'rhk', rhk }) : undefined} onRemove={isEditable ? (rhk) => setDialog({ kind: 'remove', rhk }) : undefined} />
            <LampiranCard key={`${skp.id}-${skp.status}`} skp={skp} isEditable={isEditable} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="realisation" pt="sm">
          {isApproved && <RealisationPanel skpId={skp.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="evaluation" pt="sm">
          {isApproved && <EvaluationPanel skpId={skp.id} />}
        </Tabs.Panel>
      </Tabs>

      {dialog?.kind === 'rhk' && <RhkFormModal skp={skp} rhk={dialog.rhk} onClose={close} />}
      <ConfirmDialog
        opened={dialog?.kind === 'remove'}
        title={t('skp.rhk.remove')}
        message={dialog?.kind === 'remove' ? dialog.rhk.text : ''}
        confirmLabel={t('skp.rhk.remove')}
        isLoading={remove.isPending}
        onClose={close}
        onConfirm={() => dialog?.kind === 'remove' && remove.mutate(dialog.rhk.id, { onSettled: close })}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'submit'}
        title={t('skp.submit')}
        message={t('skp.submitConfirm', { name: skp.assessor.name ?? '—' })}
        confirmLabel={t('skp.submit')}
        color="blue"
        isLoading={submit.isPending}
        onClose={close}
        onConfirm={() => submit.mutate(skp.id, { onSettled: close })}
      />
      {dialog?.kind === 'return' && (
        <NoteModal
          title={t('skp.return')}
          label={t('skp.returnNote')}
          confirmLabel={t('skp.return')}
          onBehalfOf={isOnBehalf ? assessorLabel(skp.assessor) : null}
          error={giveBack.error}
          isBusy={giveBack.isPending}
          onClose={close}
          onSubmit={(note, onBehalfReason) => giveBack.mutate({ skpId: skp.id, note, onBehalfReason }, { onSuccess: close })}
        />
      )}
      {dialog?.kind === 'approveOnBehalf' && (
        <NoteModal
          title={t('skp.onBehalf.approve')}
          label={null}
          confirmLabel={t('skp.approve')}
          onBehalfOf={assessorLabel(skp.assessor)}
          error={approve.error}
          isBusy={approve.isPending}
          onClose={close}
          onSubmit={(_, onBehalfReason) => approve.mutate({ skpId: skp.id, note: null, onBehalfReason }, { onSuccess: close })}
        />
      )}
      {dialog?.kind === 'revise' && (
        <NoteModal title={t('skp.revise')} label={t('skp.reviseReason')} confirmLabel={t('skp.revise')} error={revise.error} isBusy={revise.isPending} onClose={close} onSubmit={(reason) => revise.mutate({ skpId: skp.id, reason }, { onSuccess: close })} />
      )}
    </Stack>
  );
}
