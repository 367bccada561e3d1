import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DailyAttendanceView } from '../../../contracts/attendance-daily';
import type { SubordinateMonthSummary } from '../../../contracts/attendance-subordinates';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { formatTimeInZone } from './attendance-calendar-data';
import { AttendanceStatusBadge } from './attendance-status-badge';

/** In/out on the unit's wall clock, and the late/early minutes when there are any. */
export function InOutText({ day, timeZone }: { day: DailyAttendanceView; timeZone: string }) {
  const t = useT();
  const notes = [
    day.lateMinutes > 0 ? t('attendance.lateMinutes', { minutes: day.lateMinutes }) : null,
    day.earlyMinutes > 0 ? t('attendance.earlyMinutes', { minutes: day.earlyMinutes }) : null,
    day.isFinal ? null : t('attendance.notFinal'),
  ].filter(Boolean);
  return (
    <>
      <Group gap="md">
        <Text size="sm">
          {t('attendance.firstIn')}: <b data-testid="first-in">{formatTimeInZone(day.firstIn, timeZone)}</b>
        </Text>
        <Text size="sm">
          {t('attendance.lastOut')}: <b>{formatTimeInZone(day.lastOut, timeZone)}</b>
        </Text>
      </Group>
      {notes.length > 0 && (
        <Text size="xs" c={day.lateMinutes > 0 || day.earlyMinutes > 0 ? 'orange' : 'dimmed'}>
          {notes.join(' · ')}
        </Text>
      )}
    </>
  );
}

/** One stored day in a month list. */
export function SubordinateDayRow({ day, timeZone }: { day: DailyAttendanceView; timeZone: string }) {
  const [locale] = useLocale();
  return (
    <Card withBorder padding="xs" id={`day-${day.date}`} data-testid="subordinate-day-row" data-date={day.date} data-status={day.status}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {formatDate(day.date, locale)}
        </Text>
        <AttendanceStatusBadge day={day} />
      </Group>
      {day.status !== 'libur' && <InOutText day={day} timeZone={timeZone} />}
    </Card>
  );
}

const SUMMARY_KEYS = ['workingDays', 'present', 'lateDays', 'earlyDays', 'tk', 'excused', 'noCheckIn', 'noCheckOut'] as const;

/** A month's totals as small labelled numbers (two to four per row, phone first). */
export function MonthSummaryGrid({ summary }: { summary: SubordinateMonthSummary }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 4, sm: 8 }} spacing={4} data-testid="month-summary">
      {SUMMARY_KEYS.map((key) => (
        <Stack key={key} gap={0} align="center" data-count={key}>
          <Text size="lg" fw={700} c={key === 'tk' && summary.tk > 0 ? 'red' : (key === 'lateDays' || key === 'earlyDays') && summary[key] > 0 ? 'orange' : undefined}>
            {summary[key]}
          </Text>
          <Text size="xs" c="dimmed" ta="center" lineClamp={2}>
            {t(`attendanceAdmin.subordinates.summary.${key}`)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
