import { Alert, Anchor, Button, Card, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { canManageDevices } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { InfoList } from '../../components/info-list';
import { NotFoundState } from '../../components/not-found-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { zoneLabel } from '../attendance/attendance-calendar-data';
import { attendanceAdminPaths } from '../attendance-admin/paths';
import { ApproveDeviceModal } from './approve-device-modal';
import { DeviceStatusBadge, SkewText } from './device-badges';
import { DeviceCommandsCard } from './device-commands-card';
import { DeviceFormModal } from './device-form-modal';
import { DeviceMappingsCard } from './device-mappings-card';
import { useDevice, useDisableDevice } from './devices-api';

/** One device: where it is, its clock and last contact, its PIN mappings and its command outbox. */
export function DeviceDetailPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canManageDevices(me.roles);
  const { deviceId = '' } = useParams();
  const device = useDevice(deviceId);
  const disable = useDisableDevice();
  const [isEditing, setIsEditing] = useState(false);
  const [isApproving, setIsApproving] = useState(false);
  const [isDisabling, setIsDisabling] = useState(false);

  if (device.isError && isApiError(device.error) && device.error.status === 404) return <NotFoundState text={device.error.message} />;
  const data = device.data;

  return (
    <>
      <Anchor component={Link} to={attendanceAdminPaths.devices} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('nav.devices')}
      </Anchor>
      {device.isPending && <Loader size="sm" />}
      {device.isError && <ErrorState error={device.error} onRetry={() => void device.refetch()} />}
      {data && (
        <>
          <PageHeader
            title={data.name}
            description={<DeviceStatusBadge status={data.status} />}
            actions={
              canWrite && (
                <>
                  <Button variant="default" onClick={() => setIsEditing(true)} data-testid="device-edit">
                    {t('action.edit')}
                  </Button>
                  {data.status !== 'active' ? (
                    <Button color="teal" onClick={() => setIsApproving(true)} data-testid="device-approve">
                      {data.status === 'quarantine' ? t('device.approve') : t('action.activate')}
                    </Button>
                  ) : (
                    <Button color="red" variant="light" onClick={() => setIsDisabling(true)} data-testid="device-disable">
                      {t('action.deactivate')}
                    </Button>
                  )}
                </>
              )
            }
          />
          <Stack gap="md">
            {data.status === 'quarantine' && <Alert color="orange">{t('attendanceAdmin.device.quarantineText')}</Alert>}
            <Card withBorder padding="sm" data-testid="device-info">
              <InfoList
                columns={3}
                items={[
                  { label: t('device.serial'), value: data.serialNumber },
                  { label: t('attendanceAdmin.device.protocol'), value: t(`attendanceAdmin.device.protocol.${data.protocol}`) },
                  { label: t('device.unit'), value: data.unitName ?? t('device.noUnit') },
                  { label: t('device.location'), value: data.location },
                  { label: t('device.timeZone'), value: `${zoneLabel(data.timeZone)} (${data.timeZone})` },
                  { label: t('attendanceAdmin.device.pushTimeZone'), value: data.pushTimeZone },
                  { label: t('device.lastContact'), value: data.lastContactAt ? formatDateTime(data.lastContactAt, locale) : t('device.never') },
                  { label: t('device.skew'), value: <SkewText seconds={data.lastClockSkewSeconds} /> },
                  { label: t('attendanceAdmin.device.lastPunch'), value: data.lastPunchAt ? formatDateTime(data.lastPunchAt, locale) : '—' },
                  { label: t('attendanceAdmin.device.firmware'), value: data.firmware },
                  ...(data.protocol === 'zk4370' ? [{ label: t('attendanceAdmin.device.host'), value: data.host ? `${data.host}:${data.port ?? 4370}` : null }] : []),
                  {
                    label: t('device.held'),
                    value:
                      data.heldPunches > 0 ? (
                        <Anchor component={Link} to={`${attendanceAdminPaths.heldPunches}?deviceId=${data.id}`} size="sm">
                          {data.heldPunches}
                        </Anchor>
                      ) : (
                        '0'
                      ),
                  },
                ]}
              />
            </Card>
            <DeviceMappingsCard device={data} canWrite={canWrite} />
            <DeviceCommandsCard device={data} canWrite={canWrite} />
          </Stack>
          {isEditing && <DeviceFormModal device={data} onClose={() => setIsEditing(false)} />}
          {isApproving && <ApproveDeviceModal device={data} onClose={() => setIsApproving(false)} />}
          <ConfirmDialog
            opened={isDisabling}
            title={t('action.deactivate')}
            message={t('attendanceAdmin.device.disableText', { name: data.name })}
            confirmLabel={t('action.deactivate')}
            isLoading={disable.isPending}
            onClose={() => setIsDisabling(false)}
            onConfirm={() =>
              disable.mutate(data.id, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('attendanceAdmin.device.disabled') });
                  setIsDisabling(false);
                },
              })
            }
          />
        </>
      )}
    </>
  );
}
