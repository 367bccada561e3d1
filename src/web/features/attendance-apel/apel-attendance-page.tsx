import { Alert, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { APEL_OUTCOMES, APEL_RECORD_STATUSES, type ApelRecordStatus } from '../../../contracts/attendance-apel';
import { addDays } from '../../../domain/attendance/calendar-zone';
import { isApelDay } from '../../../domain/attendance/apel';
import { useSession } from '../../auth/session';
import { DateField } from '../../components/date-field';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime, todayInBrowser } from '../../lib/dates';
import { UnitSelect } from '../units/unit-select';
import { useApelAttendance, useApelSchedules, useSetApelAttendance, type ApelAttendanceListView, type ApelScheduleView } from './apel-api';
import { ApelExcuseNote } from './apel-excuse-note';
import { ApelOutcomeBadge } from './apel-outcome-badge';
import { canManageApel } from './apel-permissions';

type Draft = { status: ApelRecordStatus | null; note: string };
const NO_RECORD = 'ikuti_absen';

/** The latest day on or before `today` the ceremony was held (within a year), else today. */
function findLatestApelDay(schedule: ApelScheduleView | undefined, today: string): string {
  if (!schedule) return today;
  for (let back = 0, date = today; back < 366; back += 1, date = addDays(date, -1)) if (isApelDay(schedule, date)) return date;
  return today;
}

