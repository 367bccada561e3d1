import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createDeadlineExtensionRequest, REASON_MIN_LENGTH } from '../../../contracts/activities-admin';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { UnitSelect } from '../units/unit-select';
import { useCreateDeadlineExtension } from './activities-admin-api';

/** Indonesian zones by their UTC offset: the new deadline is a wall-clock time where the admin means it. */
const ZONE_OFFSETS = [
  { value: '+07:00', label: 'WIB (UTC+7)' },
  { value: '+08:00', label: 'WITA (UTC+8)' },
  { value: '+09:00', label: 'WIT (UTC+9)' },
] as const;

/** Extends the entry deadline of a range of work dates for a unit (and below) or the whole region, with a reason. */
export function DeadlineExtensionFormModal({ canChooseRegion, defaultDate, onClose }: { canChooseRegion: boolean; defaultDate: string; onClose: () => void }) {
  const t = useT();
  const create = useCreateDeadlineExtension();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [workDateFrom, setWorkDateFrom] = useState<string | null>(defaultDate);
  const [workDateTo, setWorkDateTo] = useState<string | null>(defaultDate);
  const [untilDate, setUntilDate] = useState<string | null>(null);
  const [untilTime, setUntilTime] = useState('23:59');
  const [offset, setOffset] = useState<string>('+07:00');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(create.error);
  const shown = { ...serverErrors, ...errors };

  return (
    <FormModal title={t('activityAdmin.extensions.createTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const request = {
            unitId,
            workDateFrom: workDateFrom ?? '',
            workDateTo: workDateTo ?? '',
            extendedUntil: untilDate && /^\d{2}:\d{2}$/.test(untilTime) ? `${untilDate}T${untilTime}:00${offset}` : '',
            reason,
          };
          const found = validateWithSchema(createDeadlineExtensionRequest, request, t);
          if (!canChooseRegion && unitId === null) found.unitId = t('activityAdmin.extensions.unitRequired');
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          create.mutate(request, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('activityAdmin.extensions.created') });
              onClose();
            },
          });
        }}
        noValidate
      >
        <Stack>
          {create.error && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <UnitSelect
            label={t('activityAdmin.extensions.unit')}
            description={canChooseRegion ? t('activityAdmin.extensions.unitHint') : t('activityAdmin.extensions.unitHintOpd')}
            placeholder={canChooseRegion ? t('activityAdmin.extensions.wholeRegion') : undefined}
            required={!canChooseRegion}
            value={unitId}
            onChange={setUnitId}
            error={shown.unitId}
            data-testid="extension-unit"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <DateField label={t('activityAdmin.extensions.workDateFrom')} required value={workDateFrom} onChange={setWorkDateFrom} error={shown.workDateFrom} data-testid="extension-from" />
            <DateField label={t('activityAdmin.extensions.workDateTo')} required value={workDateTo} onChange={setWorkDateTo} error={shown.workDateTo} data-testid="extension-to" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <DateField label={t('activityAdmin.extensions.untilDate')} required value={untilDate} onChange={setUntilDate} error={shown.extendedUntil} data-testid="extension-until-date" />
            <TimeInput label={t('activityAdmin.extensions.untilTime')} required value={untilTime} onChange={(event) => setUntilTime(event.currentTarget.value)} data-testid="extension-until-time" />
            <Select label={t('activityAdmin.extensions.zone')} data={[...ZONE_OFFSETS]} value={offset} onChange={(value) => value && setOffset(value)} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          <Textarea
            label={t('activityAdmin.extensions.reason')}
            description={t('activityAdmin.extensions.reasonHint', { min: REASON_MIN_LENGTH })}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={shown.reason}
            data-testid="extension-reason"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="extension-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
