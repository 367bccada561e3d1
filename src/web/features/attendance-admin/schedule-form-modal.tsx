import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { scheduleRequest, SCHEDULE_KINDS } from '../../../contracts/attendance-schedules';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { useSaveSchedule, type Schedule } from './attendance-admin-api';
import { weekdayKey } from './weekdays';

type Kind = (typeof SCHEDULE_KINDS)[number];
interface DayRow {
  weekday: number;
  isWorkingDay: boolean;
  startTime: string;
  endTime: string;
  breakMinutes: number | string;
}
interface ShiftRow {
  key: number;
  code: string;
  name: string;
  startTime: string;
  endTime: string;
  breakMinutes: number | string;
}

/** A new weekly pattern starts as a plain Monday–Friday week; the admin sets the real hours. */
const newWeek = (): DayRow[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, isWorkingDay: weekday <= 5, startTime: weekday <= 5 ? '07:30' : '', endTime: weekday <= 5 ? '16:00' : '', breakMinutes: weekday <= 5 ? 60 : 0 }));

let shiftKey = 0;
const newShift = (): ShiftRow => ({ key: ++shiftKey, code: '', name: '', startTime: '', endTime: '', breakMinutes: 0 });

const toNumber = (value: number | string) => (value === '' ? 0 : Number(value));

