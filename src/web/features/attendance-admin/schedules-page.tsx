import { ActionIcon, Badge, Button, Card, Group, Loader, Menu, SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarUser, IconDots, IconGridDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { canAssignSchedules, canManageSchedules } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ActiveBadge } from '../../components/active-badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useT, type Translate } from '../../i18n/i18n-context';
import { useSchedules, useSetScheduleActive, type Schedule } from './attendance-admin-api';
import { attendanceAdminPaths } from './paths';
import { ScheduleFormModal } from './schedule-form-modal';
import { weekdayShortKey } from './weekdays';

/** "Mon–Thu 07:30–16:00 · Fri 07:30–16:30": consecutive weekdays with the same hours are grouped. */
export function describeWeek(schedule: Schedule, t: Translate): string {
  const working = [...schedule.days].filter((day) => day.isWorkingDay).sort((a, b) => a.weekday - b.weekday);
  const groups: { from: number; to: number; hours: string }[] = [];
  for (const day of working) {
    const hours = `${day.startTime ?? ''}–${day.endTime ?? ''}`;
    const last = groups.at(-1);
    if (last && last.to === day.weekday - 1 && last.hours === hours) last.to = day.weekday;
    else groups.push({ from: day.weekday, to: day.weekday, hours });
  }
  const name = (weekday: number) => t(weekdayShortKey(weekday));
  return groups.map((group) => `${name(group.from)}${group.to > group.from ? `–${name(group.to)}` : ''} ${group.hours}`).join(' · ');
}

function ScheduleCard({ schedule, canWrite, onEdit, onToggle }: { schedule: Schedule; canWrite: boolean; onEdit: () => void; onToggle: () => void }) {
  const t = useT();
  return (
    <Card withBorder padding="sm" style={schedule.isActive ? undefined : { opacity: 0.65 }} data-testid="schedule-row" data-code={schedule.code}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" className="break-anywhere">
            {schedule.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" className="break-anywhere">
            {schedule.code}
          </Text>
        </div>
        {canWrite && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: schedule.name })} data-testid="schedule-actions">
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onEdit}>{t('action.edit')}</Menu.Item>
              <Menu.Item color={schedule.isActive ? 'red' : undefined} onClick={onToggle}>
                {schedule.isActive ? t('action.deactivate') : t('action.activate')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group gap={4} mt={4}>
        <Badge size="sm" variant="light" color={schedule.kind === 'shift' ? 'grape' : 'blue'}>
          {t(`attendanceAdmin.schedule.kind.${schedule.kind}`)}
        </Badge>
        <ActiveBadge isActive={schedule.isActive} />
      </Group>
      <Text size="sm" mt={4} className="break-anywhere">
        {schedule.kind === 'fixed'
          ? describeWeek(schedule, t)
          : schedule.shifts.map((item) => `${item.code} ${item.startTime}–${item.endTime}`).join(' · ')}
      </Text>
      {(schedule.graceLateMinutes > 0 || schedule.graceEarlyMinutes > 0) && (
        <Text size="xs" c="dimmed">
          {t('attendanceAdmin.schedule.graceText', { late: schedule.graceLateMinutes, early: schedule.graceEarlyMinutes })}
        </Text>
      )}
      {schedule.regulation && (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {schedule.regulation}
        </Text>
      )}
    </Card>
  );
}

/** Work schedules as data: BKPSDM defines weekly patterns and shift sets; admins assign them to units and people. */
export function SchedulesPage() {
  const t = useT();
  const me = useSession();
  const canWrite = canManageSchedules(me.roles);
  const canAssign = canAssignSchedules(me.roles);
  const schedules = useSchedules();
  const setActive = useSetScheduleActive();
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [toggling, setToggling] = useState<Schedule | null>(null);
  const items = [...(schedules.data?.items ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, 'id'));

  return (
    <>
      <PageHeader
        title={t('attendanceAdmin.schedule.title')}
        description={t('attendanceAdmin.schedule.description')}
        actions={
          <>
            <Button variant="default" component={Link} to={attendanceAdminPaths.scheduleAssignments} leftSection={<IconCalendarUser size={16} />}>
              {t('attendanceAdmin.assignment.title')}
            </Button>
            <Button variant="default" component={Link} to={attendanceAdminPaths.rosters} leftSection={<IconGridDots size={16} />}>
              {t('attendanceAdmin.roster.title')}
            </Button>
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="schedule-create">
                {t('attendanceAdmin.schedule.create')}
              </Button>
            )}
          </>
        }
      />
      {!canAssign && !canWrite && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('attendanceAdmin.readOnly')}
        </Text>
      )}
      {schedules.isPending && <Loader size="sm" />}
      {schedules.isError && <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="schedule-list">
        {items.map((schedule) => (
          <ScheduleCard key={schedule.id} schedule={schedule} canWrite={canWrite} onEdit={() => setEditing(schedule)} onToggle={() => setToggling(schedule)} />
        ))}
      </SimpleGrid>
      {editing && <ScheduleFormModal schedule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        message={toggling ? t(toggling.isActive ? 'attendanceAdmin.schedule.deactivateText' : 'attendanceAdmin.schedule.activateText', { name: toggling.name }) : ''}
        confirmLabel={toggling?.isActive ? t('action.deactivate') : t('action.activate')}
        color={toggling?.isActive ? 'red' : 'teal'}
        isLoading={setActive.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          setActive.mutate(
            { id: toggling.id, isActive: !toggling.isActive },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('attendanceAdmin.schedule.saved') });
                setToggling(null);
              },
            },
          );
        }}
      />
    </>
  );
}
