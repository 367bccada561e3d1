import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Device } from '../../../contracts/attendance-devices';
import { canManageDevices } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { attendanceAdminPaths } from '../attendance-admin/paths';
import { ApproveDeviceModal } from './approve-device-modal';
import { DeviceStatusBadge, SkewText } from './device-badges';
import { DeviceFormModal } from './device-form-modal';
import { useDevices, useHeldPunchTotal } from './devices-api';

interface DeviceViewProps {
  items: Device[];
  canApprove: boolean;
  onApprove: (device: Device) => void;
}

const quarantineStyle = { background: 'var(--mantine-color-orange-light)' };

function DeviceCards({ items, canApprove, onApprove }: DeviceViewProps) {
  const t = useT();
  const [locale] = useLocale();
  if (items.length === 0) return <Text c="dimmed" size="sm" ta="center" py="md">{t('list.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="device-table">
      {items.map((device) => (
        <Card key={device.id} withBorder padding="sm" style={device.status === 'quarantine' ? quarantineStyle : undefined} data-testid="device-row" data-status={device.status}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={attendanceAdminPaths.device(device.id)} fw={600} size="sm" className="break-anywhere" data-testid="device-link">
                {device.name}
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace" className="break-anywhere">
                {device.serialNumber} · {device.protocol}
              </Text>
            </div>
            <DeviceStatusBadge status={device.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {device.unitName ?? t('device.noUnit')}
          </Text>
          <Text size="xs">
            {t('device.lastContact')}: {device.lastContactAt ? formatDateTime(device.lastContactAt, locale) : t('device.never')}
          </Text>
          <Group gap="md">
            <Group gap={4}>
              <Text size="xs">{t('device.skew')}:</Text>
              <SkewText seconds={device.lastClockSkewSeconds} />
            </Group>
            <Text size="xs">
              {t('device.held')}: {device.heldPunches}
            </Text>
          </Group>
          {canApprove && device.status === 'quarantine' && (
            <Button size="xs" color="teal" mt="xs" onClick={() => onApprove(device)} data-testid="device-approve">
              {t('device.approve')}
            </Button>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function DeviceTable({ items, canApprove, onApprove }: DeviceViewProps) {
  const t = useT();
  const [locale] = useLocale();
  const columns = canApprove ? 7 : 6;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="device-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('device.name')}</Table.Th>
              <Table.Th>{t('device.unit')}</Table.Th>
              <Table.Th>{t('device.lastContact')}</Table.Th>
              <Table.Th>{t('device.skew')}</Table.Th>
              <Table.Th>{t('device.held')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              {canApprove && <Table.Th>{t('list.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && <EmptyRows colSpan={columns} />}
            {items.map((device) => (
              <Table.Tr key={device.id} style={device.status === 'quarantine' ? quarantineStyle : undefined} data-testid="device-row" data-status={device.status}>
                <Table.Td>
                  <Anchor component={Link} to={attendanceAdminPaths.device(device.id)} size="sm" fw={500} data-testid="device-link">
                    {device.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {device.serialNumber} · {device.protocol}
                  </Text>
                </Table.Td>
                <Table.Td>{device.unitName ?? <Text size="sm" c="dimmed">{t('device.noUnit')}</Text>}</Table.Td>
                <Table.Td>
                  <Text size="xs">{device.lastContactAt ? formatDateTime(device.lastContactAt, locale) : t('device.never')}</Text>
                </Table.Td>
                <Table.Td>
                  <SkewText seconds={device.lastClockSkewSeconds} />
                </Table.Td>
                <Table.Td>{device.heldPunches}</Table.Td>
                <Table.Td>
                  <DeviceStatusBadge status={device.status} />
                </Table.Td>
                {canApprove && (
                  <Table.Td>
                    {device.status === 'quarantine' && (
                      <Button size="xs" color="teal" onClick={() => onApprove(device)} data-testid="device-approve">
                        {t('device.approve')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Attendance devices: health at a glance; admins let quarantined devices in. Read-only for leaders and auditors. */
export function DevicesPage() {
  const t = useT();
  const me = useSession();
  const canApprove = canManageDevices(me.roles);
  const isPhone = useMediaQuery('(max-width: 36em)');
  const devices = useDevices();
  const heldTotal = useHeldPunchTotal();
  const [approving, setApproving] = useState<Device | null>(null);
  const [isRegistering, setIsRegistering] = useState(false);
  const navigate = useNavigate();
  // Quarantined devices first: they are the ones waiting for someone.
  const items = [...(devices.data?.items ?? [])].sort((a, b) => Number(b.status === 'quarantine') - Number(a.status === 'quarantine') || a.name.localeCompare(b.name, 'id'));
  const quarantined = items.filter((device) => device.status === 'quarantine').length;

  return (
    <>
      <PageHeader
        title={t('nav.devices')}
        description={t('device.description')}
        actions={
          canApprove && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setIsRegistering(true)} data-testid="device-create">
              {t('attendanceAdmin.device.register')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group gap="sm">
          {heldTotal.data !== undefined && (
            <Badge size="lg" variant="light" color={heldTotal.data > 0 ? 'orange' : 'gray'} data-testid="held-punch-total">
              {t('device.heldTotal', { count: heldTotal.data })}
            </Badge>
          )}
          {heldTotal.data !== undefined && heldTotal.data > 0 && (
            <Anchor component={Link} to={attendanceAdminPaths.heldPunches} size="sm" data-testid="held-punch-review">
              {t('attendanceAdmin.held.reviewLink')}
            </Anchor>
          )}
        </Group>
        {quarantined > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('device.quarantineNotice', { count: quarantined })}
          </Alert>
        )}
        {devices.isError && <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />}
        {devices.isPending && <Loader size="sm" />}
        {devices.data && (isPhone ? <DeviceCards items={items} canApprove={canApprove} onApprove={setApproving} /> : <DeviceTable items={items} canApprove={canApprove} onApprove={setApproving} />)}
      </Stack>
      {approving && <ApproveDeviceModal device={approving} onClose={() => setApproving(null)} />}
      {isRegistering && <DeviceFormModal device={null} onClose={() => setIsRegistering(false)} onSaved={(saved) => void navigate(attendanceAdminPaths.device(saved.id))} />}
    </>
  );
}
