import { Alert, Button, Checkbox, Chip, Group, Input, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { apelScheduleBody } from '../../../contracts/attendance-apel';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { UnitSelect } from '../units/unit-select';
import { useSaveApelSchedule, type ApelScheduleView } from './apel-api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A ceremony: where (region or a unit subtree), when (weekdays and/or dates), the punch window, in force from/to. */
export function ApelScheduleFormModal({ schedule, isRegionAllowed, defaultFrom, onClose }: { schedule: ApelScheduleView | null; isRegionAllowed: boolean; defaultFrom: string; onClose: () => void }) {
  const t = useT();
  const save = useSaveApelSchedule();
  const [name, setName] = useState(schedule?.name ?? '');
  const [isRegion, setRegion] = useState(schedule ? schedule.unitId === null : isRegionAllowed);
  const [unitId, setUnitId] = useState<string | null>(schedule?.unitId ?? null);
  const [weekdays, setWeekdays] = useState<string[]>((schedule?.weekdays ?? [1]).map(String));
  const [dates, setDates] = useState((schedule?.dates ?? []).join(', '));
  const [startTime, setStartTime] = useState(schedule?.startTime ?? '07:00');
  const [endTime, setEndTime] = useState(schedule?.endTime ?? '07:45');
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(schedule?.effectiveFrom ?? defaultFrom);
  const [effectiveTo, setEffectiveTo] = useState<string | null>(schedule?.effectiveTo ?? null);
  const [isActive, setActive] = useState(schedule?.isActive ?? true);
  const [note, setNote] = useState(schedule?.note ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };

  return (
    <FormModal title={schedule ? t('apel.editTitle') : t('apel.createTitle')} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const body = {
            name,
            unitId: isRegion ? null : unitId,
            weekdays: weekdays.map(Number).sort((a, b) => a - b),
            dates: dates
              .split(/[\s,;]+/)
              .map((date) => date.trim())
              .filter((date) => date !== ''),
            startTime,
            endTime,
            effectiveFrom: effectiveFrom ?? '',
            effectiveTo,
            isActive,
            note: note.trim() || null,
          };
          const found = validateWithSchema(apelScheduleBody, body, t);
          if (!isRegion && unitId === null) found.unitId = t('validation.required');
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          save.mutate(
            { id: schedule?.id ?? null, body },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('apel.saved') });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {save.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <TextInput label={t('apel.name')} required maxLength={120} value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="apel-name" />
          {isRegionAllowed && <Checkbox label={t('apel.allUnits')} checked={isRegion} onChange={(event) => setRegion(event.currentTarget.checked)} />}
          {!isRegion && <UnitSelect label={t('apel.unit')} value={unitId} onChange={setUnitId} required error={shown.unitId} data-testid="apel-unit" />}
          <Input.Wrapper label={t('apel.weekdays')} error={shown.weekdays}>
            <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
              <Group gap={6} mt={4}>
                {WEEKDAYS.map((day) => (
                  <Chip key={day} value={String(day)} size="xs">
                    {t(`apel.weekday.${day}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          <TextInput label={t('apel.dates')} description={t('apel.datesHint')} value={dates} onChange={(event) => setDates(event.currentTarget.value)} error={shown.dates ?? shown['dates.0']} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('apel.startTime')} type="time" required value={startTime} onChange={(event) => setStartTime(event.currentTarget.value)} error={shown.startTime} data-testid="apel-start" />
            <TextInput label={t('apel.endTime')} type="time" required value={endTime} onChange={(event) => setEndTime(event.currentTarget.value)} error={shown.endTime} data-testid="apel-end" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={t('apel.effectiveFrom')} required value={effectiveFrom} onChange={setEffectiveFrom} error={shown.effectiveFrom} />
            <DateField label={t('apel.effectiveTo')} clearable value={effectiveTo} onChange={setEffectiveTo} error={shown.effectiveTo} />
          </SimpleGrid>
          <TextInput label={t('apel.note')} maxLength={500} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={shown.note} />
          {schedule && <Switch label={t('apel.active')} checked={isActive} onChange={(event) => setActive(event.currentTarget.checked)} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="apel-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
