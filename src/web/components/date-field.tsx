import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  minDate?: string;
  'data-testid'?: string;
}

/** A calendar date as `YYYY-MM-DD`, typed ("26 09 2026") or picked; never converted through a time zone. */
export function DateField({ label, value, onChange, clearable = false, ...rest }: DateFieldProps) {
  const t = useT();
  return (
    <DateInput
      label={label}
      value={value}
      onChange={onChange}
      valueFormat="DD MMM YYYY"
      clearable={clearable}
      placeholder={t('date.placeholder')}
      leftSection={<IconCalendar size={16} />}
      popoverProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