/** Who was expected at one ceremony in a unit, what the punches say, and the admin's record that overrides them. */
export function ApelAttendancePage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canManageApel(me.roles);
  const schedules = useApelSchedules(false);
  const [scheduleId, setScheduleId] = useState<string | null>(null);
  const [pickedDate, setDate] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const chosenSchedule = scheduleId ?? schedules.data?.items[0]?.id ?? null;
  // Until a date is picked, the ceremony's latest day: that is the list an admin comes to check.
  const date = pickedDate ?? findLatestApelDay(schedules.data?.items.find((schedule) => schedule.id === chosenSchedule), todayInBrowser());
  const list = useApelAttendance(chosenSchedule, date, unitId);
  const save = useSetApelAttendance();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const data: ApelAttendanceListView | undefined = list.data;
  const isEditable = canWrite && data !== undefined && data.isScheduled && !data.isClosed;

  const changed = Object.entries(drafts).filter(([employeeId, draft]) => {
    const item = data?.items.find((candidate) => candidate.employeeId === employeeId);
    return item !== undefined && (draft.status !== (item.record?.status ?? null) || (draft.status !== null && draft.note.trim() !== (item.record?.note ?? '')));
  });
  const draftOf = (employeeId: string): Draft => {
    const item = data?.items.find((candidate) => candidate.employeeId === employeeId);
    return drafts[employeeId] ?? { status: item?.record?.status ?? null, note: item?.record?.note ?? '' };
  };
  const setDraft = (employeeId: string, change: Partial<Draft>) => setDrafts((all) => ({ ...all, [employeeId]: { ...draftOf(employeeId), ...change } }));
  const resetDrafts = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setDrafts({});
  };

  return (
    <>
      <PageHeader title={t('apel.nav.attendance')} description={t('apel.attendance.description')} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('apel.attendance.schedule')}
            data={(schedules.data?.items ?? []).map((schedule) => ({ value: schedule.id, label: `${schedule.name} (${schedule.unitName ?? t('apel.allUnits')})` }))}
            value={chosenSchedule}
            onChange={resetDrafts(setScheduleId)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="apel-attendance-schedule"
          />
          <DateField label={t('apel.attendance.date')} value={date} onChange={(value) => value && resetDrafts(setDate)(value)} data-testid="apel-attendance-date" />
          <UnitSelect label={t('apel.attendance.unit')} value={unitId} onChange={resetDrafts(setUnitId)} clearable={false} data-testid="apel-attendance-unit" />
        </SimpleGrid>
        {unitId === null && <Alert color="blue">{t('apel.attendance.pickUnit')}</Alert>}
        {list.isFetching && <Loader size="xs" />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {data && !data.isScheduled && <Alert color="yellow">{t('apel.attendance.notScheduled')}</Alert>}
        {data?.isClosed && <Alert color="gray">{t('apel.attendance.closed')}</Alert>}
        {save.error && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        {data && (
          <Group gap={6} data-testid="apel-attendance-counts">
            {APEL_OUTCOMES.map((outcome) => (
              <Group key={outcome} gap={4}>
                <ApelOutcomeBadge outcome={outcome} />
                <Text size="sm">{data.counts[outcome] ?? 0}</Text>
              </Group>
            ))}
          </Group>
        )}
        {data && (
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={isEditable ? 820 : 560}>
              <Table verticalSpacing="xs" striped data-testid="apel-attendance-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payData.employee')}</Table.Th>
                    <Table.Th>{t('apel.attendance.punch')}</Table.Th>
                    <Table.Th>{t('apel.attendance.derived')}</Table.Th>
                    <Table.Th>{t('apel.attendance.outcome')}</Table.Th>
                    {isEditable && <Table.Th>{t('apel.attendance.record')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && <EmptyRows colSpan={isEditable ? 5 : 4} text={t('apel.attendance.empty')} />}
                  {data.items.map((item) => {
                    const draft = draftOf(item.employeeId);
                    return (
                      <Table.Tr key={item.employeeId} data-testid="apel-attendance-row">
                        <Table.Td>
                          <Text size="sm" fw={500} className="break-anywhere">
                            {item.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {item.nip} · {item.unitName ?? '-'}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.punchedAt ? formatDateTime(item.punchedAt, locale) : '–'}</Table.Td>
                        <Table.Td>
                          <ApelOutcomeBadge outcome={item.derived} />
                          <ApelExcuseNote item={item} />
                        </Table.Td>
                        <Table.Td>
                          <ApelOutcomeBadge outcome={item.outcome} />
                          {item.record?.note && (
                            <Text size="xs" c="dimmed" className="break-anywhere">
                              {item.record.note}
                            </Text>
                          )}
                        </Table.Td>
                        {isEditable && (
                          <Table.Td>
                            <Group gap={6} wrap="nowrap">
                              <Select
                                aria-label={t('apel.attendance.record')}
                                data={[{ value: NO_RECORD, label: t('apel.attendance.noRecord') }, ...APEL_RECORD_STATUSES.map((status) => ({ value: status, label: t(`apel.outcome.${status}`) }))]}
                                value={draft.status ?? NO_RECORD}
                                onChange={(value) => setDraft(item.employeeId, { status: value === null || value === NO_RECORD ? null : (value as ApelRecordStatus) })}
                                allowDeselect={false}
                                w={150}
                                comboboxProps={{ withinPortal: true }}
                                data-testid="apel-attendance-record"
                              />
                              {draft.status !== null && (
                                <TextInput aria-label={t('apel.attendance.recordNote')} placeholder={t('apel.attendance.recordNote')} maxLength={300} value={draft.note} onChange={(event) => setDraft(item.employeeId, { note: event.currentTarget.value })} w={180} />
                              )}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
        {isEditable && (
          <Group justify="flex-end">
            <Button
              disabled={changed.length === 0}
              loading={save.isPending}
              data-testid="apel-attendance-save"
              onClick={() => {
                if (!chosenSchedule) return;
                save.mutate(
                  { scheduleId: chosenSchedule, date, entries: changed.map(([employeeId, draft]) => ({ employeeId, status: draft.status, note: draft.status === null ? null : draft.note.trim() || null })) },
                  {
                    onSuccess: (result) => {
                      notifications.show({ color: 'teal', message: t('apel.attendance.saved', { count: result.changed }) });
                      setDrafts({});
                    },
                  },
                );
              }}
            >
              {t('apel.attendance.save', { count: changed.length })}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
