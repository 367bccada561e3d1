import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AttendanceRequestView } from '../../../contracts/attendance-requests';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { useT } from '../../i18n/i18n-context';
import { useCancelRequest, useRequests } from './attendance-api';
import { RequestCard, useRequestPeriod } from './request-card';

/** The employee's own requests, newest first; a request still awaiting decision can be cancelled. */
export function MyRequestsList() {
  const t = useT();
  const requests = useRequests('mine');
  const cancel = useCancelRequest();
  const period = useRequestPeriod();
  const [cancelling, setCancelling] = useState<AttendanceRequestView | null>(null);
  const items = [...(requests.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Stack gap="xs" data-testid="my-requests">
      <Title order={3} size="h4">
        {t('request.mine')}
      </Title>
      {requests.isPending && <Loader size="sm" />}
      {requests.isError && <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('request.noneMine')}
        </Text>
      )}
      {items.map((request) => (
        <RequestCard
          key={request.id}
          request={request}
          testId="my-request"
          actions={
            request.status === 'diajukan' ? (
              <Button size="xs" variant="light" color="red" onClick={() => setCancelling(request)} data-testid="request-cancel">
                {t('request.cancel')}
              </Button>
            ) : undefined
          }
        />
      ))}
      <ConfirmDialog
        opened={cancelling !== null}
        title={t('request.cancel')}
        message={cancelling ? t('request.cancelText', { kind: t(`request.kind.${cancelling.kind}`), dates: period(cancelling) }) : ''}
        confirmLabel={t('request.cancel')}
        isLoading={cancel.isPending}
        onClose={() => setCancelling(null)}
        onConfirm={() => {
          if (!cancelling) return;
          cancel.mutate(cancelling.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('request.cancelled') });
              setCancelling(null);
            },
          });
        }}
      />
    </Stack>
  );
}
