import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Device } from '../../../contracts/attendance-devices';
import { canManageDevices } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime } from '../../lib/dates';
import { ApproveDeviceModal } from './approve-device-modal';
import { useDevices, useHeldPunchTotal } from './devices-api';

const statusColors: Record<Device['status'], string> = { active: 'teal', quarantine: 'orange', disabled: 'gray' };
/** A clock off by more than this is worth an admin's attention (punch times come from the device). */
const SKEW_WARNING_SECONDS = 120;

function DeviceStatusBadge({ status }: { status: Device['status'] }) {
  const t = useT();
  return (
    <Badge variant={status === 'quarantine' ? 'filled' : 'light'} color={statusColors[status]} size="sm">
      {t(`device.status.${status}`)}
    </Badge>
  );
}

function SkewText({ seconds }: { seconds: number | null }) {
  const t = useT();
  if (seconds === null) return <Text size="sm">—</Text>;
  const isOff = Math.abs(seconds) > SKEW_WARNING_SECONDS;
  return (
    <Text size="sm" c={isOff ? 'red' : undefined} fw={isOff ? 600 : undefined}>
      {t('device.skewSeconds', { seconds: seconds > 0 ? `+${seconds}` : seconds })}
    </Text>
  );
}

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
              <Text fw={600} size="sm" className="break-anywhere">
                {device.name}
              </Text>
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
                  <Text size="sm" fw={500}>
                    {device.name}
                  </Text>
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
  // Quarantined devices first: they are the ones waiting for someone.
  const items = [...(devices.data?.items ?? [])].sort((a, b) => Number(b.status === 'quarantine') - Number(a.status === 'quarantine') || a.name.localeCompare(b.name, 'id'));
  const quarantined = items.filter((device) => device.status === 'quarantine').length;

  return (
    <>
      <PageHeader title={t('nav.devices')} description={t('device.description')} />
      <Stack gap="sm">
        <Group gap="sm">
          {heldTotal.data !== undefined && (
            <Badge size="lg" variant="light" color={heldTotal.data > 0 ? 'orange' : 'gray'} data-testid="held-punch-total">
              {t('device.heldTotal', { count: heldTotal.data })}
            </Badge>
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
    </>
  );
}
