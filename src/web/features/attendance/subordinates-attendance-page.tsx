import { Anchor, Card, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { useSubordinatesDay, useSubordinatesMonth } from '../attendance-admin/attendance-admin-api';
import { attendanceAdminPaths } from '../attendance-admin/paths';
import { zoneLabel } from './attendance-calendar-data';
import { AttendanceStatusBadge } from './attendance-status-badge';
import { MonthPicker } from './month-picker';
import { InOutText, MonthSummaryGrid } from './subordinate-attendance-parts';

function PersonHeading({ employeeId, fullName, nip, positionName, month }: { employeeId: string; fullName: string; nip: string; positionName: string | null; month: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`${attendanceAdminPaths.subordinate(employeeId)}?month=${month}`} fw={600} size="sm" className="break-anywhere" data-testid="subordinate-link">
        {fullName}
      </Anchor>
      <Text size="xs" c="dimmed" className="break-anywhere">
        <span style={{ fontFamily: 'monospace' }}>{nip}</span>
        {positionName ? ` · ${positionName}` : ''}
      </Text>
    </div>
  );
}

function DayTab() {
  const t = useT();
  const [date, setDate] = useState<string | null>(todayInBrowser());
  const day = useSubordinatesDay(date ?? todayInBrowser());
  const month = (date ?? todayInBrowser()).slice(0, 7);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <DateField label={t('board.date')} value={date} onChange={setDate} data-testid="subordinates-date" />
        {day.isFetching && <Loader size="xs" />}
      </Group>
      {day.isError && <ErrorState error={day.error} onRetry={() => void day.refetch()} />}
      {day.data && day.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('subordinates.empty')}
        </Text>
      )}
      <Stack gap="xs" data-testid="subordinates-day-list">
        {day.data?.items.map((item) => (
          <Card key={item.employeeId} withBorder padding="sm" data-testid="subordinate-day" data-employee-id={item.employeeId} data-status={item.day?.status ?? 'none'}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <PersonHeading {...item} month={month} />
              {item.day ? (
                <AttendanceStatusBadge day={item.day} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('attendanceAdmin.subordinates.noSchedule')}
                </Text>
              )}
            </Group>
            {item.day && item.day.status !== 'libur' && <InOutText day={item.day} timeZone={item.timeZone} />}
            <Text size="xs" c="dimmed">
              {zoneLabel(item.timeZone)}
            </Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function MonthTab() {
  const t = useT();
  const [month, setMonth] = useState(() => todayInBrowser().slice(0, 7));
  const data = useSubordinatesMonth(month);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <MonthPicker value={month} onChange={setMonth} data-testid="subordinates-month" />
        {data.isFetching && <Loader size="xs" />}
      </Group>
      {data.isError && <ErrorState error={data.error} onRetry={() => void data.refetch()} />}
      {data.data && data.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('subordinates.empty')}
        </Text>
      )}
      <Stack gap="xs" data-testid="subordinates-month-list">
        {data.data?.items.map((item) => (
          <Card key={item.employeeId} withBorder padding="sm" data-testid="subordinate-month" data-employee-id={item.employeeId}>
            <PersonHeading {...item} month={month} />
            <Stack gap={4} mt="xs">
              <MonthSummaryGrid summary={item.summary} />
              {(item.summary.lateMinutes > 0 || item.summary.earlyMinutes > 0) && (
                <Text size="xs" c="orange">
                  {t('attendanceAdmin.subordinates.minutesTotal', { late: item.summary.lateMinutes, early: item.summary.earlyMinutes })}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

/** "Presensi bawahan": a superior's direct subordinates for a day (live) or a month (with totals). */
export function SubordinatesAttendancePage() {
  const t = useT();
  const me = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('view') === 'month' ? 'month' : 'day';

  return (
    <>
      <PageHeader title={t('attendanceAdmin.subordinates.title')} description={t('attendanceAdmin.subordinates.description')} />
      {!me.employeeId ? (
        <Text c="dimmed">{t('attendance.noEmployee')}</Text>
      ) : (
        <Tabs value={tab} onChange={(value) => setSearchParams(value === 'month' ? { view: 'month' } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="day" data-testid="subordinates-tab-day">
              {t('attendanceAdmin.subordinates.day')}
            </Tabs.Tab>
            <Tabs.Tab value="month" data-testid="subordinates-tab-month">
              {t('attendanceAdmin.subordinates.month')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="day">
            <DayTab />
          </Tabs.Panel>
          <Tabs.Panel value="month">
            <MonthTab />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
