import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createHolidayRequest, HOLIDAY_KINDS } from '../../../contracts/attendance-schedules';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { UnitSelect } from '../units/unit-select';
import { useSaveHoliday, type Holiday } from './attendance-api';

type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** Adds a holiday, or edits its date, name and legal basis (kind and unit are fixed once created). */
export function HolidayFormModal({ holiday, defaultDate, onClose }: { holiday: Holiday | null; defaultDate: string; onClose: () => void }) {
  const t = useT();
  const save = useSaveHoliday();
  const [date, setDate] = useState<string | null>(holiday?.date ?? defaultDate);
  const [name, setName] = useState(holiday?.name ?? '');
  const [kind, setKind] = useState<HolidayKind>(holiday?.kind ?? 'nasional');
  const [unitId, setUnitId] = useState<string | null>(holiday?.unitId ?? null);
  const [source, setSource] = useState(holiday?.source ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };

  return (
    <FormModal title={holiday ? t('holiday.editTitle') : t('holiday.createTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const create = { date: date ?? '', name, kind, unitId: kind === 'daerah' ? unitId : null, source: source.trim() || null };
          const found = validateWithSchema(createHolidayRequest, create, t);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          save.mutate(
            { id: holiday?.id ?? null, create, update: { date: create.date, name: create.name, source: create.source } },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('holiday.saved') });
                onClose();
              },
            },
          );
        }}
        noValidate
      >
        <Stack>
          {save.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <DateField label={t('holiday.date')} required value={date} onChange={setDate} error={shown.date} data-testid="holiday-date" />
          <TextInput label={t('holiday.name')} required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="holiday-name" />
          <Select
            label={t('holiday.kind')}
            data={HOLIDAY_KINDS.map((value) => ({ value, label: t(`holiday.kind.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as HolidayKind)}
            allowDeselect={false}
            disabled={holiday !== null}
            comboboxProps={{ withinPortal: true }}
          />
          {kind === 'daerah' && (
            <UnitSelect label={t('holiday.unit')} value={unitId} onChange={setUnitId} placeholder={t('holiday.allUnits')} error={shown.unitId} />
          )}
          <TextInput label={t('holiday.source')} maxLength={500} value={source} onChange={(event) => setSource(event.currentTarget.value)} error={shown.source} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="holiday-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
