import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCloudUpload, IconWifiOff } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context';
import type { OfflineQueue } from './use-offline-queue';

/** The connection state and the entries waiting in this browser: "n entri menunggu dikirim", and refused ones with the server's reason. */
export function QueuedEntries({ queue }: { queue: OfflineQueue }) {
  const t = useT();
  const pending = queue.items.filter((item) => item.state === 'pending');
  const failed = queue.items.filter((item) => item.state === 'failed');
  return (
    <Stack gap="xs">
      {!queue.isOnline && (
        <Alert color="yellow" icon={<IconWifiOff size={18} />} data-testid="offline-banner">
          {t('activityEntry.offline')}
        </Alert>
      )}
      {pending.length > 0 && (
        <Alert color="blue" icon={<IconCloudUpload size={18} />} data-testid="queue-pending">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('activityEntry.queuePending', { count: pending.length })}</Text>
            <Button size="xs" variant="light" onClick={() => void queue.flush()} loading={queue.isSending} disabled={!queue.isOnline} data-testid="queue-send">
              {t('activityEntry.queueSend')}
            </Button>
          </Group>
          <Stack gap={2} mt={4}>
            {pending.map((item) => (
              <Text key={item.idempotencyKey} size="xs" data-testid="queued-entry">
                {item.body.workDate} {item.body.startTime}–{item.body.endTime} · {item.title}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {failed.map((item) => (
        <Card key={item.idempotencyKey} withBorder padding="xs" style={{ borderColor: 'var(--mantine-color-red-6)' }} data-testid="queued-failed">
          <Text size="sm" fw={600}>
            {item.body.workDate} {item.body.startTime}–{item.body.endTime} · {item.title}
          </Text>
          <Text size="xs" c="red" className="break-anywhere">
            {t('activityEntry.queueRefused', { reason: item.errorMessage ?? '' })}
          </Text>
          <Group justify="flex-end" mt={4}>
            <Button size="xs" variant="subtle" color="red" onClick={() => void queue.discard(item.idempotencyKey)} data-testid="queued-discard">
              {t('activityEntry.queueDiscard')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
