import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors } from '../../lib/form-errors';
import { checkNewPassword } from '../../lib/password-rules';
import { useResetPassword, type UserSummary } from './users-api';
import { PasswordField } from '../../components/password-field';

/** Sets a temporary password (which also unlocks the account); the user must change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const t = useT();
  const reset = useResetPassword();
  const form = useForm({
    initialValues: { password: '', confirmation: '' },
    validate: {
      password: (value) => checkNewPassword(value, t),
      confirmation: (value, values) => (value === values.password ? null : t('password.mismatch')),
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('user.resetTitle')} centered>
      <form
        noValidate
        onSubmit={form.onSubmit(({ password }) =>
          reset.mutate(
            { id: user.id, password },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('user.resetDone', { name: user.displayName }) });
                onClose();
              },
              onError: (error) => form.setErrors(serverFieldErrors(error)),
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm">{t('user.resetText', { name: user.displayName })}</Text>
          {reset.error && (
            <Alert color="red" role="alert">
              {reset.error.message}
            </Alert>
          )}
          <PasswordField label={t('password.new')} description={t('password.rule')} required autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordField label={t('password.confirm')} required autoComplete="new-password" {...form.getInputProps('confirmation')} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending} data-testid="reset-password-save">
              {t('user.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
