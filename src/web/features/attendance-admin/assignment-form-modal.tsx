import { Alert, Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createScheduleAssignmentRequest, updateScheduleAssignmentRequest } from '../../../contracts/attendance-schedules';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { UnitSelect } from '../units/unit-select';
import { searchEmployeeOptions, useSaveScheduleAssignment, useSchedules, type ScheduleAssignment } from './attendance-admin-api';

type Target = 'unit' | 'employee' | 'region';

interface AssignmentFormModalProps {
  assignment: ScheduleAssignment | null;
  /** Only BKPSDM assigns a schedule to the whole region. */
  canAssignRegion: boolean;
  defaultUnitId: string | null;
  onClose: () => void;
}

/** Assigns a schedule to a unit (and its sub-units), one employee or the region for a period; an edit changes period, priority and note. */
export function AssignmentFormModal({ assignment, canAssignRegion, defaultUnitId, onClose }: AssignmentFormModalProps) {
  const t = useT();
  const save = useSaveScheduleAssignment();
  const schedules = useSchedules();
  const [scheduleId, setScheduleId] = useState<string | null>(assignment?.scheduleId ?? null);
  const [target, setTarget] = useState<Target>(assignment ? (assignment.employeeId ? 'employee' : assignment.unitId ? 'unit' : 'region') : 'unit');
  const [unitId, setUnitId] = useState<string | null>(assignment?.unitId ?? defaultUnitId);
  const [employeeId, setEmployeeId] = useState<string | null>(assignment?.employeeId ?? null);
  const [startDate, setStartDate] = useState<string | null>(assignment?.startDate ?? todayInBrowser());
  const [endDate, setEndDate] = useState<string | null>(assignment?.endDate ?? null);
  const [priority, setPriority] = useState<number | string>(assignment?.priority ?? 0);
  const [note, setNote] = useState(assignment?.note ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };
  const targets: Target[] = canAssignRegion ? ['unit', 'employee', 'region'] : ['unit', 'employee'];

  const handleSubmit = () => {
    const update = { startDate: startDate ?? '', endDate, priority: priority === '' ? 0 : Number(priority), note: note.trim() || null };
    const create = { ...update, scheduleId: scheduleId ?? '', unitId: target === 'unit' ? unitId : null, employeeId: target === 'employee' ? employeeId : null };
    const found = assignment ? validateWithSchema(updateScheduleAssignmentRequest, update, t) : validateWithSchema(createScheduleAssignmentRequest, create, t);
    if (!assignment && !scheduleId) found.scheduleId = t('validation.required');
    if (!assignment && target === 'unit' && !unitId) found.unitId = t('validation.required');
    if (!assignment && target === 'employee' && !employeeId) found.employeeId = t('validation.required');
    if (update.startDate && endDate && endDate < update.startDate) found.endDate = t('validation.endBeforeStart');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: assignment?.id ?? null, create, update },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('attendanceAdmin.assignment.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={assignment ? t('attendanceAdmin.assignment.editTitle') : t('attendanceAdmin.assignment.createTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          handleSubmit();
        }}
        noValidate
      >
        <Stack>
          {save.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          {assignment ? (
            <Text size="sm">
              <b>{assignment.scheduleName}</b> → {assignment.employeeName ?? assignment.unitName ?? t('attendanceAdmin.assignment.region')}
            </Text>
          ) : (
            <>
              <Select
                label={t('attendanceAdmin.assignment.schedule')}
                required
                data={(schedules.data?.items ?? []).filter((item) => item.isActive).map((item) => ({ value: item.id, label: `${item.name} (${item.code})` }))}
                value={scheduleId}
                onChange={setScheduleId}
                searchable
                error={shown.scheduleId}
                comboboxProps={{ withinPortal: true }}
                data-testid="assignment-schedule"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('attendanceAdmin.assignment.target')}
                </Text>
                <SegmentedControl
                  value={target}
                  onChange={(value) => setTarget(value as Target)}
                  data={targets.map((value) => ({ value, label: t(`attendanceAdmin.assignment.target.${value}`) }))}
                  fullWidth
                  data-testid="assignment-target"
                />
              </Stack>
              {target === 'unit' && (
                <UnitSelect
                  label={t('device.unit')}
                  description={t('attendanceAdmin.assignment.unitHint')}
                  required
                  value={unitId}
                  onChange={setUnitId}
                  error={shown.unitId}
                  data-testid="assignment-unit"
                />
              )}
              {target === 'employee' && (
                <AsyncSelect
                  label={t('attendanceAdmin.mapping.employee')}
                  placeholder={t('attendanceAdmin.employeeSearch')}
                  required
                  queryKey="attendance-admin-employees"
                  search={searchEmployeeOptions}
                  value={employeeId}
                  onChange={(value) => setEmployeeId(value)}
                  error={shown.employeeId}
                  data-testid="assignment-employee"
                />
              )}
              {target === 'region' && (
                <Text size="xs" c="dimmed">
                  {t('attendanceAdmin.assignment.regionHint')}
                </Text>
              )}
            </>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={t('attendanceAdmin.validFrom')} required value={startDate} onChange={setStartDate} error={shown.startDate} data-testid="assignment-start" />
            <DateField
              label={t('attendanceAdmin.validTo')}
              description={t('attendanceAdmin.openEnded')}
              clearable
              value={endDate}
              minDate={startDate ?? undefined}
              onChange={setEndDate}
              error={shown.endDate}
              data-testid="assignment-end"
            />
          </SimpleGrid>
          <NumberInput
            label={t('attendanceAdmin.assignment.priority')}
            description={t('attendanceAdmin.assignment.priorityHint')}
            min={0}
            max={100}
            allowDecimal={false}
            value={priority}
            onChange={setPriority}
            error={shown.priority}
            data-testid="assignment-priority"
          />
          <TextInput label={t('attendanceAdmin.assignment.note')} maxLength={500} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={shown.note} data-testid="assignment-note" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="assignment-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
