import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Device } from '../../../contracts/attendance-devices';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors } from '../../lib/form-errors';
import { UnitSelect } from '../units/unit-select';
import { useApproveDevice } from './devices-api';

/** Lets a quarantined device's punches in, after placing it in its unit. */
export function ApproveDeviceModal({ device, onClose }: { device: Device; onClose: () => void }) {
  const t = useT();
  const approve = useApproveDevice();
  const [name, setName] = useState(device.name);
  const [unitId, setUnitId] = useState<string | null>(device.unitId);
  const [location, setLocation] = useState(device.location ?? '');
  const [unitError, setUnitError] = useState<string | null>(null);
  const fieldErrors = serverFieldErrors(approve.error);

  return (
    <FormModal title={t('device.approveTitle', { serial: device.serialNumber })} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!unitId) return setUnitError(t('validation.required'));
          approve.mutate(
            { id: device.id, name: name.trim() || device.name, unitId, location: location.trim() || null },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('device.approved') });
                onClose();
              },
            },
          );
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{t('device.approveText')}</Text>
          {approve.error && Object.keys(fieldErrors).length === 0 && (
            <Alert color="red" role="alert">
              {approve.error.message}
            </Alert>
          )}
          <TextInput label={t('device.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={120} error={fieldErrors.name} />
          <UnitSelect
            label={t('device.unit')}
            required
            value={unitId}
            onChange={(value) => {
              setUnitId(value);
              setUnitError(null);
            }}
            error={unitError ?? fieldErrors.unitId}
            data-testid="device-approve-unit"
          />
          <TextInput label={t('device.location')} value={location} onChange={(event) => setLocation(event.currentTarget.value)} maxLength={200} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={approve.isPending} data-testid="device-approve-save">
              {t('device.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
