import { Alert, Button, Card, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { ActivityEntryView } from '../../../contracts/activities';
import { isApiError, NETWORK_ERROR } from '../../api/api-error';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { useCopyEntries, useDayEntries, useDeleteEntry, useMonthEntries, useMyCatalogue, useRhkChoices, useSubmitEntry } from './activity-entries-api';
import { DayStrip } from './day-strip';
import { EntryCard } from './entry-card';
import { EntryFormModal } from './entry-form-modal';
import type { FlushResult } from './offline-queue';
import { QueuedEntries } from './queued-entries';
import { TemplatesModal } from './templates-modal';
import { useOfflineQueue } from './use-offline-queue';

const isOfflineError = (error: unknown) => isApiError(error) && error.code === NETWORK_ERROR;

/** "Aktivitas harian saya": a day at a time on a phone, with offline entry and a queue sent when back online. */
export function MyActivitiesPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const today = todayInBrowser();
  const [date, setDate] = useState(today);
  const [editing, setEditing] = useState<ActivityEntryView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ActivityEntryView | null>(null);
  const [isTemplatesOpen, setIsTemplatesOpen] = useState(false);
  const day = useDayEntries(date);
  const month = useMonthEntries(date.slice(0, 7));
  const catalogue = useMyCatalogue(date);
  // Loaded with the page (like the catalogue) so that the entry form still has a list of RHK offline.
  useRhkChoices(date);
  const submit = useSubmitEntry();
  const remove = useDeleteEntry();
  const copy = useCopyEntries();
  const onFlushed = useCallback(
    (result: FlushResult) => {
      if (result.sent > 0) notifications.show({ color: 'teal', message: t('activityEntry.queueSent', { count: result.sent }) });
      if (result.failed > 0) notifications.show({ color: 'red', message: t('activityEntry.queueFailed', { count: result.failed }) });
    },
    [t],
  );
  const queue = useOfflineQueue(me.employeeId ?? 'none', onFlushed);

  const daysWithEntries = useMemo(() => new Set((month.data?.days ?? []).filter((item) => item.entryCount > 0).map((item) => item.date)), [month.data]);
  const total = day.data?.days.find((item) => item.date === date);
  const entries = day.data?.items ?? [];
  const queuedToday = queue.items.filter((item) => item.body.workDate === date && item.state === 'pending');

  if (!me.employeeId) {
    return (
      <>
        <PageHeader title={t('activityEntry.title')} />
        <Alert color="yellow">{t('activityEntry.noEmployee')}</Alert>
      </>
    );
  }

  const handleCopy = () =>
    copy.mutate(
      { targetDate: date },
      {
        onSuccess: (result) => {
          const skipped = result.skipped.map((item) => `${item.startTime}–${item.endTime} ${item.title}: ${item.reason}`).join('\n');
          const unlinked = result.unlinked.length > 0 ? `\n${t('activityEntry.copyUnlinked', { count: result.unlinked.length })}` : '';
          const hasNotes = result.skipped.length > 0 || result.unlinked.length > 0;
          notifications.show({
            color: hasNotes ? 'yellow' : 'teal',
            autoClose: hasNotes ? 15_000 : 5000,
            message: result.sourceDate
              ? `${t('activityEntry.copied', { count: result.created.length, source: formatDate(result.sourceDate, locale) })}${skipped ? `\n${t('activityEntry.copySkipped')}\n${skipped}` : ''}${unlinked}`
              : t('activityEntry.copyNothing'),
          });
        },
      },
    );

  return (
    <>
      <PageHeader
        title={t('activityEntry.title')}
        description={t('activityEntry.pageDescription')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={date > today} data-testid="entry-create">
            {t('activityEntry.create')}
          </Button>
        }
      />
      <Stack gap="sm" maw={720}>
        <QueuedEntries queue={queue} />
        <DayStrip selected={date} today={today} daysWithEntries={daysWithEntries} onSelect={setDate} />
        <Group justify="space-between" align="flex-end" gap="xs">
          <DateField label={t('activityEntry.date')} value={date} onChange={(value) => value && setDate(value > today ? today : value)} data-testid="entries-date" />
          <Group gap="xs">
            <Button variant="default" size="sm" leftSection={<IconCopy size={16} />} onClick={handleCopy} loading={copy.isPending} disabled={!queue.isOnline || date > today} data-testid="entries-copy">
              {t('activityEntry.copyPrevious')}
            </Button>
            <Button variant="default" size="sm" leftSection={<IconTemplate size={16} />} onClick={() => setIsTemplatesOpen(true)} disabled={!queue.isOnline} data-testid="entries-templates">
              {t('activityEntry.templates')}
            </Button>
          </Group>
        </Group>
        <Card withBorder padding="sm" data-testid="day-total">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {formatDate(date, locale)}
            </Text>
            {day.isFetching && <Loader size="xs" />}
            <Text size="sm">{t('activityEntry.totalOfCap', { claimed: total?.claimedMinutes ?? 0, cap: total?.capMinutes ?? 0 })}</Text>
          </Group>
          <Progress mt={6} value={total && total.capMinutes > 0 ? Math.min(100, (total.claimedMinutes / total.capMinutes) * 100) : 0} aria-label={t('activityEntry.totalLabel')} />
          {total && total.approvedMinutes > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('activityEntry.minutesApproved', { minutes: total.approvedMinutes })}
            </Text>
          )}
        </Card>
        {day.isError && !isOfflineError(day.error) && <ErrorState error={day.error} onRetry={() => void day.refetch()} />}
        {day.isError && isOfflineError(day.error) && !day.data && <Alert color="yellow">{t('activityEntry.offlineNoData')}</Alert>}
        {entries.length === 0 && queuedToday.length === 0 && day.isSuccess && (
          <Text size="sm" c="dimmed" data-testid="entries-empty">
            {t('activityEntry.empty')}
          </Text>
        )}
        {entries.map((entry) => (
          <EntryCard
            key={entry.id}
            entry={entry}
            onEdit={() => setEditing(entry)}
            onSubmit={() => submit.mutate({ id: entry.id, revision: entry.revision }, { onSuccess: () => notifications.show({ color: 'teal', message: t('activityEntry.submitted') }) })}
            onDelete={() => setDeleting(entry)}
          />
        ))}
      </Stack>
      {editing !== null && (
        <EntryFormModal
          entry={editing === 'new' ? null : editing}
          defaultDate={date}
          today={today}
          fallbackCatalogue={catalogue.data?.items ?? []}
          queue={queue}
          onClose={() => setEditing(null)}
        />
      )}
      {isTemplatesOpen && <TemplatesModal workDate={date} catalogue={catalogue.data?.items ?? []} onClose={() => setIsTemplatesOpen(false)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('activityEntry.delete')}
        message={t('activityEntry.deleteText', { title: deleting?.title ?? '' })}
        confirmLabel={t('activityEntry.delete')}
        isLoading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, revision: deleting.revision },
            {
              onSuccess: () => {
                setDeleting(null);
                notifications.show({ color: 'teal', message: t('activityEntry.deleted') });
              },
            },
          )
        }
      />
    </>
  );
}
