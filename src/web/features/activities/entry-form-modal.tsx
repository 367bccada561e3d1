import { Alert, Button, FileInput, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPaperclip } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ActivityEntryView } from '../../../contracts/activities';
import { createEntryBody, type MyCatalogueItem } from '../../../contracts/activities-entries';
import { computeClaimedMinutes } from '../../../domain/activities/entry-minutes';
import { measureTimeSpan } from '../../../domain/activities/entry-time';
import { isApiError, NETWORK_ERROR } from '../../api/api-error';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { uploadEvidence, useCreateEntry, useMyCatalogue, useRhkChoices, useSubmitEntry, useUpdateEntry, type CreateEntryInput } from './activity-entries-api';
import { createIdempotencyKey } from './offline-queue';
import { rhkToSend } from './rhk-choices';
import { RhkSelect } from './rhk-select';
import type { OfflineQueue } from './use-offline-queue';

const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

interface EntryFormModalProps {
  /** The entry to edit, or null for a new one on `defaultDate`. */
  entry: ActivityEntryView | null;
  defaultDate: string;
  today: string;
  /** Catalogue already loaded by the page: used while offline, when the form cannot load its own. */
  fallbackCatalogue: MyCatalogueItem[];
  queue: OfflineQueue;
  onClose: () => void;
}

const isNetworkError = (error: unknown) => isApiError(error) && error.code === NETWORK_ERROR;

