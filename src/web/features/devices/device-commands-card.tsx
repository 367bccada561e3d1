import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Device } from '../../../contracts/attendance-devices';
import { DateField } from '../../components/date-field';
import { EmptyRows } from '../../components/empty-rows';
import { ErrorState } from '../../components/error-state';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDateTime, todayInBrowser } from '../../lib/dates';
import { useDeviceCommands, useEnqueueCommand, type DeviceCommandList } from './devices-api';

/** The safe commands an admin may queue from here (syncing one user is offered on its PIN row). */
const KINDS = ['check', 'info', 'query_attlog', 'verify_sum'] as const;
type Kind = (typeof KINDS)[number];
type CommandStatus = DeviceCommandList['items'][number]['status'];
const statusColors: Record<CommandStatus, string> = { pending: 'gray', sent: 'blue', done: 'teal', failed: 'red' };

/** The command outbox of a PUSH device: queue a safe command, see it sent and its result come back. */
export function DeviceCommandsCard({ device, canWrite }: { device: Device; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const commands = useDeviceCommands(device.id);
  const enqueue = useEnqueueCommand();
  const [kind, setKind] = useState<Kind>('check');
  const [from, setFrom] = useState<string | null>(todayInBrowser());
  const [to, setTo] = useState<string | null>(todayInBrowser());
  const [rangeError, setRangeError] = useState<string | null>(null);
  const needsRange = kind === 'query_attlog' || kind === 'verify_sum';
  const canQueue = canWrite && device.status === 'active' && device.protocol === 'adms';

  const queue = () => {
    if (needsRange && (!from || !to)) return setRangeError(t('validation.required'));
    if (needsRange && from && to && to < from) return setRangeError(t('validation.endBeforeStart'));
    setRangeError(null);
    // The device reads times on its own clock: whole local days.
    const command = needsRange ? { kind, startTime: `${from} 00:00:00`, endTime: `${to} 23:59:59` } : { kind };
    enqueue.mutate({ deviceId: device.id, command }, { onSuccess: () => notifications.show({ color: 'teal', message: t('attendanceAdmin.command.queued') }) });
  };

  return (
    <Card withBorder padding="sm" data-testid="device-commands">
      <Title order={3} size="h5" mb="xs">
        {t('attendanceAdmin.command.title')}
      </Title>
      {canWrite && !canQueue && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('attendanceAdmin.command.onlyActivePush')}
        </Text>
      )}
      {canQueue && (
        <Stack gap="xs" mb="sm">
          {enqueue.error && (
            <Alert color="red" role="alert">
              {enqueue.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: needsRange ? 3 : 1 }} spacing="xs">
            <Select
              label={t('attendanceAdmin.command.kind')}
              data={KINDS.map((value) => ({ value, label: t(`attendanceAdmin.command.kind.${value}`) }))}
              value={kind}
              onChange={(value) => value && setKind(value as Kind)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="command-kind"
            />
            {needsRange && <DateField label={t('attendanceAdmin.command.from')} value={from} onChange={setFrom} error={rangeError} />}
            {needsRange && <DateField label={t('attendanceAdmin.command.to')} value={to} minDate={from ?? undefined} onChange={setTo} />}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t(`attendanceAdmin.command.hint.${kind}`)}
          </Text>
          <Group justify="flex-end">
            <Button size="xs" onClick={queue} loading={enqueue.isPending} data-testid="command-queue">
              {t('attendanceAdmin.command.queue')}
            </Button>
          </Group>
        </Stack>
      )}
      {commands.isError && <ErrorState error={commands.error} onRetry={() => void commands.refetch()} />}
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" striped data-testid="command-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attendanceAdmin.command.command')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('attendanceAdmin.command.times')}</Table.Th>
              <Table.Th>{t('attendanceAdmin.command.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {commands.data && commands.data.items.length === 0 && <EmptyRows colSpan={4} text={t('attendanceAdmin.command.empty')} />}
            {commands.data?.items.map((command) => (
              <Table.Tr key={command.id} data-testid="command-row" data-status={command.status}>
                <Table.Td>
                  <Text size="xs" ff="monospace" className="break-anywhere">
                    {command.command}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={statusColors[command.status]}>
                    {t(`attendanceAdmin.command.status.${command.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatDateTime(command.createdAt, locale)}</Text>
                  {command.completedAt && (
                    <Text size="xs" c="dimmed">
                      {t('attendanceAdmin.command.completedAt', { time: formatDateTime(command.completedAt, locale) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" className="break-anywhere">
                    {command.returnCode === null ? '—' : `Return=${command.returnCode}`}
                    {command.result ? ` ${command.result}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
