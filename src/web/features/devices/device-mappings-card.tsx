import { ActionIcon, Button, Card, Group, Menu, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Device } from '../../../contracts/attendance-devices';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { useDeleteMapping, useDeviceMappings, useEnqueueCommand, type DeviceMapping } from './devices-api';
import { MappingFormModal } from './mapping-form-modal';

/** The PINs of one device and whom each stands for, when; admins add, end, remove and push them to the device. */
export function DeviceMappingsCard({ device, canWrite }: { device: Device; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const mappings = useDeviceMappings(device.id);
  const remove = useDeleteMapping();
  const enqueue = useEnqueueCommand();
  const [editing, setEditing] = useState<DeviceMapping | 'new' | null>(null);
  const [removing, setRemoving] = useState<DeviceMapping | null>(null);
  const canSync = canWrite && device.status === 'active' && device.protocol === 'adms';
  const columns = canWrite ? 4 : 3;

  return (
    <Card withBorder padding="sm" data-testid="device-mappings">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5">
          {t('attendanceAdmin.mapping.title')}
        </Title>
        {canWrite && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="mapping-create">
            {t('attendanceAdmin.mapping.create')}
          </Button>
        )}
      </Group>
      {mappings.isError && <ErrorState error={mappings.error} onRetry={() => void mappings.refetch()} />}
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs" striped data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attendanceAdmin.mapping.pin')}</Table.Th>
              <Table.Th>{t('attendanceAdmin.mapping.employee')}</Table.Th>
              <Table.Th>{t('attendanceAdmin.validity')}</Table.Th>
              {canWrite && <Table.Th w={52} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mappings.data && mappings.data.items.length === 0 && <EmptyRows colSpan={columns} text={t('attendanceAdmin.mapping.empty')} />}
            {mappings.data?.items.map((mapping) => (
              <Table.Tr key={mapping.id} data-testid="mapping-row" data-pin={mapping.pin}>
                <Table.Td ff="monospace">{mapping.pin}</Table.Td>
                <Table.Td>
                  <Text size="sm" className="break-anywhere">
                    {mapping.employeeName}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {mapping.nip}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(mapping.startDate, locale)} – {mapping.endDate ? formatDate(mapping.endDate, locale) : t('attendanceAdmin.onwards')}
                  </Text>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: mapping.pin })}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setEditing(mapping)}>{t('attendanceAdmin.mapping.editValidity')}</Menu.Item>
                        {canSync && (
                          <Menu.Item
                            onClick={() =>
                              enqueue.mutate(
                                { deviceId: device.id, command: { kind: 'sync_user', mappingId: mapping.id } },
                                {
                                  onSuccess: () => notifications.show({ color: 'teal', message: t('attendanceAdmin.command.queued') }),
                                  onError: (error) => notifications.show({ color: 'red', message: error.message }),
                                },
                              )
                            }
                          >
                            {t('attendanceAdmin.mapping.syncToDevice')}
                          </Menu.Item>
                        )}
                        <Menu.Item color="red" onClick={() => setRemoving(mapping)}>
                          {t('attendanceAdmin.mapping.remove')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <MappingFormModal deviceId={device.id} mapping={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={t('attendanceAdmin.mapping.remove')}
        message={removing ? t('attendanceAdmin.mapping.removeText', { pin: removing.pin, name: removing.employeeName }) : ''}
        confirmLabel={t('attendanceAdmin.mapping.remove')}
        isLoading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(
            { deviceId: device.id, mappingId: removing.id },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('attendanceAdmin.mapping.removed') });
                setRemoving(null);
              },
            },
          );
        }}
      />
    </Card>
  );
}
