import { Anchor, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { NotFoundState } from '../../components/not-found-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { useSubordinatesMonth } from '../attendance-admin/attendance-admin-api';
import { attendanceAdminPaths } from '../attendance-admin/paths';
import { useWorkDays } from './attendance-api';
import { AttendanceCalendar } from './attendance-calendar';
import { monthRange, zoneLabel } from './attendance-calendar-data';
import { MonthPicker } from './month-picker';
import { MonthSummaryGrid, SubordinateDayRow } from './subordinate-attendance-parts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One subordinate's month for their superior: totals, the calendar and every day with in/out and minutes. */
export function SubordinateMonthPage() {
  const t = useT();
  const { employeeId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('month') ?? '';
  const [month, setMonthState] = useState(() => (MONTH.test(requested) ? requested : todayInBrowser().slice(0, 7)));
  const setMonth = (next: string) => {
    setMonthState(next);
    setSearchParams({ month: next }, { replace: true });
  };
  const data = useSubordinatesMonth(month);
  const { from, to } = monthRange(month);
  const workDays = useWorkDays(employeeId, from, to);
  const person = data.data?.items.find((item) => item.employeeId === employeeId) ?? null;
  const days = useMemo(() => new Map((person?.days ?? []).map((day) => [day.date, day])), [person]);
  const offDays = useMemo(() => new Set((workDays.data?.items ?? []).filter((day) => !day.isWorkingDay).map((day) => day.date)), [workDays.data]);
  const [selected, setSelected] = useState<string | null>(null);

  const back = (
    <Anchor component={Link} to={`${attendanceAdminPaths.subordinates}?view=month`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} /> {t('attendanceAdmin.subordinates.title')}
    </Anchor>
  );
  if (data.data && !person) {
    return (
      <>
        {back}
        <NotFoundState text={t('attendanceAdmin.subordinates.notSubordinate')} />
      </>
    );
  }

  return (
    <>
      {back}
      <PageHeader
        title={person?.fullName ?? t('attendanceAdmin.subordinates.title')}
        description={person ? [person.nip, person.positionName].filter(Boolean).join(' · ') : undefined}
      />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="xs">
          <MonthPicker value={month} onChange={setMonth} data-testid="subordinate-month" />
          {(data.isFetching || workDays.isFetching) && <Loader size="xs" />}
        </Group>
        {data.isError && <ErrorState error={data.error} onRetry={() => void data.refetch()} />}
        {person && (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="sm">
                <Card withBorder padding="sm">
                  <MonthSummaryGrid summary={person.summary} />
                  {(person.summary.lateMinutes > 0 || person.summary.earlyMinutes > 0) && (
                    <Text size="xs" c="orange" mt={4}>
                      {t('attendanceAdmin.subordinates.minutesTotal', { late: person.summary.lateMinutes, early: person.summary.earlyMinutes })}
                    </Text>
                  )}
                </Card>
                <AttendanceCalendar
                  month={month}
                  days={days}
                  offDays={offDays}
                  onSelect={(date) => {
                    setSelected(date);
                    document.getElementById(`day-${date}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
                  }}
                />
                <Text size="xs" c="dimmed">
                  {t('attendance.zoneNote', { zone: zoneLabel(person.timeZone) })}
                </Text>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Title order={3} size="h4" mb="xs">
                {t('attendance.days')}
              </Title>
              {person.days.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('attendance.noDays')}
                </Text>
              )}
              <Stack gap="xs" data-testid="subordinate-day-list">
                {person.days.map((day) => (
                  <div key={day.date} style={day.date === selected ? { outline: '2px solid var(--mantine-primary-color-filled)', borderRadius: 4 } : undefined}>
                    <SubordinateDayRow day={day} timeZone={person.timeZone} />
                  </div>
                ))}
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}
