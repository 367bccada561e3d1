import { Alert, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { DailyAttendanceView } from '../../../contracts/attendance-daily';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate, todayInBrowser } from '../../lib/dates';
import { useDailyAttendance, useWorkDays } from './attendance-api';
import { AttendanceCalendar } from './attendance-calendar';
import { formatTimeInZone, monthRange, zoneLabel } from './attendance-calendar-data';
import { AttendanceStatusBadge } from './attendance-status-badge';
import { LeaveBalanceCard } from './leave-balance-card';
import { MonthPicker } from './month-picker';
import { MyRequestsList } from './my-requests-list';
import { RequestFormModal } from './request-form-modal';

/** The zone a unit keeps when the planned calendar does not say (the regency sits in WIB). */
const DEFAULT_ZONE = 'Asia/Jakarta';

function DayRow({ day, timeZone, holidayName, isSelected }: { day: DailyAttendanceView; timeZone: string; holidayName: string | null; isSelected: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Card
      withBorder
      padding="xs"
      id={`day-${day.date}`}
      data-testid="attendance-day-row"
      data-date={day.date}
      style={isSelected ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {formatDate(day.date, locale)}
        </Text>
        <AttendanceStatusBadge day={day} />
      </Group>
      <Group gap="md" mt={4}>
        <Text size="sm">
          {t('attendance.firstIn')}: <b>{formatTimeInZone(day.firstIn, timeZone)}</b>
        </Text>
        <Text size="sm">
          {t('attendance.lastOut')}: <b>{formatTimeInZone(day.lastOut, timeZone)}</b>
        </Text>
        {day.plannedStart && (
          <Text size="xs" c="dimmed">
            {t('attendance.planned')}: {formatTimeInZone(day.plannedStart, timeZone)}–{formatTimeInZone(day.plannedEnd, timeZone)}
          </Text>
        )}
      </Group>
      {(day.lateMinutes > 0 || day.earlyMinutes > 0 || holidayName || !day.isFinal) && (
        <Text size="xs" c="dimmed" mt={2}>
          {[
            day.lateMinutes > 0 ? t('attendance.lateMinutes', { minutes: day.lateMinutes }) : null,
            day.earlyMinutes > 0 ? t('attendance.earlyMinutes', { minutes: day.earlyMinutes }) : null,
            holidayName,
            day.isFinal ? null : t('attendance.notFinal'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Card>
  );
}

/** "Presensi saya": the month as a calendar and a list, the leave balance, and own requests. */
export function MyAttendancePage() {
  const t = useT();
  const me = useSession();
  const [month, setMonth] = useState(() => todayInBrowser().slice(0, 7));
  const [selected, setSelected] = useState<string | null>(null);
  const [isRequesting, setIsRequesting] = useState(false);
  const { from, to } = monthRange(month);
  const daily = useDailyAttendance(me.employeeId, from, to);
  const workDays = useWorkDays(me.employeeId, from, to);

  const days = useMemo(() => new Map((daily.data?.items ?? []).map((day) => [day.date, day])), [daily.data]);
  const plan = useMemo(() => new Map((workDays.data?.items ?? []).map((day) => [day.date, day])), [workDays.data]);
  const offDays = useMemo(() => new Set([...plan.values()].filter((day) => !day.isWorkingDay).map((day) => day.date)), [plan]);
  const zoneOf = (date: string) => plan.get(date)?.timeZone ?? DEFAULT_ZONE;
  const monthZone = workDays.data?.items[0]?.timeZone ?? DEFAULT_ZONE;
  const sortedDays = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));

  if (!me.employeeId) {
    return (
      <>
        <PageHeader title={t('nav.attendance')} />
        <Alert color="yellow">{t('attendance.noEmployee')}</Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('nav.attendance')}
        description={t('attendance.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setIsRequesting(true)} data-testid="request-create">
            {t('request.create')}
          </Button>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end" gap="xs">
              <MonthPicker value={month} onChange={setMonth} data-testid="attendance-month" />
              {(daily.isFetching || workDays.isFetching) && <Loader size="xs" />}
            </Group>
            {daily.isError && <ErrorState error={daily.error} onRetry={() => void daily.refetch()} />}
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
              {t('attendance.zoneNote', { zone: zoneLabel(monthZone) })}
            </Text>
            <Title order={3} size="h4">
              {t('attendance.days')}
            </Title>
            {daily.data && sortedDays.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('attendance.noDays')}
              </Text>
            )}
            <Stack gap="xs" data-testid="attendance-day-list">
              {sortedDays.map((day) => (
                <DayRow key={day.date} day={day} timeZone={zoneOf(day.date)} holidayName={plan.get(day.date)?.holidayName ?? null} isSelected={day.date === selected} />
              ))}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <LeaveBalanceCard year={Number(month.slice(0, 4))} />
            <MyRequestsList />
          </Stack>
        </Grid.Col>
      </Grid>
      {isRequesting && <RequestFormModal onClose={() => setIsRequesting(false)} />}
    </>
  );
}
