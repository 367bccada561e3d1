import { Button, Stack, Text, Title } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';

export function NotFoundState({ text }: { text?: string }) {
  const t = useT();
  return (
    <Stack align="center" py="xl" gap="sm" ta="center">
      <IconMapOff size={40} aria-hidden />
      <Title order={2}>{t('error.notFoundTitle')}</Title>
      <Text c="dimmed">{text ?? t('error.notFoundText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('action.backHome')}
      </Button>
    </Stack>
  );
}
