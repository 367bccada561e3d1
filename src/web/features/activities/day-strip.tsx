import { ActionIcon, Group, Indicator, UnstyledButton, Text, Stack } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { addDays, isoWeekday } from '../../../domain/attendance/calendar-zone';
import { useLocale, useT } from '../../i18n/i18n-context';

const weekdayNames = {
  id: ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** Monday of the week of `date`. */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

/**
 * A week of days to tap (thumb-sized on a 360-px phone), with arrows to the previous and next week.
 * Days with entries carry a dot; days after `today` cannot be chosen (no entries for the future).
 */
export function DayStrip({ selected, today, daysWithEntries, onSelect }: { selected: string; today: string; daysWithEntries: ReadonlySet<string>; onSelect: (date: string) => void }) {
  const t = useT();
  const [locale] = useLocale();
  const start = weekStartOf(selected);
  const days = Array.from({ length: 7 }, (_, index) => addDays(start, index));
  return (
    <Group gap={4} wrap="nowrap" justify="space-between" data-testid="day-strip">
      <ActionIcon variant="default" size="lg" onClick={() => onSelect(addDays(selected, -7))} aria-label={t('activityEntry.previousWeek')}>
        <IconChevronLeft size={16} />
      </ActionIcon>
      {days.map((date, index) => {
        const isSelected = date === selected;
        const isFuture = date > today;
        return (
          <UnstyledButton
            key={date}
            onClick={() => onSelect(date)}
            disabled={isFuture}
            aria-pressed={isSelected}
            aria-label={date}
            data-testid={`day-${date}`}
            style={{
              flex: 1,
              minWidth: 0,
              borderRadius: 8,
              padding: '4px 0',
              opacity: isFuture ? 0.4 : 1,
              background: isSelected ? 'var(--mantine-primary-color-filled)' : undefined,
              color: isSelected ? 'var(--mantine-color-white)' : undefined,
            }}
          >
            <Stack gap={0} align="center">
              <Text size="xs">{weekdayNames[locale][index]}</Text>
              <Indicator disabled={!daysWithEntries.has(date)} size={6} offset={-2} position="bottom-center" color={isSelected ? 'white' : 'teal'}>
                <Text size="sm" fw={date === today ? 700 : 500}>
                  {Number(date.slice(8, 10))}
                </Text>
              </Indicator>
            </Stack>
          </UnstyledButton>
        );
      })}
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => onSelect(addDays(selected, 7) > today ? today : addDays(selected, 7))}
        disabled={weekStartOf(today) <= start}
        aria-label={t('activityEntry.nextWeek')}
      >
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}
