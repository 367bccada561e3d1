import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { meQueryKey, useSession } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors } from '../../lib/form-errors';
import { checkNewPassword } from '../../lib/password-rules';
import { PasswordField } from '../../components/password-field';

export function ChangePasswordPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('password.currentRequired')),
      newPassword: (value, values) => checkNewPassword(value, t) ?? (value === values.currentPassword ? t('password.sameAsCurrent') : null),
      confirmation: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/api/auth/change-password', input),
    meta: { isErrorShownInline: true },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('password.changed') });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      void navigate('/', { replace: true });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  return (
    <Stack maw={480}>
      <PageHeader title={t('nav.changePassword')} />
      {me.mustChangePassword && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="must-change-password">
          {t('password.mustChange')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))} noValidate>
          <Stack>
            {change.error && (
              <Alert color="red" role="alert">
                {change.error.message}
              </Alert>
            )}
            <PasswordField label={t('password.current')} autoComplete="current-password" required withAsterisk={false} {...form.getInputProps('currentPassword')} />
            <PasswordField
              label={t('password.new')}
              description={t('password.rule')}
              autoComplete="new-password"
              required
              withAsterisk={false}
              {...form.getInputProps('newPassword')}
            />
            <PasswordField label={t('password.confirm')} autoComplete="new-password" required withAsterisk={false} {...form.getInputProps('confirmation')} />
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('password.otherSessions')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
