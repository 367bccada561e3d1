import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { RealisationBoard, RhkRealisationView } from '../../../contracts/skp-realisation';
import { api } from '../../api/client';
import { ErrorState } from '../../components/error-state';
import { useLocale } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { formatTarget } from './rhk-list';
import { attachmentUrl, uploadEvidenceFile, useGiveFeedback, useRealisationBoard, useSaveRealisation } from './skp-api';
import { ProgressLine } from './skp-parts';
import { useSkpT } from './use-skp-t';

type Period = RealisationBoard['periods'][number];

function OwnerForm({ rhk, period, onDone }: { rhk: RhkRealisationView; period: Period; onDone: () => void }) {
  const t = useSkpT();
  const save = useSaveRealisation();
  const current = rhk.periods.find((item) => item.periodKey === period.key);
  const [rencanaAksi, setRencanaAksi] = useState(current?.rencanaAksi ?? '');
  const [realisasi, setRealisasi] = useState(current?.realisasi ?? '');
  const [links, setLinks] = useState((current?.evidenceLinks ?? []).join('\n'));
  const [values, setValues] = useState<Record<string, number | string>>(Object.fromEntries((current?.indicatorValues ?? []).map((item) => [item.indicatorId, item.value])));
  const [files, setFiles] = useState(current?.attachments ?? []);
  const [isUploading, setIsUploading] = useState(false);

  const upload = (file: File | null) => {
    if (!file) return;
    setIsUploading(true);
    uploadEvidenceFile(file)
      .then((stored) => setFiles((list) => [...list, { id: stored.id, fileName: stored.fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes }]))
      .catch((error: Error) => notifications.show({ color: 'red', message: error.message }))
      .finally(() => setIsUploading(false));
  };
  const submit = () => {
    const body = period.hasStarted
      ? {
          rencanaAksi: rencanaAksi || null,
          realisasi: realisasi || null,
          evidenceLinks: links.split('\n').map((line) => line.trim()).filter(Boolean),
          attachmentIds: files.map((file) => file.id),
          indicatorValues: rhk.indicators.map((indicator) => {
            const value = values[indicator.id];
            return { indicatorId: indicator.id, value: value === undefined || value === '' ? null : Number(value) };
          }),
        }
      : { rencanaAksi: rencanaAksi || null };
    save.mutate({ rhkId: rhk.rhkId, periodKey: period.key, body }, { onSuccess: onDone });
  };

  return (
    <Stack gap="xs" data-testid="realisation-form">
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Textarea label={t('skp.realisation.rencanaAksi')} value={rencanaAksi} onChange={(event) => setRencanaAksi(event.currentTarget.value)} autosize minRows={2} data-testid="realisation-plan" />
      {period.hasStarted ? (
        <>
          <Textarea label={t('skp.realisation.realisasi')} value={realisasi} onChange={(event) => setRealisasi(event.currentTarget.value)} autosize minRows={2} data-testid="realisation-text" />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            {rhk.indicators.map((indicator) => (
              <NumberInput
                key={indicator.id}
                label={`${indicator.text} (${indicator.targetUnit})`}
                value={values[indicator.id] ?? ''}
                onChange={(value) => setValues((current) => ({ ...current, [indicator.id]: value }))}
                min={0}
                decimalSeparator=","
                data-testid="realisation-value"
              />
            ))}
          </SimpleGrid>
          <Textarea label={t('skp.realisation.links')} description={t('skp.realisation.linksHint')} value={links} onChange={(event) => setLinks(event.currentTarget.value)} autosize minRows={1} />
          <FileInput label={t('skp.realisation.file')} description={t('skp.realisation.fileHint')} accept="application/pdf,image/jpeg,image/png" onChange={upload} leftSection={<IconPaperclip size={14} />} disabled={isUploading} clearable={false} value={null} />
          {files.map((file) => (
            <Group key={file.id} gap="xs">
              <Text size="xs">{file.fileName}</Text>
              <Anchor size="xs" c="red" onClick={() => setFiles((list) => list.filter((item) => item.id !== file.id))}>
                {t('skp.realisation.removeFile')}
              </Anchor>
            </Group>
          ))}
        </>
      ) : (
        <Text size="xs" c="dimmed">
          {t('skp.realisation.notStarted')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button size="xs" onClick={submit} loading={save.isPending || isUploading} data-testid="realisation-save">
          {t('skp.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** `onBehalfOf`: the kepala daerah (as printed) when BKPSDM records the feedback for them, with a basis. */
function FeedbackForm({ rhk, period, onBehalfOf, onDone }: { rhk: RhkRealisationView; period: Period; onBehalfOf: string | null; onDone: () => void }) {
  const t = useSkpT();
  const give = useGiveFeedback();
  const current = rhk.periods.find((item) => item.periodKey === period.key);
  const [feedback, setFeedback] = useState(current?.feedback ?? '');
  const [dialogue, setDialogue] = useState(current?.dialogueNotes ?? '');
  const [onBehalfReason, setOnBehalfReason] = useState(current?.feedbackOnBehalf?.reason ?? '');
  const body = { feedback: feedback || null, dialogueNotes: dialogue || null, onBehalfReason: onBehalfOf !== null ? onBehalfReason : null };
  return (
    <Stack gap="xs" data-testid="feedback-form">
      {give.error && (
        <Alert color="red" role="alert">
          {give.error.message}
        </Alert>
      )}
      {onBehalfOf !== null && (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">{t('skp.onBehalf.explain', { name: onBehalfOf })}</Text>
        </Alert>
      )}
      <Textarea label={t('skp.realisation.feedback')} value={feedback} onChange={(event) => setFeedback(event.currentTarget.value)} autosize minRows={2} data-testid="feedback-text" />
      <Textarea label={t('skp.realisation.dialogue')} value={dialogue} onChange={(event) => setDialogue(event.currentTarget.value)} autosize minRows={1} />
      {onBehalfOf !== null && (
        <Textarea
          label={t('skp.onBehalf.reason')}
          description={t('skp.onBehalf.reasonHint')}
          value={onBehalfReason}
          onChange={(event) => setOnBehalfReason(event.currentTarget.value)}
          autosize
          minRows={1}
          required
          data-testid="feedback-on-behalf-reason"
        />
      )}
      <Group justify="flex-end">
        <Button size="xs" onClick={() => give.mutate({ rhkId: rhk.rhkId, periodKey: period.key, body }, { onSuccess: onDone })} loading={give.isPending} data-testid="feedback-save">
          {t('skp.realisation.sendFeedback')}
        </Button>
      </Group>
    </Stack>
  );
}

function RealisationCard({ board, rhk, period }: { board: RealisationBoard; rhk: RhkRealisationView; period: Period }) {
  const t = useSkpT();
  const [locale] = useLocale();
  const [editing, setEditing] = useState<'owner' | 'assessor' | null>(null);
  const current = rhk.periods.find((item) => item.periodKey === period.key);
  const download = (attachmentId: string, fileName: string) => {
    if (current?.realisationId) api.download(attachmentUrl(current.realisationId, attachmentId), fileName).catch((error: Error) => notifications.show({ color: 'red', message: error.message }));
  };
  return (
    <Card withBorder padding="sm" data-testid="realisation-rhk">
      <Stack gap={6}>
        <Group gap={6}>
          <Badge size="sm" variant="light" color={rhk.kind === 'utama' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>
            {t(`skp.kind.${rhk.kind}`)}
          </Badge>
          <Text fw={600} size="sm" className="break-anywhere" style={{ flex: 1 }}>
            {rhk.text}
          </Text>
        </Group>
        <ProgressLine bp={rhk.progressBp} locale={locale} label={t('skp.realisation.progressYear')} />
        {current?.isCarriedOver && (
          <Badge size="xs" variant="outline" color="gray" data-testid="realisation-carried">
            {t('skp.realisation.carriedOver')}
          </Badge>
        )}
        {rhk.indicators.map((indicator) => {
          const progress = rhk.progress.find((item) => item.indicatorId === indicator.id);
          const value = current?.indicatorValues.find((item) => item.indicatorId === indicator.id)?.value;
          return (
            <Text key={indicator.id} size="xs" className="break-anywhere">
              {indicator.text}: {t('skp.realisation.thisPeriod')} <b>{value ?? '—'}</b> · {t('skp.realisation.soFar')} {progress?.realised ?? '—'} / {formatTarget(indicator, locale)}
            </Text>
          );
        })}
        {current?.rencanaAksi && <Text size="xs">{t('skp.realisation.rencanaAksi')}: {current.rencanaAksi}</Text>}
        {current?.realisasi && <Text size="xs">{t('skp.realisation.realisasi')}: {current.realisasi}</Text>}
        {(current?.evidenceLinks ?? []).map((link) => (
          <Anchor key={link} href={link} target="_blank" rel="noreferrer" size="xs" className="break-anywhere">
            {link}
          </Anchor>
        ))}
        {(current?.attachments ?? []).map((file) => (
          <Anchor key={file.id} size="xs" onClick={() => download(file.id, file.fileName)}>
            <IconPaperclip size={12} /> {file.fileName}
          </Anchor>
        ))}
        <Text size="xs" c="dimmed" data-testid="realisation-activities">
          {t('skp.realisation.activities', { count: current?.activities.entryCount ?? 0, minutes: current?.activities.approvedMinutes ?? 0 })}
        </Text>
        {(current?.feedback || current?.dialogueNotes) && (
          <Alert color="blue" variant="light" p="xs" title={t('skp.realisation.feedbackFrom', { name: current.feedbackByName ?? '' })}>
            {current.feedback && <Text size="xs">{current.feedback}</Text>}
            {current.dialogueNotes && (
              <Text size="xs" c="dimmed">
                {t('skp.realisation.dialogue')}: {current.dialogueNotes}
              </Text>
            )}
            {current.feedbackOnBehalf && (
              <Text size="xs" c="dimmed" data-testid="feedback-on-behalf">
                {t('skp.onBehalf.recorded', { official: current.feedbackOnBehalf.officialName, by: current.feedbackOnBehalf.recordedByName ?? '—', reason: current.feedbackOnBehalf.reason })}
              </Text>
            )}
          </Alert>
        )}
        {editing === 'owner' && <OwnerForm rhk={rhk} period={period} onDone={() => setEditing(null)} />}
        {editing === 'assessor' && <FeedbackForm rhk={rhk} period={period} onBehalfOf={board.feedbackOnBehalfOf} onDone={() => setEditing(null)} />}
        {editing === null && (board.canRecord || (board.canGiveFeedback && period.hasStarted)) && (
          <Group justify="flex-end">
            {board.canRecord && (
              <Button size="xs" variant="light" onClick={() => setEditing('owner')} data-testid="realisation-edit">
                {period.hasStarted ? t('skp.realisation.record') : t('skp.realisation.plan')}
              </Button>
            )}
            {board.canGiveFeedback && period.hasStarted && (
              <Button size="xs" variant="light" onClick={() => setEditing('assessor')} data-testid="feedback-edit">
                {t('skp.realisation.giveFeedback')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Per period: each RHK with rencana aksi, realisation, evidence, linked activities and feedback. */
export function RealisationPanel({ skpId }: { skpId: string }) {
  const t = useSkpT();
  const [locale] = useLocale();
  const board = useRealisationBoard(skpId);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  if (board.isPending) return <Loader size="sm" />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;
  const fallback = data.periods.filter((period) => period.hasStarted).at(-1) ?? data.periods[0];
  const period = data.periods.find((item) => item.key === periodKey) ?? fallback;
  if (!period) return null;
  return (
    <Stack gap="sm">
      <Select
        label={t('skp.realisation.period')}
        data={data.periods.map((item) => ({ value: item.key, label: `${item.key} (${formatDate(item.startDate, locale)} – ${formatDate(item.endDate, locale)})${item.hasStarted ? '' : ` · ${t('skp.realisation.upcoming')}`}` }))}
        value={period.key}
        onChange={setPeriodKey}
        allowDeselect={false}
        maw={360}
        data-testid="realisation-period"
      />
      {!data.canRecord && !data.canGiveFeedback && (
        <Text size="xs" c="dimmed">
          {t('skp.realisation.readOnly')}
        </Text>
      )}
      {data.rhk.map((rhk) => (
        <RealisationCard key={`${rhk.rhkId}-${period.key}`} board={data} rhk={rhk} period={period} />
      ))}
    </Stack>
  );
}
