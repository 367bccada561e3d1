import { MonthPickerInput } from '@mantine/dates';
import { IconCalendarMonth } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A `YYYY-MM` month in a form, with its label, hint and error next to it. */
export function TppMonthField({
  label,
  value,
  onChange,
  error,
  description,
  required = false,
  'data-testid': testId,
}: {
  label: string;
  value: string | null;
  onChange: (month: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  'data-testid'?: string;
}) {
  return (
    <MonthPickerInput
      label={label}
      description={description}
      required={required}
      value={value ? `${value}-01` : null}
      onChange={(next) => onChange(next ? next.slice(0, 7) : null)}
      valueFormat="MMMM YYYY"
      leftSection={<IconCalendarMonth size={16} />}
      error={error}
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