/** Add or edit an activity: catalogue activity (searchable) or additional task, the SKP RHK it supports, times, volume, live claimed minutes, evidence. */
export function EntryFormModal({ entry, defaultDate, today, fallbackCatalogue, queue, onClose }: EntryFormModalProps) {
  const t = useT();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const submitEntry = useSubmitEntry();
  // One key per form: a double tap or a retry of this same entry can never make two.
  const [idempotencyKey] = useState(createIdempotencyKey);
  const [workDate, setWorkDate] = useState<string | null>(entry?.workDate ?? defaultDate);
  const [kind, setKind] = useState<'catalogue' | 'additional'>(entry?.isAdditionalTask ? 'additional' : 'catalogue');
  const [catalogueItemId, setCatalogueItemId] = useState<string | null>(entry?.catalogueItemId ?? null);
  const [title, setTitle] = useState(entry?.isAdditionalTask ? entry.title : '');
  const [outputUnit, setOutputUnit] = useState(entry?.isAdditionalTask ? entry.outputUnit : '');
  const [startTime, setStartTime] = useState(entry?.startTime ?? '');
  const [endTime, setEndTime] = useState(entry?.endTime ?? '');
  const [volume, setVolume] = useState<number | string>(entry?.volume ?? 1);
  const [description, setDescription] = useState(entry?.description ?? '');
  const [evidenceLink, setEvidenceLink] = useState(entry?.evidence?.link ?? '');
  const [skpRhkId, setSkpRhkId] = useState<string | null>(entry?.skpRhkId ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [isUploading, setIsUploading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const catalogueQuery = useMyCatalogue(workDate ?? defaultDate);
  const catalogue = catalogueQuery.data?.items ?? fallbackCatalogue;
  const options = useMemo(() => {
    const list = catalogue.map((item) => ({ value: item.itemId, label: `${item.name} (${item.standardMinutes} ${t('activityEntry.minutesPer')} ${item.outputUnit})` }));
    // An edited entry keeps its activity even if the catalogue no longer offers it.
    if (entry?.catalogueItemId && !list.some((option) => option.value === entry.catalogueItemId)) list.unshift({ value: entry.catalogueItemId, label: entry.title });
    return list;
  }, [catalogue, entry, t]);
  const selected = catalogue.find((item) => item.itemId === catalogueItemId) ?? null;
  const rhkChoices = useRhkChoices(workDate ?? defaultDate);
  const currentRhk = entry?.skpRhkId && entry.skpRhkText ? { id: entry.skpRhkId, text: entry.skpRhkText } : null;
  // Left untouched, an edit does not send the RHK: the server keeps it where still citable (also across SKP revisions).
  const isRhkUntouched = entry !== null && skpRhkId === entry.skpRhkId;
  const standardMinutes = kind === 'additional' ? null : (selected?.standardMinutes ?? (entry?.catalogueItemId === catalogueItemId ? entry?.standardMinutes : null) ?? null);

  const span = measureTimeSpan(startTime, endTime);
  const volumeNumber = typeof volume === 'number' ? volume : Number(volume);
  const claimed = span.isValid && Number.isInteger(volumeNumber) && volumeNumber > 0 && (kind === 'additional' || standardMinutes !== null) ? computeClaimedMinutes({ volume: volumeNumber, standardMinutes, spanMinutes: span.minutes }) : null;

  const mutationError = create.error ?? update.error ?? submitEntry.error;
  const shown = { ...serverFieldErrors(mutationError), ...errors };
  const isBusy = create.isPending || update.isPending || submitEntry.isPending || isUploading;

  const buildBody = (evidenceAttachmentId: string | null): Omit<CreateEntryInput, 'submit' | 'idempotencyKey'> => ({
    workDate: workDate ?? '',
    startTime,
    endTime,
    catalogueItemId: kind === 'catalogue' ? catalogueItemId : null,
    isAdditionalTask: kind === 'additional',
    title: kind === 'additional' ? title.trim() : null,
    outputUnit: kind === 'additional' ? outputUnit.trim() || null : null,
    volume: volumeNumber,
    description: description.trim() || null,
    evidenceAttachmentId,
    evidenceLink: evidenceLink.trim() || null,
    skpRhkId: rhkToSend(skpRhkId, rhkChoices),
  });

  const validate = (): FormErrors => {
    const found = validateWithSchema(createEntryBody, { ...buildBody(entry?.evidence?.attachmentId ?? null), submit: false }, t);
    if (!span.isValid && startTime && endTime) found[span.field] ??= t('activityEntry.endAfterStart');
    if (kind === 'catalogue' && !catalogueItemId) found.catalogueItemId = t('activityEntry.chooseActivity');
    if (kind === 'additional' && title.trim().length < 3) found.title = t('activityEntry.titleRequired');
    if (workDate && workDate > today) found.workDate = t('activityEntry.futureDate');
    if (file && !ACCEPTED_TYPES.includes(file.type)) found.file = t('activityEntry.evidenceType');
    return found;
  };

  const finish = (message: string) => {
    notifications.show({ color: 'teal', message });
    onClose();
  };

  const queueOffline = async (body: Omit<CreateEntryInput, 'submit' | 'idempotencyKey'>, submit: boolean) => {
    await queue.enqueue({ idempotencyKey, title: kind === 'additional' ? title.trim() : (selected?.name ?? ''), body: { ...body, submit, idempotencyKey } });
    finish(t('activityEntry.queuedOffline'));
  };

  const handleSave = async (submit: boolean) => {
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    let attachmentId = entry?.evidence?.attachmentId ?? null;
    if (file) {
      if (!navigator.onLine) {
        setErrors({ file: t('activityEntry.evidenceNeedsConnection') });
        return;
      }
      setIsUploading(true);
      try {
        attachmentId = (await uploadEvidence(file)).id;
      } catch (error) {
        setErrors({ file: isNetworkError(error) ? t('activityEntry.evidenceNeedsConnection') : error instanceof Error ? error.message : String(error) });
        return;
      } finally {
        setIsUploading(false);
      }
    }
    const body = buildBody(attachmentId);
    if (!entry) {
      if (!navigator.onLine) return queueOffline(body, submit);
      create.mutate(
        { ...body, submit, idempotencyKey },
        {
          onSuccess: () => finish(submit ? t('activityEntry.submitted') : t('activityEntry.savedDraft')),
          onError: (error) => {
            if (isNetworkError(error)) void queueOffline(body, submit);
            else if (Object.keys(serverFieldErrors(error)).length === 0) setFormError(error.message);
          },
        },
      );
      return;
    }
    const { skpRhkId: chosenRhkId, ...unchangedRhkBody } = body;
    update.mutate(
      isRhkUntouched ? { id: entry.id, revision: entry.revision, ...unchangedRhkBody } : { id: entry.id, revision: entry.revision, ...unchangedRhkBody, skpRhkId: chosenRhkId },
      {
        onSuccess: (saved) => {
          if (entry.skpRhkId !== null && saved.skpRhkId === null && skpRhkId !== null) notifications.show({ color: 'yellow', message: t('activityEntry.rhkDropped'), autoClose: 10_000 });
          if (!submit) return finish(t('activityEntry.saved'));
          submitEntry.mutate({ id: saved.id, revision: saved.revision }, { onSuccess: () => finish(t('activityEntry.submitted')), onError: (error) => setFormError(error.message) });
        },
        onError: (error) => {
          if (Object.keys(serverFieldErrors(error)).length === 0) setFormError(error.message);
        },
      },
    );
  };

  const canSubmit = !entry || entry.status === 'draft' || entry.status === 'returned';

  return (
    <FormModal title={entry ? t('activityEntry.editTitle') : t('activityEntry.createTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void handleSave(false);
        }}
        noValidate
      >
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert" data-testid="entry-form-error">
              {formError}
            </Alert>
          )}
          {!queue.isOnline && !entry && <Alert color="yellow">{t('activityEntry.offlineFormHint')}</Alert>}
          <DateField label={t('activityEntry.date')} required value={workDate} onChange={setWorkDate} error={shown.workDate} data-testid="entry-date" />
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(value) => setKind(value === 'additional' ? 'additional' : 'catalogue')}
            data={[
              { value: 'catalogue', label: t('activityEntry.kindCatalogue') },
              { value: 'additional', label: t('activityEntry.kindAdditional') },
            ]}
            data-testid="entry-kind"
          />
          {kind === 'catalogue' ? (
            <Select
              label={t('activityEntry.activity')}
              placeholder={t('activityEntry.activitySearch')}
              data={options}
              value={catalogueItemId}
              onChange={setCatalogueItemId}
              searchable
              nothingFoundMessage={t('activityEntry.activityNone')}
              required
              error={shown.catalogueItemId}
              comboboxProps={{ withinPortal: true }}
              data-testid="entry-activity"
            />
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput label={t('activityEntry.taskTitle')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} maxLength={300} error={shown.title} data-testid="entry-title" />
              <TextInput label={t('activityEntry.outputUnit')} placeholder={t('activityEntry.outputUnitPlaceholder')} value={outputUnit} onChange={(event) => setOutputUnit(event.currentTarget.value)} maxLength={60} />
            </SimpleGrid>
          )}
          <RhkSelect value={skpRhkId} onChange={setSkpRhkId} choices={rhkChoices} current={currentRhk} error={shown.skpRhkId} data-testid="entry-rhk" />
          <SimpleGrid cols={3} spacing="xs">
            <TimeInput label={t('activityEntry.startTime')} required value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} error={shown.startTime} data-testid="entry-start" />
            <TimeInput label={t('activityEntry.endTime')} required value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} error={shown.endTime} data-testid="entry-end" />
            <NumberInput label={t('activityEntry.volume')} required min={1} max={10_000} allowDecimal={false} value={volume} onChange={setVolume} error={shown.volume} data-testid="entry-volume" />
          </SimpleGrid>
          <Text size="sm" data-testid="entry-claimed" aria-live="polite">
            {claimed === null
              ? t('activityEntry.claimedUnknown')
              : standardMinutes === null
                ? t('activityEntry.claimedAdditional', { minutes: claimed })
                : t('activityEntry.claimedLive', { minutes: claimed, volume: volumeNumber, standard: standardMinutes, span: span.isValid ? span.minutes : 0 })}
          </Text>
          <Textarea label={t('activityEntry.description')} autosize minRows={2} maxLength={2000} value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={shown.description} data-testid="entry-description" />
          <FileInput
            label={t('activityEntry.evidenceUpload')}
            placeholder={entry?.evidence?.fileName ?? t('activityEntry.evidencePlaceholder')}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            leftSection={<IconPaperclip size={16} />}
            clearable
            value={file}
            onChange={setFile}
            error={shown.file ?? shown.evidenceAttachmentId}
            data-testid="entry-evidence-file"
          />
          <TextInput
            label={t('activityEntry.evidenceLinkLabel')}
            placeholder="https://"
            leftSection={<IconLink size={16} />}
            value={evidenceLink}
            onChange={(event) => setEvidenceLink(event.currentTarget.value)}
            error={shown.evidenceLink}
            inputMode="url"
            data-testid="entry-evidence-link"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" variant="light" loading={isBusy} data-testid="entry-save-draft">
              {entry ? t('action.save') : t('activityEntry.saveDraft')}
            </Button>
            {canSubmit && (
              <Button onClick={() => void handleSave(true)} loading={isBusy} data-testid="entry-save-submit">
                {t('activityEntry.saveAndSubmit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
