import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { AttendanceRequestView } from '../../../contracts/attendance-requests';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { downloadAttachment } from './attendance-api';
import { RequestStatusBadge } from './attendance-status-badge';

/** "3 Mar 2026" or "3 Mar 2026 – 5 Mar 2026", with times for part-day requests. */
export function useRequestPeriod() {
  const [locale] = useLocale();
  return (request: AttendanceRequestView) => {
    const dates = request.startDate === request.endDate ? formatDate(request.startDate, locale) : `${formatDate(request.startDate, locale)} – ${formatDate(request.endDate, locale)}`;
    const times = [request.startTime, request.endTime].filter(Boolean).join('–');
    return times ? `${dates}, ${times}` : dates;
  };
}

/** One request as a card: kind, period, reason, status, decision; actions on the right. */
export function RequestCard({ request, showEmployee = false, actions, testId }: { request: AttendanceRequestView; showEmployee?: boolean; actions?: ReactNode; testId?: string }) {
  const t = useT();
  const period = useRequestPeriod();
  return (
    <Card withBorder padding="sm" data-testid={testId} data-request-id={request.id}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            {showEmployee && (
              <Text fw={600} size="sm" className="break-anywhere">
                {request.employeeName} <Text span size="xs" c="dimmed" ff="monospace">{request.employeeNip}</Text>
              </Text>
            )}
            <Text fw={showEmployee ? 500 : 600} size="sm">
              {t(`request.kind.${request.kind}`)}
            </Text>
          </div>
          <RequestStatusBadge status={request.status} />
        </Group>
        <Text size="sm">
          {period(request)}
          {request.workingDays !== null && <Text span size="xs" c="dimmed">{` · ${t('request.workingDays', { count: request.workingDays })}`}</Text>}
        </Text>
        <Text size="sm" c="dimmed" className="break-anywhere">
          {request.reason}
        </Text>
        {request.decisionReason && (
          <Text size="xs" c="dimmed" className="break-anywhere">
            {t('request.decisionReason', { reason: request.decisionReason })}
          </Text>
        )}
        {(request.attachmentId || actions) && (
          <Group justify="space-between" gap="xs" mt={4}>
            {request.attachmentId ? (
              <Anchor component="button" type="button" size="sm" onClick={() => downloadAttachment(request.attachmentId as string).catch((error: Error) => notifications.show({ color: 'red', message: error.message }))}>
                {t('request.viewAttachment')}
              </Anchor>
            ) : (
              <span />
            )}
            {actions && <Group gap="xs">{actions}</Group>}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
