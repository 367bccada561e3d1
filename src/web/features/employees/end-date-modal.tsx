import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DateField } from '../../components/date-field';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';

interface EndDateModalProps {
  title: string;
  text: string;
  /** The earliest allowed end: the start date of what is being ended. */
  minDate: string;
  isLoading: boolean;
  error: Error | null;
  onSubmit: (endDate: string) => void;
  onClose: () => void;
}

/** Asks for the last day of an assignment or an override (history is ended, never deleted). */
export function EndDateModal({ title, text, minDate, isLoading, error, onSubmit, onClose }: EndDateModalProps) {
  const t = useT();
  const today = todayInBrowser();
  const [endDate, setEndDate] = useState<string | null>(today < minDate ? minDate : today);
  const [validation, setValidation] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{text}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <DateField
          label={t('assignment.endDate')}
          required
          value={endDate}
          minDate={minDate}
          onChange={(value) => {
            setEndDate(value);
            setValidation(null);
          }}
          error={validation}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button
            color="red"
            loading={isLoading}
            onClick={() => {
              if (!endDate) return setValidation(t('validation.required'));
              if (endDate < minDate) return setValidation(t('validation.endBeforeStart'));
              onSubmit(endDate);
            }}
          >
            {t('action.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
