import { Alert, Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Device } from '../../../contracts/attendance-devices';
import { canManageDevices } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useT } from '../../i18n/i18n-context';
import { attendanceAdminPaths } from '../attendance-admin/paths';
import { ApproveDeviceModal } from './approve-device-modal';
import { DeviceFormModal } from './device-form-modal';
import { useDevices, useHeldPunches, type HeldPunch, type HeldPunchFilters, type HeldReviewStatus } from './devices-api';
import { ReviewPunchModal, ReviewRangeModal, type Decision } from './held-review-modals';
import { MappingFormModal } from './mapping-form-modal';

const REASONS: HeldReviewStatus[] = ['unknown_pin', 'unknown_device', 'implausible_time', 'dismissed'];
const reasonColors: Record<HeldReviewStatus, string> = { unknown_pin: 'orange', unknown_device: 'red', implausible_time: 'grape', dismissed: 'gray' };
const PAGE_SIZE = 25;

type Action =
  | { kind: 'map'; punch: HeldPunch }
  | { kind: 'approve'; device: Device }
  | { kind: 'register'; serial: string }
  | { kind: 'review'; punch: HeldPunch; decision: Decision }
  | { kind: 'reviewRange'; device: Device };

function HeldPunchCard({ punch, device, canResolve, onAction }: { punch: HeldPunch; device: Device | null; canResolve: boolean; onAction: (action: Action) => void }) {
  const t = useT();
  const reason = punch.reviewStatus === 'ok' ? 'unknown_pin' : punch.reviewStatus;
  return (
    <Card withBorder padding="sm" data-testid="held-row" data-reason={reason} data-pin={punch.pin}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} className="break-anywhere">
            {t('attendanceAdmin.held.pinAt', { pin: punch.pin, time: punch.localTime })}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {punch.deviceId ? (
              <Anchor component={Link} to={attendanceAdminPaths.device(punch.deviceId)} size="xs">
                {punch.deviceName ?? punch.serialNumber}
              </Anchor>
            ) : (
              t('attendanceAdmin.held.unregistered')
            )}{' '}
            · <span style={{ fontFamily: 'monospace' }}>{punch.serialNumber}</span> · {t(`attendanceAdmin.device.protocol.${punch.source}`)}
          </Text>
        </div>
        <Badge size="sm" variant="light" color={reasonColors[reason]} style={{ flexShrink: 0 }}>
          {t(`attendanceAdmin.held.reason.${reason}`)}
        </Badge>
      </Group>
      <Text size="xs" mt={4}>
        {t(`attendanceAdmin.held.why.${reason}`)}
      </Text>
      {punch.reviewNote && (
        <Text size="xs" mt={2} c="dimmed" className="break-anywhere">
          {t('attendanceAdmin.held.reviewNote', { note: punch.reviewNote })}
        </Text>
      )}
      {canResolve && (
        <Group gap="xs" mt="xs">
          {reason === 'unknown_pin' && punch.deviceId && (
            <Button size="xs" onClick={() => onAction({ kind: 'map', punch })} data-testid="held-map">
              {t('attendanceAdmin.held.mapPin')}
            </Button>
          )}
          {reason === 'unknown_device' && device && device.status !== 'active' && (
            <Button size="xs" color="teal" onClick={() => onAction({ kind: 'approve', device })} data-testid="held-approve">
              {t('device.approve')}
            </Button>
          )}
          {reason === 'unknown_device' && !punch.deviceId && (
            <Button size="xs" onClick={() => onAction({ kind: 'register', serial: punch.serialNumber })} data-testid="held-register">
              {t('attendanceAdmin.device.register')}
            </Button>
          )}
          {reason === 'implausible_time' && punch.deviceId && (
            <>
              <Button size="xs" color="teal" onClick={() => onAction({ kind: 'review', punch, decision: 'accept' })} data-testid="held-accept">
                {t('attendanceAdmin.held.accept')}
              </Button>
              <Button size="xs" color="red" variant="light" onClick={() => onAction({ kind: 'review', punch, decision: 'dismiss' })} data-testid="held-dismiss">
                {t('attendanceAdmin.held.dismiss')}
              </Button>
              <Button size="xs" variant="default" component={Link} to={attendanceAdminPaths.device(punch.deviceId)}>
                {t('attendanceAdmin.held.checkDevice')}
              </Button>
            </>
          )}
        </Group>
      )}
    </Card>
  );
}

