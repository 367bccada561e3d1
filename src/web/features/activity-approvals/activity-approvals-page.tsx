import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import type { EvidenceVerdict } from '../../../contracts/activities';
import type { ApprovalQueueDay, ApprovalQueueGroup } from '../../../contracts/activities-approval';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useApprovalQueue, useBulkDecision, useDecideEntry, useEvidenceVerdict } from './activity-approvals-api';
import { ApprovalEntryItem } from './approval-entry-item';
import { ReasonModal } from './reason-modal';

type ReasonRequest = { mode: 'reject' | 'return'; entryId: string };

function DayBlock({ day, onAsk, employeeId }: { day: ApprovalQueueDay; employeeId: string; onAsk: (request: ReasonRequest) => void }) {
  const t = useT();
  const [locale] = useLocale();
  const decide = useDecideEntry();
  const bulk = useBulkDecision();
  const verdict = useEvidenceVerdict();
  const showError = (error: Error) => notifications.show({ color: 'red', message: error.message, autoClose: 8000 });

  const approveOne = (id: string) =>
    decide.mutate({ id, decision: 'approve' }, { onSuccess: () => notifications.show({ color: 'teal', message: t('activityApproval.approved') }), onError: showError });
  const approveDay = () =>
    bulk.mutate(
      { decision: 'approve', selection: { kind: 'day', employeeId, workDate: day.workDate } },
      { onSuccess: (result) => notifications.show({ color: 'teal', message: t('activityApproval.bulkApproved', { count: result.decided }) }), onError: showError },
    );
  const judge = (id: string, value: EvidenceVerdict) =>
    verdict.mutate({ id, verdict: value }, { onSuccess: () => notifications.show({ color: 'teal', message: t('activityApproval.verdictSaved') }), onError: showError });

  return (
    <Stack gap={6} data-testid="approval-day" data-work-date={day.workDate}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div>
          <Text fw={600} size="sm">
            {formatDate(day.workDate, locale)} · {t('activityApproval.dayMinutes', { minutes: day.claimedMinutes })}
          </Text>
          <Group gap={6}>
            <Badge size="xs" variant="light" color={day.via === 'superior' ? 'gray' : 'blue'}>
              {t(`activityApproval.via.${day.via}`)}
            </Badge>
            {day.isOverdue ? (
              <Badge size="xs" color="red" variant="light">
                {t('activityApproval.overdue')}
              </Badge>
            ) : (
              <Text size="xs" c="dimmed">
                {t('activityApproval.deadline', { date: formatDateTime(day.approvalDeadline, locale) })}
              </Text>
            )}
          </Group>
        </div>
        <Button size="xs" variant="light" color="teal" leftSection={<IconChecks size={14} />} loading={bulk.isPending} onClick={approveDay} data-testid="approval-day-approve">
          {t('activityApproval.approveDay')}
        </Button>
      </Group>
      {day.entries.map((entry) => (
        <ApprovalEntryItem
          key={entry.id}
          entry={entry}
          isApproving={decide.isPending && decide.variables.id === entry.id}
          onApprove={() => approveOne(entry.id)}
          onReject={() => onAsk({ mode: 'reject', entryId: entry.id })}
          onReturn={() => onAsk({ mode: 'return', entryId: entry.id })}
          onVerdict={(value) => judge(entry.id, value)}
        />
      ))}
    </Stack>
  );
}

function PersonCard({ group, onAsk }: { group: ApprovalQueueGroup; onAsk: (request: ReasonRequest) => void }) {
  const t = useT();
  const bulk = useBulkDecision();
  const [isConfirming, setIsConfirming] = useState(false);
  const entryIds = group.days.flatMap((day) => day.entries.map((entry) => entry.id));
  const approveAll = () =>
    bulk.mutate(
      { decision: 'approve', selection: { kind: 'entries', entryIds } },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: t('activityApproval.bulkApproved', { count: result.decided }) });
          setIsConfirming(false);
        },
        onError: (error) => {
          notifications.show({ color: 'red', message: error.message, autoClose: 8000 });
          setIsConfirming(false);
        },
      },
    );
  return (
    <Card withBorder padding="sm" data-testid="approval-person" data-employee-id={group.employeeId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5" className="break-anywhere">
              {group.employeeName}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {group.employeeNip}
            </Text>
            <Text size="xs" c="dimmed">
              {t('activityApproval.pendingOfPerson', { count: group.pendingCount })}
            </Text>
          </div>
          <Button size="xs" color="teal" leftSection={<IconChecks size={14} />} onClick={() => setIsConfirming(true)} data-testid="approval-person-approve">
            {t('activityApproval.approvePerson')}
          </Button>
        </Group>
        {group.days.map((day) => (
          <DayBlock key={day.workDate} day={day} employeeId={group.employeeId} onAsk={onAsk} />
        ))}
      </Stack>
      <ConfirmDialog
        opened={isConfirming}
        title={t('activityApproval.approvePerson')}
        message={t('activityApproval.approvePersonConfirm', { count: entryIds.length, name: group.employeeName })}
        confirmLabel={t('activityApproval.approve')}
        color="teal"
        isLoading={bulk.isPending}
        onConfirm={approveAll}
        onClose={() => setIsConfirming(false)}
      />
    </Card>
  );
}

/** The superior's queue of subordinates' activities: cards per person and day, bulk and one-tap decisions. */
export function ActivityApprovalsPage() {
  const t = useT();
  const me = useSession();
  const [month, setMonth] = useState<string | null>(null);
  const queue = useApprovalQueue(month);
  const decide = useDecideEntry();
  const [asking, setAsking] = useState<ReasonRequest | null>(null);

  const confirmReason = (reason: string) => {
    if (!asking) return;
    decide.mutate(
      { id: asking.entryId, decision: asking.mode, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(asking.mode === 'reject' ? 'activityApproval.rejected' : 'activityApproval.returned') });
          setAsking(null);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('activityApproval.title')} description={t('activityApproval.description')} />
      {!me.employeeId ? (
        <Text c="dimmed" size="sm">
          {t('activityApproval.noEmployee')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <MonthPickerInput
              label={t('activityApproval.filterMonth')}
              placeholder={t('activityApproval.allMonths')}
              clearable
              value={month ? `${month}-01` : null}
              onChange={(next) => setMonth(next ? next.slice(0, 7) : null)}
              valueFormat="MMMM YYYY"
              w={190}
              data-testid="approval-month"
            />
            {queue.isFetching && <Loader size="xs" />}
            {queue.data && queue.data.total > 0 && (
              <Text size="sm" c="dimmed">
                {t('activityApproval.total', { count: queue.data.total })}
              </Text>
            )}
          </Group>
          {queue.isPending && <Loader size="sm" />}
          {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
          {queue.data && queue.data.groups.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md" data-testid="approval-empty">
              {t('activityApproval.empty')}
            </Text>
          )}
          {queue.data?.groups.map((group) => <PersonCard key={group.employeeId} group={group} onAsk={setAsking} />)}
        </Stack>
      )}
      {asking && (
        <ReasonModal
          title={t(asking.mode === 'reject' ? 'activityApproval.rejectTitle' : 'activityApproval.returnTitle')}
          confirmLabel={t(asking.mode === 'reject' ? 'activityApproval.reject' : 'activityApproval.return')}
          color={asking.mode === 'reject' ? 'red' : 'orange'}
          isPending={decide.isPending}
          error={decide.error}
          onConfirm={confirmReason}
          onClose={() => {
            decide.reset();
            setAsking(null);
          }}
        />
      )}
    </>
  );
}
