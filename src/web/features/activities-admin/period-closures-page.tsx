import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { ENTRY_STATUSES, type EntryStatus } from '../../../contracts/activities';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime, todayInBrowser } from '../../lib/dates';
import { shiftMonth } from '../attendance/attendance-calendar-data';
import { MonthPicker } from '../attendance/month-picker';
import { useClosePeriod, usePeriodClosurePreview, usePeriodClosures } from './activities-admin-api';
import { canClosePeriods } from './activity-admin-permissions';

const isEntryStatus = (value: string): value is EntryStatus => ENTRY_STATUSES.some((status) => status === value);

function EntryCounts({ counts }: { counts: Record<string, number> }) {
  const t = useT();
  const present = Object.entries(counts).filter(([, value]) => value > 0);
  if (present.length === 0) return <Text size="sm" c="dimmed">{t('activityAdmin.closures.noEntries')}</Text>;
  return (
    <Group gap={4}>
      {present.map(([status, value]) => (
        <Badge key={status} size="sm" variant="light" color={status === 'approved' ? 'teal' : status === 'submitted' ? 'orange' : 'gray'}>
          {isEntryStatus(status) ? t(`activityAdmin.closures.status.${status}`) : status}: {value}
        </Badge>
      ))}
    </Group>
  );
}

type ClosureTppState = NonNullable<ReturnType<typeof usePeriodClosurePreview>['data']>['tpp'];

/** Where the month's TPP stands: closing freezes whatever results are current. */
function TppState({ period, tpp }: { period: string; tpp: ClosureTppState }) {
  const t = useT();
  const [locale] = useLocale();
  const missing = tpp.coveredEmployees - tpp.results;
  if (tpp.results === 0 || tpp.computedAt === null) {
    return (
      <Alert color="orange" data-testid="closure-tpp">
        {t('activityAdmin.closures.tppNone', { period })}
      </Alert>
    );
  }
  return (
    <Stack gap={4} data-testid="closure-tpp">
      <Text size="sm">{t('activityAdmin.closures.tppComputed', { at: formatDateTime(tpp.computedAt, locale), count: tpp.results })}</Text>
      {missing > 0 && <Alert color="orange">{t('activityAdmin.closures.tppMissing', { count: missing })}</Alert>}
      {tpp.hasChangedSince && <Alert color="orange">{t('activityAdmin.closures.tppStale')}</Alert>}
    </Stack>
  );
}

/** The confirmation: what the month holds, and that closing cannot be undone. */
function CloseConfirmModal({ period, note, onClose }: { period: string; note: string; onClose: () => void }) {
  const t = useT();
  const preview = usePeriodClosurePreview(period);
  const close = useClosePeriod();
  const pending = preview.data?.entryCounts.submitted ?? 0;
  const isClosable = preview.data !== undefined && preview.data.hasEnded && !preview.data.isClosed;
  return (
    <Modal opened onClose={onClose} title={t('activityAdmin.closures.confirmTitle', { period })} centered>
      <Stack>
        {preview.isLoading && <Loader size="sm" />}
        {preview.isError && <ErrorState error={preview.error} />}
        {preview.data && !preview.data.hasEnded && <Alert color="yellow">{t('activityAdmin.closures.notEnded', { period })}</Alert>}
        {preview.data?.isClosed && <Alert color="yellow">{t('activityAdmin.closures.alreadyClosed', { period })}</Alert>}
        {isClosable && (
          <>
            <Alert color="red" icon={<IconAlertTriangle size={18} />}>
              {t('activityAdmin.closures.warning')}
            </Alert>
            {preview.data && <EntryCounts counts={preview.data.entryCounts} />}
            {pending > 0 && <Alert color="orange">{t('activityAdmin.closures.pendingWarning', { count: pending })}</Alert>}
            {preview.data && <TppState period={period} tpp={preview.data.tpp} />}
          </>
        )}
        {close.error && (
          <Alert color="red" role="alert">
            {close.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button
            color="red"
            leftSection={<IconLock size={16} />}
            disabled={!isClosable}
            loading={close.isPending}
            onClick={() =>
              close.mutate(
                { period, note: note.trim() || null },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('activityAdmin.closures.closed', { period }) });
                    onClose();
                  },
                },
              )
            }
            data-testid="closure-confirm"
          >
            {t('activityAdmin.closures.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Closed months (frozen for TPP); admin BKPSDM closes an ended month after a confirmation. There is no reopening. */
export function PeriodClosuresPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canClose = canClosePeriods(me.roles);
  const closures = usePeriodClosures();
  const [period, setPeriod] = useState(() => shiftMonth(todayInBrowser().slice(0, 7), -1));
  const [note, setNote] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const items = closures.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('activityAdmin.closures.title')} description={t('activityAdmin.closures.description')} />
      <Stack gap="md">
        {canClose && (
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Text fw={600}>{t('activityAdmin.closures.closeTitle')}</Text>
              <MonthPicker value={period} onChange={setPeriod} data-testid="closure-month" />
              <Textarea label={t('activityAdmin.closures.note')} autosize minRows={1} maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} data-testid="closure-note" />
              <Group>
                <Button color="red" variant="light" leftSection={<IconLock size={16} />} onClick={() => setIsConfirming(true)} data-testid="closure-open">
                  {t('activityAdmin.closures.closeMonth', { period })}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
        {closures.isError && <ErrorState error={closures.error} onRetry={() => void closures.refetch()} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped data-testid="closure-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('activityAdmin.closures.period')}</Table.Th>
                  <Table.Th>{t('activityAdmin.closures.closedAt')}</Table.Th>
                  <Table.Th>{t('activityAdmin.closures.entries')}</Table.Th>
                  <Table.Th>{t('activityAdmin.closures.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {closures.data && items.length === 0 && <EmptyRows colSpan={4} text={t('activityAdmin.closures.empty')} />}
                {items.map((closure) => (
                  <Table.Tr key={closure.id} data-testid="closure-row">
                    <Table.Td>
                      <Text fw={600}>{closure.period}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(closure.closedAt, locale)}</Text>
                      <Text size="xs" c="dimmed">
                        {closure.closedByName ?? t('activityAdmin.versions.system')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <EntryCounts counts={closure.entryCounts} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="break-anywhere">
                        {closure.note ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
      {isConfirming && (
        <CloseConfirmModal
          period={period}
          note={note}
          onClose={() => {
            setIsConfirming(false);
          }}
        />
      )}
    </>
  );
}
