import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../i18n/i18n-context';

/** Shows a failed load with the server's message and a retry button. */
export function ErrorState({ error, onRetry, fullPage = false }: { error: Error; onRetry?: () => void; fullPage?: boolean }) {
  const t = useT();
  const alert = (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('error.loadFailed')} role="alert" maw={560} w="100%">
      <Stack gap="xs" align="flex-start">
        <span className="break-anywhere">{error.message}</span>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  return fullPage ? (
    <Center h="100dvh" p="md">
      {alert}
    </Center>
  ) : (
    alert
  );
}
