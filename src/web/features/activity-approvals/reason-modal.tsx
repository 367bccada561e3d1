import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context';

/** Asks the reason for a rejection or a return for revision (the server requires one too). */
export function ReasonModal({
  title,
  confirmLabel,
  color,
  isPending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  confirmLabel: string;
  color: string;
  isPending: boolean;
  error: Error | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim().length === 0) return setFieldError(t('validation.required'));
          onConfirm(reason.trim());
        }}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Textarea
            label={t('activityApproval.reason')}
            description={t('activityApproval.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError}
            data-testid="activity-reason"
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color={color} loading={isPending} data-testid="activity-reason-confirm">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