/** Creates or edits a whole schedule: a weekly pattern (fixed) or a set of shifts, grace minutes and its legal basis. */
export function ScheduleFormModal({ schedule, onClose }: { schedule: Schedule | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveSchedule();
  const [code, setCode] = useState(schedule?.code ?? '');
  const [name, setName] = useState(schedule?.name ?? '');
  const [kind, setKind] = useState<Kind>(schedule?.kind ?? 'fixed');
  const [graceLate, setGraceLate] = useState<number | string>(schedule?.graceLateMinutes ?? 0);
  const [graceEarly, setGraceEarly] = useState<number | string>(schedule?.graceEarlyMinutes ?? 0);
  const [regulation, setRegulation] = useState(schedule?.regulation ?? '');
  const [days, setDays] = useState<DayRow[]>(() =>
    schedule && schedule.kind === 'fixed' && schedule.days.length === 7
      ? [...schedule.days].sort((a, b) => a.weekday - b.weekday).map((day) => ({ ...day, startTime: day.startTime ?? '', endTime: day.endTime ?? '' }))
      : newWeek(),
  );
  const [shifts, setShifts] = useState<ShiftRow[]>(() => (schedule?.kind === 'shift' ? schedule.shifts.map((item) => ({ ...item, key: ++shiftKey })) : [newShift()]));
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };

  const setDay = (index: number, change: Partial<DayRow>) => setDays((current) => current.map((day, at) => (at === index ? { ...day, ...change } : day)));
  const setShift = (index: number, change: Partial<ShiftRow>) => setShifts((current) => current.map((item, at) => (at === index ? { ...item, ...change } : item)));

  const handleSubmit = () => {
    const body = {
      code: code.trim(),
      name: name.trim(),
      kind,
      graceLateMinutes: toNumber(graceLate),
      graceEarlyMinutes: toNumber(graceEarly),
      regulation: regulation.trim() || null,
      days:
        kind === 'fixed'
          ? days.map((day) => ({
              weekday: day.weekday,
              isWorkingDay: day.isWorkingDay,
              startTime: day.isWorkingDay ? day.startTime || null : null,
              endTime: day.isWorkingDay ? day.endTime || null : null,
              breakMinutes: day.isWorkingDay ? toNumber(day.breakMinutes) : 0,
            }))
          : [],
      shifts: kind === 'shift' ? shifts.map((item) => ({ code: item.code.trim(), name: item.name.trim(), startTime: item.startTime, endTime: item.endTime, breakMinutes: toNumber(item.breakMinutes) })) : [],
    };
    const found = validateWithSchema(scheduleRequest, body, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: schedule?.id ?? null, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('attendanceAdmin.schedule.saved') });
          onClose();
        },
      },
    );
  };

  /** Row problems are reported on "days.3" or "shifts.1", and list-wide ones on "days"/"shifts". */
  const rowError = (list: 'days' | 'shifts', index: number) =>
    Object.entries(shown).find(([path]) => path === `${list}.${index}` || path.startsWith(`${list}.${index}.`))?.[1];

  return (
    <FormModal title={schedule ? t('attendanceAdmin.schedule.editTitle', { name: schedule.name }) : t('attendanceAdmin.schedule.createTitle')} onClose={onClose}>
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
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('attendanceAdmin.schedule.code')} required maxLength={50} value={code} onChange={(event) => setCode(event.currentTarget.value)} error={shown.code} data-testid="schedule-code" />
            <TextInput label={t('attendanceAdmin.schedule.name')} required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="schedule-name" />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('attendanceAdmin.schedule.kind')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(value) => setKind(value as Kind)}
              data={SCHEDULE_KINDS.map((value) => ({ value, label: t(`attendanceAdmin.schedule.kind.${value}`) }))}
              disabled={schedule !== null}
              fullWidth
              data-testid="schedule-kind"
            />
          </Stack>
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput label={t('attendanceAdmin.schedule.graceLate')} min={0} max={240} allowDecimal={false} value={graceLate} onChange={setGraceLate} error={shown.graceLateMinutes} data-testid="schedule-grace-late" />
            <NumberInput label={t('attendanceAdmin.schedule.graceEarly')} min={0} max={240} allowDecimal={false} value={graceEarly} onChange={setGraceEarly} error={shown.graceEarlyMinutes} />
          </SimpleGrid>
          <Textarea label={t('attendanceAdmin.schedule.regulation')} autosize minRows={2} maxLength={500} value={regulation} onChange={(event) => setRegulation(event.currentTarget.value)} error={shown.regulation} />

          {kind === 'fixed' ? (
            <Stack gap="xs" data-testid="schedule-days">
              <Title order={4} size="h6">
                {t('attendanceAdmin.schedule.week')}
              </Title>
              {shown.days && (
                <Text size="xs" c="red">
                  {shown.days}
                </Text>
              )}
              {days.map((day, index) => (
                <Stack key={day.weekday} gap={2}>
                  <Group gap="xs" wrap="wrap" align="flex-end">
                    <Checkbox
                      label={t(weekdayKey(day.weekday))}
                      checked={day.isWorkingDay}
                      onChange={(event) => setDay(index, { isWorkingDay: event.currentTarget.checked, ...(event.currentTarget.checked && !day.startTime ? { startTime: '07:30', endTime: '16:00' } : {}) })}
                      w={110}
                      mb={8}
                      data-testid={`schedule-day-${day.weekday}`}
                    />
                    {day.isWorkingDay ? (
                      <>
                        <TimeInput aria-label={`${t(weekdayKey(day.weekday))} ${t('attendanceAdmin.schedule.start')}`} value={day.startTime} onChange={(event) => setDay(index, { startTime: event.currentTarget.value })} w={96} />
                        <TimeInput aria-label={`${t(weekdayKey(day.weekday))} ${t('attendanceAdmin.schedule.end')}`} value={day.endTime} onChange={(event) => setDay(index, { endTime: event.currentTarget.value })} w={96} />
                        <NumberInput
                          aria-label={`${t(weekdayKey(day.weekday))} ${t('attendanceAdmin.schedule.breakMinutes')}`}
                          placeholder={t('attendanceAdmin.schedule.breakMinutes')}
                          min={0}
                          max={240}
                          allowDecimal={false}
                          value={day.breakMinutes}
                          onChange={(value) => setDay(index, { breakMinutes: value })}
                          w={90}
                          rightSection={<Text size="xs">{t('attendanceAdmin.minutesShort')}</Text>}
                        />
                      </>
                    ) : (
                      <Text size="sm" c="dimmed" mb={8}>
                        {t('attendanceAdmin.schedule.dayOff')}
                      </Text>
                    )}
                  </Group>
                  {rowError('days', index) && (
                    <Text size="xs" c="red">
                      {rowError('days', index)}
                    </Text>
                  )}
                </Stack>
              ))}
              <Text size="xs" c="dimmed">
                {t('attendanceAdmin.schedule.weekHint')}
              </Text>
            </Stack>
          ) : (
            <Stack gap="xs" data-testid="schedule-shifts">
              <Title order={4} size="h6">
                {t('attendanceAdmin.schedule.shifts')}
              </Title>
              {shown.shifts && (
                <Text size="xs" c="red">
                  {shown.shifts}
                </Text>
              )}
              {shifts.map((item, index) => (
                <Stack key={item.key} gap={2}>
                  <Group gap="xs" wrap="wrap" align="flex-end">
                    <TextInput label={t('attendanceAdmin.schedule.shiftCode')} maxLength={20} value={item.code} onChange={(event) => setShift(index, { code: event.currentTarget.value })} w={80} />
                    <TextInput label={t('attendanceAdmin.schedule.shiftName')} maxLength={100} value={item.name} onChange={(event) => setShift(index, { name: event.currentTarget.value })} style={{ flex: '1 1 8rem' }} />
                    <TimeInput label={t('attendanceAdmin.schedule.start')} value={item.startTime} onChange={(event) => setShift(index, { startTime: event.currentTarget.value })} w={96} />
                    <TimeInput label={t('attendanceAdmin.schedule.end')} value={item.endTime} onChange={(event) => setShift(index, { endTime: event.currentTarget.value })} w={96} />
                    <NumberInput label={t('attendanceAdmin.schedule.breakMinutes')} min={0} max={240} allowDecimal={false} value={item.breakMinutes} onChange={(value) => setShift(index, { breakMinutes: value })} w={90} />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mb={2}
                      disabled={shifts.length === 1}
                      onClick={() => setShifts((current) => current.filter((_, at) => at !== index))}
                      aria-label={t('attendanceAdmin.schedule.removeShift')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                  {rowError('shifts', index) && (
                    <Text size="xs" c="red">
                      {rowError('shifts', index)}
                    </Text>
                  )}
                </Stack>
              ))}
              <Group>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setShifts((current) => [...current, newShift()])}>
                  {t('attendanceAdmin.schedule.addShift')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('attendanceAdmin.schedule.shiftHint')}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="schedule-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
