import { Button, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';

export function ForbiddenState() {
  const t = useT();
  return (
    <Stack align="center" py="xl" gap="sm" ta="center">
      <IconLock size={40} aria-hidden />
      <Title order={2}>{t('error.forbiddenTitle')}</Title>
      <Text c="dimmed">{t('error.forbiddenText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('action.backHome')}
      </Button>
    </Stack>
  );
}
