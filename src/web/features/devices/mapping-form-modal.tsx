import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createDeviceMappingRequest, updateDeviceMappingRequest } from '../../../contracts/attendance-devices';
import { AsyncSelect } from '../../components/async-select';
import { DateField } from '../../components/date-field';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { todayInBrowser } from '../../lib/dates';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { searchEmployeeOptions } from '../attendance-admin/attendance-admin-api';
import { useSaveMapping, type DeviceMapping } from './devices-api';

interface MappingFormModalProps {
  deviceId: string;
  /** Null: a new mapping, optionally prefilled from a held punch (its PIN and date). */
  mapping: DeviceMapping | null;
  defaults?: { pin?: string; startDate?: string };
  onClose: () => void;
}

/** Maps a device PIN to an employee for a period, or changes the period; held punches of that PIN are processed at once. */
export function MappingFormModal({ deviceId, mapping, defaults, onClose }: MappingFormModalProps) {
  const t = useT();
  const save = useSaveMapping();
  const [pin, setPin] = useState(mapping?.pin ?? defaults?.pin ?? '');
  const [employeeId, setEmployeeId] = useState<string | null>(mapping?.employeeId ?? null);
  const [startDate, setStartDate] = useState<string | null>(mapping?.startDate ?? defaults?.startDate ?? todayInBrowser());
  const [endDate, setEndDate] = useState<string | null>(mapping?.endDate ?? null);
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };

  const handleSubmit = () => {
    const create = { pin: pin.trim(), employeeId: employeeId ?? '', startDate: startDate ?? '', endDate };
    const update = { startDate: startDate ?? '', endDate };
    const found = mapping ? validateWithSchema(updateDeviceMappingRequest, update, t) : validateWithSchema(createDeviceMappingRequest, create, t);
    if (!mapping && !employeeId) found.employeeId = t('validation.required');
    if (update.startDate && endDate && endDate < update.startDate) found.endDate = t('validation.endBeforeStart');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { deviceId, mappingId: mapping?.id ?? null, create, update },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: result.resolvedPunches > 0 ? t('attendanceAdmin.mapping.savedResolved', { count: result.resolvedPunches }) : t('attendanceAdmin.mapping.saved'),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={mapping ? t('attendanceAdmin.mapping.editTitle', { pin: mapping.pin }) : t('attendanceAdmin.mapping.createTitle')} onClose={onClose}>
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
          {mapping ? (
            <Text size="sm">
              {t('attendanceAdmin.mapping.pin')}: <b>{mapping.pin}</b> · {mapping.employeeName} ({mapping.nip})
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('attendanceAdmin.mapping.createText')}
              </Text>
              <TextInput label={t('attendanceAdmin.mapping.pin')} required maxLength={24} value={pin} onChange={(event) => setPin(event.currentTarget.value)} error={shown.pin} data-testid="mapping-pin" />
              <AsyncSelect
                label={t('attendanceAdmin.mapping.employee')}
                placeholder={t('attendanceAdmin.employeeSearch')}
                required
                queryKey="attendance-admin-employees"
                search={searchEmployeeOptions}
                value={employeeId}
                onChange={(value) => setEmployeeId(value)}
                error={shown.employeeId}
                data-testid="mapping-employee"
              />
            </>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={t('attendanceAdmin.validFrom')} required value={startDate} onChange={setStartDate} error={shown.startDate} data-testid="mapping-start" />
            <DateField
              label={t('attendanceAdmin.validTo')}
              description={t('attendanceAdmin.openEnded')}
              clearable
              value={endDate}
              minDate={startDate ?? undefined}
              onChange={setEndDate}
              error={shown.endDate}
              data-testid="mapping-end"
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="mapping-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
