import { ActionIcon, Group } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context';
import { shiftMonth } from './attendance-calendar-data';

/** A `YYYY-MM` month with previous/next buttons (thumb-friendly on phones). */
export function MonthPicker({ value, onChange, 'data-testid': testId }: { value: string; onChange: (month: string) => void; 'data-testid'?: string }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap" align="flex-end">
      <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftMonth(value, -1))} aria-label={t('attendance.previousMonth')}>
        <IconChevronLeft size={16} />
      </ActionIcon>
      <MonthPickerInput
        label={t('attendance.month')}
        value={`${value}-01`}
        onChange={(next) => {
          if (next) onChange(next.slice(0, 7));
        }}
        valueFormat="MMMM YYYY"
        popoverProps={{ withinPortal: true }}
        w={170}
        data-testid={testId}
      />
      <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftMonth(value, 1))} aria-label={t('attendance.nextMonth')}>
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}
