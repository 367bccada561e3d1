import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, type FormErrors } from '../../lib/form-errors';

/**
 * The body of a TPP record form: the browser's own validation off (the contract's Zod schema checks
 * instead), the server's refusal on top when it names no field, the fields, then cancel and save.
 */
export function TppRecordForm({
  error,
  isSaving,
  saveTestId,
  onSubmit,
  onClose,
  children,
  after,
}: {
  error: Error | null;
  isSaving: boolean;
  saveTestId: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  /** Rendered inside the form after the buttons (a confirmation dialog). */
  after?: ReactNode;
}) {
  const t = useT();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        {error && Object.keys(serverFieldErrors(error)).length === 0 && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {children}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={isSaving} data-testid={saveTestId}>
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
      {after}
    </form>
  );
}

/** The message to show under each field: what the browser found, else what the server answered. */
export const shownErrors = (error: Error | null, found: FormErrors): FormErrors => ({ ...serverFieldErrors(error), ...found });
