import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { useApprovalSummary } from './activity-approvals-api';

/**
 * Home-page reminder for superiors: how many subordinates' activities wait, how many are past or
 * close to the approval deadline. Shows nothing when nothing waits.
 */
export function ActivityPendingCard({ approvalsPath = '/activities/approvals' }: { approvalsPath?: string }) {
  const t = useT();
  const summary = useApprovalSummary();
  const data = summary.data;
  if (!data || data.pending === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="activity-pending-card">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconChecklist size={20} aria-hidden />
          <Text fw={600}>{t('activityApproval.pendingCardTitle')}</Text>
        </Group>
        <Text size="sm">{t('activityApproval.pendingCardText', { pending: data.pending, people: data.people })}</Text>
        <Group gap={6}>
          {data.overdue > 0 && (
            <Badge color="red" variant="light">
              {t('activityApproval.pendingCardOverdue', { count: data.overdue })}
            </Badge>
          )}
          {data.dueSoon > 0 && (
            <Badge color="orange" variant="light">
              {t('activityApproval.pendingCardDueSoon', { count: data.dueSoon })}
            </Badge>
          )}
        </Group>
        <Group justify="flex-end">
          <Button component={Link} to={approvalsPath} size="xs" data-testid="activity-pending-open">
            {t('activityApproval.pendingCardOpen')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
