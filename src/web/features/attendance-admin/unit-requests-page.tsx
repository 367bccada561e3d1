import { Badge, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { REQUEST_STATUSES, type AttendanceRequestView, type RequestStatus } from '../../../contracts/attendance-requests';
import { canRecordRequests } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { RequestCard, useRequestPeriod } from '../attendance/request-card';
import { UnitSelect } from '../units/unit-select';
import { useCancelUnitRequest, useUnitRequests } from './attendance-admin-api';
import { RecordRequestModal } from './record-request-modal';

/**
 * A unit's leave and duty requests; the OPD admin records one on an employee's behalf (approved
 * at once, e.g. from a signed paper form or a duty letter) and may revoke it.
 */
export function UnitRequestsPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canRecordRequests(me.roles);
  const period = useRequestPeriod();
  const [unitId, setUnitId] = useState<string | null>(me.adminUnitIds[0] ?? null);
  const [status, setStatus] = useState<RequestStatus | null>(null);
  const requests = useUnitRequests(unitId, status);
  const cancel = useCancelUnitRequest();
  const [isRecording, setIsRecording] = useState(false);
  const [cancelling, setCancelling] = useState<AttendanceRequestView | null>(null);

  return (
    <>
      <PageHeader
        title={t('attendanceAdmin.record.pageTitle')}
        description={t('attendanceAdmin.record.pageDescription')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setIsRecording(true)} data-testid="record-create">
              {t('attendanceAdmin.record.title')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('device.unit')} value={unitId} onChange={setUnitId} clearable={false} data-testid="unit-requests-unit" />
          <Select
            label={t('list.status')}
            data={REQUEST_STATUSES.map((value) => ({ value, label: t(`request.status.${value}`) }))}
            value={status}
            onChange={(value) => setStatus(value as RequestStatus | null)}
            placeholder={t('list.all')}
            clearable
            comboboxProps={{ withinPortal: true }}
            w={{ base: '100%', xs: 200 }}
          />
          {requests.isFetching && <Loader size="xs" />}
        </Group>
        {!unitId && (
          <Text size="sm" c="dimmed">
            {t('board.pickUnit')}
          </Text>
        )}
        {requests.isError && <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />}
        {requests.data && requests.data.items.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('list.empty')}
          </Text>
        )}
        <Stack gap="xs" data-testid="unit-request-list">
          {requests.data?.items.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              showEmployee
              testId="unit-request"
              actions={
                <Group gap="xs">
                  {request.recordedByUserId && (
                    <Badge size="sm" variant="outline" color="gray">
                      {t('attendanceAdmin.record.recorded')}
                    </Badge>
                  )}
                  {canWrite && (request.status === 'diajukan' || request.status === 'disetujui') && (
                    <Button size="xs" variant="light" color="red" onClick={() => setCancelling(request)}>
                      {t('request.cancel')}
                    </Button>
                  )}
                </Group>
              }
            />
          ))}
        </Stack>
      </Stack>
      {isRecording && <RecordRequestModal onClose={() => setIsRecording(false)} />}
      <ConfirmDialog
        opened={cancelling !== null}
        title={t('request.cancel')}
        message={cancelling ? t('attendanceAdmin.record.cancelText', { name: cancelling.employeeName, kind: t(`request.kind.${cancelling.kind}`), dates: period(cancelling) }) : ''}
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
    </>
  );
}
