import { Box, Card, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { DailyAttendanceView } from '../../../contracts/attendance-daily';
import { useT } from '../../i18n/i18n-context';
import { buildMonthWeeks } from './attendance-calendar-data';
import { DayCodeBadge } from './attendance-status-badge';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface AttendanceCalendarProps {
  month: string;
  days: ReadonlyMap<string, DailyAttendanceView>;
  /** Dates that are not working days (weekend, holiday) are shaded even without a record. */
  offDays: ReadonlySet<string>;
  onSelect: (date: string) => void;
}

/** A month grid, Monday first; each day shows its short code (H, TL2, TK …). Narrow enough for 360 px. */
export function AttendanceCalendar({ month, days, offDays, onSelect }: AttendanceCalendarProps) {
  const t = useT();
  const weeks = buildMonthWeeks(month);
  return (
    <Card withBorder padding="xs" data-testid="attendance-calendar" aria-label={t('attendance.calendar')}>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {WEEKDAYS.map((weekday) => (
          <Text key={weekday} size="xs" c="dimmed" ta="center" fw={600}>
            {t(`attendance.weekday.${weekday}`)}
          </Text>
        ))}
        {weeks.flat().map((date, index) => {
          if (!date) return <Box key={`pad-${index}`} />;
          const day = days.get(date);
          const isOff = offDays.has(date) || day?.status === 'libur';
          return (
            <UnstyledButton
              key={date}
              onClick={() => onSelect(date)}
              data-testid="attendance-day"
              data-date={date}
              aria-label={day ? `${date}: ${t(`attendance.status.${day.status}`)}` : date}
              style={{
                minHeight: 48,
                borderRadius: 'var(--mantine-radius-sm)',
                border: '1px solid var(--mantine-color-default-border)',
                background: isOff ? 'var(--mantine-color-gray-light)' : undefined,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'space-between',
                padding: 2,
                minWidth: 0,
              }}
            >
              <Text size="xs" fw={500}>
                {Number(date.slice(8, 10))}
              </Text>
              {day && day.status !== 'libur' ? <DayCodeBadge day={day} /> : <Box h={16} />}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