/**
 * Punches held for review with why: an unknown PIN is mapped to its employee, an unknown
 * machine is registered or approved; either releases the punches into attendance at once.
 * An implausible time is accepted (it counts) or dismissed with a reason, one by one or for a
 * device's date range.
 */
export function HeldPunchesPage() {
  const t = useT();
  const me = useSession();
  const canResolve = canManageDevices(me.roles);
  const [searchParams] = useSearchParams();
  const [filters, setFilters] = useState<HeldPunchFilters>({ deviceId: searchParams.get('deviceId'), reviewStatus: null, page: 1, pageSize: PAGE_SIZE });
  const held = useHeldPunches(filters);
  const devices = useDevices();
  const [action, setAction] = useState<Action | null>(null);
  const deviceById = new Map((devices.data?.items ?? []).map((device) => [device.id, device]));
  const selectedDevice = filters.deviceId ? (deviceById.get(filters.deviceId) ?? null) : null;

  return (
    <>
      <PageHeader title={t('attendanceAdmin.held.title')} description={t('attendanceAdmin.held.description')} />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('device.name')}
            data={(devices.data?.items ?? []).map((device) => ({ value: device.id, label: `${device.name} (${device.serialNumber})` }))}
            value={filters.deviceId}
            onChange={(deviceId) => setFilters({ ...filters, deviceId, page: 1 })}
            placeholder={t('list.all')}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            w={{ base: '100%', xs: 260 }}
            data-testid="held-device"
          />
          <Select
            label={t('attendanceAdmin.held.reason')}
            data={REASONS.map((value) => ({ value, label: t(`attendanceAdmin.held.reason.${value}`) }))}
            value={filters.reviewStatus}
            onChange={(value) => setFilters({ ...filters, reviewStatus: value as HeldReviewStatus | null, page: 1 })}
            placeholder={t('list.all')}
            clearable
            comboboxProps={{ withinPortal: true }}
            w={{ base: '100%', xs: 220 }}
            data-testid="held-reason"
          />
          {canResolve && selectedDevice && (
            <Button variant="light" onClick={() => setAction({ kind: 'reviewRange', device: selectedDevice })} data-testid="held-review-range">
              {t('attendanceAdmin.held.reviewRange')}
            </Button>
          )}
          {held.isFetching && <Loader size="xs" />}
        </Group>
        {held.isError && <ErrorState error={held.error} onRetry={() => void held.refetch()} />}
        {held.data && held.data.items.length === 0 && <Alert color="teal">{t('attendanceAdmin.held.empty')}</Alert>}
        <Stack gap="xs" data-testid="held-list">
          {held.data?.items.map((punch) => (
            <HeldPunchCard key={punch.id} punch={punch} device={punch.deviceId ? (deviceById.get(punch.deviceId) ?? null) : null} canResolve={canResolve} onAction={setAction} />
          ))}
        </Stack>
        {held.data && held.data.total > 0 && <Pager page={filters.page} pageSize={filters.pageSize} total={held.data.total} onChange={(page) => setFilters({ ...filters, page })} />}
      </Stack>
      {action?.kind === 'map' && action.punch.deviceId && (
        <MappingFormModal
          deviceId={action.punch.deviceId}
          mapping={null}
          defaults={{ pin: action.punch.pin, startDate: action.punch.localTime.slice(0, 10) }}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === 'approve' && <ApproveDeviceModal device={action.device} onClose={() => setAction(null)} />}
      {action?.kind === 'register' && <DeviceFormModal device={null} defaultSerial={action.serial} onClose={() => setAction(null)} />}
      {action?.kind === 'review' && <ReviewPunchModal punch={action.punch} decision={action.decision} onClose={() => setAction(null)} />}
      {action?.kind === 'reviewRange' && <ReviewRangeModal device={action.device} onClose={() => setAction(null)} />}
    </>
  );
}
