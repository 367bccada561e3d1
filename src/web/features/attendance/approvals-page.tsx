import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { AttendanceRequestView } from '../../../contracts/attendance-requests';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { useDecideRequest, useRequests } from './attendance-api';
import { RequestCard } from './request-card';

function RejectModal({ request, onClose }: { request: AttendanceRequestView; onClose: () => void }) {
  const t = useT();
  const decide = useDecideRequest();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('approval.rejectTitle', { name: request.employeeName })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A rejection must tell the employee why (the server stores it with the decision).
          if (reason.trim().length < 3) return setError(t('validation.required'));
          decide.mutate(
            { id: request.id, decision: 'ditolak', reason: reason.trim() },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('approval.rejected') });
                onClose();
              },
            },
          );
        }}
        noValidate
      >
        <Stack>
          {decide.error && (
            <Alert color="red" role="alert">
              {decide.error.message}
            </Alert>
          )}
          <Textarea label={t('approval.rejectReason')} required autosize minRows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={error} data-testid="approval-reject-reason" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color="red" loading={decide.isPending} data-testid="approval-reject-confirm">
              {t('approval.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A superior's inbox: subordinates' requests awaiting a decision, oldest first. */
export function ApprovalsPage() {
  const t = useT();
  const requests = useRequests('to_approve', 'diajukan');
  const decide = useDecideRequest();
  const [rejecting, setRejecting] = useState<AttendanceRequestView | null>(null);
  const items = [...(requests.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  const approve = (request: AttendanceRequestView) =>
    decide.mutate(
      { id: request.id, decision: 'disetujui', reason: null },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('approval.approved') }),
        onError: (error) => notifications.show({ color: 'red', message: error.message, autoClose: 8000 }),
      },
    );

  return (
    <>
      <PageHeader title={t('nav.approvals')} description={t('approval.description')} />
      <Stack gap="xs" data-testid="approval-list">
        {requests.isPending && <Loader size="sm" />}
        {requests.isError && <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />}
        {requests.data && items.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('approval.empty')}
          </Text>
        )}
        {items.map((request) => (
          <RequestCard
            key={request.id}
            request={request}
            showEmployee
            testId="approval-item"
            actions={
              <>
                <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} />} onClick={() => setRejecting(request)} data-testid="approval-reject">
                  {t('approval.reject')}
                </Button>
                <Button
                  size="xs"
                  color="teal"
                  leftSection={<IconCheck size={14} />}
                  loading={decide.isPending && decide.variables.id === request.id}
                  onClick={() => approve(request)}
                  data-testid="approval-approve"
                >
                  {t('approval.approve')}
                </Button>
              </>
            }
          />
        ))}
      </Stack>
      {rejecting && <RejectModal request={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}
