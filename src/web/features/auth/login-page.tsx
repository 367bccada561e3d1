import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconListDetails } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginRequest } from '../../../contracts/auth';
import { isApiError } from '../../api/api-error';
import { FullPageLoader } from '../../auth/route-guards';
import { useLogin, useMeQuery } from '../../auth/session';
import { LanguageSwitch } from '../../components/language-switch';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { validateWithSchema } from '../../lib/form-errors';
import { safeNextPath } from '../../lib/safe-next-path';
import { PasswordField } from '../../components/password-field';

function lockedUntilOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'ACCOUNT_LOCKED') return null;
  const details = error.details as { lockedUntil?: unknown } | undefined;
  return typeof details?.lockedUntil === 'string' ? details.lockedUntil : null;
}

export function LoginPage() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const meQuery = useMeQuery();
  const login = useLogin();
  const form = useForm({
    initialValues: { login: '', password: '' },
    validate: (values) => validateWithSchema(loginRequest, values, t),
  });

  if (meQuery.isPending) return <FullPageLoader />;
  if (meQuery.data && !login.isPending) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const lockedUntil = lockedUntilOf(login.error);
  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess: (me) => void navigate(me.mustChangePassword ? '/change-password' : safeNextPath(searchParams.get('next')), { replace: true }),
    }),
  );

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={400}>
        <Group justify="space-between" mb="md">
          <Group gap="xs">
            <IconListDetails size={26} aria-hidden />
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={2} size="h4">
                  {t('auth.loginTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('auth.loginHint')}
                </Text>
              </div>
              {login.error && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="login-error">
                  {login.error.message}
                  {lockedUntil && <Text size="sm">{t('auth.lockedUntil', { time: formatDateTime(lockedUntil, locale) })}</Text>}
                </Alert>
              )}
              <TextInput
                label={t('auth.loginField')}
                autoComplete="username"
                inputMode="text"
                autoCapitalize="none"
                spellCheck={false}
                data-testid="login-username"
                {...form.getInputProps('login')}
              />
              <PasswordField label={t('auth.password')} autoComplete="current-password" data-testid="login-password" {...form.getInputProps('password')} />
              <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                {t('auth.loginButton')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('app.tagline')}
        </Text>
      </Box>
    </Center>
  );
}
