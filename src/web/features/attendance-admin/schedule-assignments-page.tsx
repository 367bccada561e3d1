import { ActionIcon, Badge, Button, Card, Group, Loader, Menu, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { canAssignSchedules, canManageSchedules } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { useLocale, useT } from '../../i18n/i18n-context';
import { formatDate } from '../../lib/dates';
import { UnitSelect } from '../units/unit-select';
import { AssignmentFormModal } from './assignment-form-modal';
import { useDeleteScheduleAssignment, useScheduleAssignments, useSchedules, type AssignmentFilters, type ScheduleAssignment } from './attendance-admin-api';

/**
 * Which schedule applies to whom, when: the region, a unit (with its sub-units) or one employee,
 * each for a period. The most specific applies, then the higher priority.
 */
export function ScheduleAssignmentsPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useSession();
  const canWrite = canAssignSchedules(me.roles);
  const canAssignRegion = canManageSchedules(me.roles);
  const [filters, setFilters] = useState<AssignmentFilters>({ unitId: null, scheduleId: null, activeOn: null });
  const assignments = useScheduleAssignments(filters);
  const schedules = useSchedules();
  const remove = useDeleteScheduleAssignment();
  const [editing, setEditing] = useState<ScheduleAssignment | 'new' | null>(null);
  const [removing, setRemoving] = useState<ScheduleAssignment | null>(null);
  const items = assignments.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('attendanceAdmin.assignment.title')}
        description={t('attendanceAdmin.assignment.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="assignment-create">
              {t('attendanceAdmin.assignment.create')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect label={t('device.unit')} value={filters.unitId} onChange={(unitId) => setFilters({ ...filters, unitId })} placeholder={t('list.all')} data-testid="assignment-filter-unit" />
          <Select
            label={t('attendanceAdmin.assignment.schedule')}
            data={(schedules.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            value={filters.scheduleId}
            onChange={(scheduleId) => setFilters({ ...filters, scheduleId })}
            placeholder={t('list.all')}
            clearable
            comboboxProps={{ withinPortal: true }}
            w={{ base: '100%', xs: 240 }}
          />
          <DateField label={t('attendanceAdmin.assignment.activeOn')} clearable value={filters.activeOn} onChange={(activeOn) => setFilters({ ...filters, activeOn })} />
          {assignments.isFetching && <Loader size="xs" />}
        </Group>
        {assignments.isError && <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />}
        {assignments.data && items.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('list.empty')}
          </Text>
        )}
        <Stack gap="xs" data-testid="assignment-list">
          {items.map((assignment) => (
            <Card key={assignment.id} withBorder padding="sm" data-testid="assignment-row" data-id={assignment.id}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} className="break-anywhere">
                    {assignment.scheduleName}
                  </Text>
                  <Group gap={6} mt={2}>
                    <Badge size="sm" variant="light" color={assignment.employeeId ? 'grape' : assignment.unitId ? 'blue' : 'gray'}>
                      {t(`attendanceAdmin.assignment.target.${assignment.employeeId ? 'employee' : assignment.unitId ? 'unit' : 'region'}`)}
                    </Badge>
                    {(assignment.employeeName ?? assignment.unitName) && (
                      <Text size="sm" className="break-anywhere">
                        {assignment.employeeName ?? assignment.unitName}
                      </Text>
                    )}
                  </Group>
                  <Text size="xs" mt={2} data-testid="assignment-period">
                    {formatDate(assignment.startDate, locale)} – {assignment.endDate ? formatDate(assignment.endDate, locale) : t('attendanceAdmin.onwards')} ·{' '}
                    {t('attendanceAdmin.assignment.priorityValue', { priority: assignment.priority })}
                  </Text>
                  {assignment.note && (
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {assignment.note}
                    </Text>
                  )}
                </div>
                {canWrite && (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('action.actionsFor', { name: assignment.scheduleName })} data-testid="assignment-actions">
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setEditing(assignment)} data-testid="assignment-edit">
                        {t('action.edit')}
                      </Menu.Item>
                      <Menu.Item color="red" onClick={() => setRemoving(assignment)}>
                        {t('attendanceAdmin.remove')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      </Stack>
      {editing && (
        <AssignmentFormModal assignment={editing === 'new' ? null : editing} canAssignRegion={canAssignRegion} defaultUnitId={filters.unitId ?? me.adminUnitIds[0] ?? null} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('attendanceAdmin.remove')}
        message={removing ? t('attendanceAdmin.assignment.removeText', { name: removing.scheduleName, target: removing.employeeName ?? removing.unitName ?? t('attendanceAdmin.assignment.region') }) : ''}
        confirmLabel={t('attendanceAdmin.remove')}
        isLoading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('attendanceAdmin.assignment.removed') });
              setRemoving(null);
            },
          });
        }}
      />
    </>
  );
}
