import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createDeviceRequest, deviceProtocols, updateDeviceRequest, type Device } from '../../../contracts/attendance-devices';
import { timeZones } from '../../../contracts/org';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n/i18n-context';
import { serverFieldErrors, validateWithSchema, type FormErrors } from '../../lib/form-errors';
import { zoneLabel } from '../attendance/attendance-calendar-data';
import { UnitSelect } from '../units/unit-select';
import { useSaveDevice } from './devices-api';

type TimeZone = (typeof timeZones)[number];
type Protocol = (typeof deviceProtocols)[number];

/** The whole-hour `TimeZone=` most firmware expects for each Indonesian zone. */
const pushHoursOf: Record<TimeZone, string> = { 'Asia/Jakarta': '7', 'Asia/Makassar': '8', 'Asia/Jayapura': '9' };

/**
 * Registers a serial number (it goes on the allow-list, active at once) or edits a device: unit,
 * location, zone, the TimeZone value its firmware expects, and how it is reached.
 */
export function DeviceFormModal({ device, defaultSerial = '', onClose, onSaved }: { device: Device | null; defaultSerial?: string; onClose: () => void; onSaved?: (device: Device) => void }) {
  const t = useT();
  const save = useSaveDevice();
  const [serialNumber, setSerialNumber] = useState(device?.serialNumber ?? defaultSerial);
  const [name, setName] = useState(device?.name ?? '');
  const [unitId, setUnitId] = useState<string | null>(device?.unitId ?? null);
  const [location, setLocation] = useState(device?.location ?? '');
  const [timeZone, setTimeZone] = useState<TimeZone>((timeZones as readonly string[]).includes(device?.timeZone ?? '') ? (device?.timeZone as TimeZone) : 'Asia/Jakarta');
  const [pushTimeZone, setPushTimeZone] = useState(device?.pushTimeZone ?? '7');
  const [protocol, setProtocol] = useState<Protocol>(device?.protocol ?? 'adms');
  const [host, setHost] = useState(device?.host ?? '');
  const [port, setPort] = useState<number | string>(device?.port ?? '');
  const [commKey, setCommKey] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const serverErrors = serverFieldErrors(save.error);
  const shown = { ...serverErrors, ...errors };
  const isPull = protocol === 'zk4370';

  const changeZone = (next: TimeZone) => {
    // Keep the firmware value in step while it still is the previous zone's default.
    if (pushTimeZone.trim() === pushHoursOf[timeZone]) setPushTimeZone(pushHoursOf[next]);
    setTimeZone(next);
  };

  const handleSubmit = () => {
    const fields = {
      name,
      unitId,
      location: location.trim() || null,
      timeZone,
      pushTimeZone: pushTimeZone.trim(),
      protocol,
      host: isPull ? host.trim() || null : null,
      port: isPull && port !== '' ? Number(port) : null,
      // Left empty on an edit: the stored comm key stays.
      ...(commKey.trim() || !device ? { commKey: isPull ? commKey.trim() || null : null } : {}),
    };
    const found = device ? validateWithSchema(updateDeviceRequest, fields, t) : validateWithSchema(createDeviceRequest, { ...fields, serialNumber }, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: device?.id ?? null, create: { ...fields, serialNumber: serialNumber.trim() }, update: fields },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t(device ? 'attendanceAdmin.device.saved' : 'attendanceAdmin.device.registered') });
          onSaved?.(saved);
          onClose();
        },
      },
    );
  };

  return (
    <FormModal title={device ? t('attendanceAdmin.device.editTitle', { serial: device.serialNumber }) : t('attendanceAdmin.device.createTitle')} onClose={onClose}>
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
          {!device && (
            <>
              <Text size="sm">{t('attendanceAdmin.device.createText')}</Text>
              <TextInput
                label={t('device.serial')}
                required
                maxLength={64}
                value={serialNumber}
                onChange={(event) => setSerialNumber(event.currentTarget.value)}
                error={shown.serialNumber}
                ff="monospace"
                data-testid="device-form-serial"
              />
            </>
          )}
          <TextInput label={t('device.name')} required maxLength={120} value={name} onChange={(event) => setName(event.currentTarget.value)} error={shown.name} data-testid="device-form-name" />
          <UnitSelect label={t('device.unit')} value={unitId} onChange={setUnitId} error={shown.unitId} data-testid="device-form-unit" />
          <TextInput label={t('device.location')} maxLength={200} value={location} onChange={(event) => setLocation(event.currentTarget.value)} error={shown.location} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('device.timeZone')}
              data={timeZones.map((value) => ({ value, label: `${zoneLabel(value)} (${value})` }))}
              value={timeZone}
              onChange={(value) => value && changeZone(value as TimeZone)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="device-form-zone"
            />
            <TextInput
              label={t('attendanceAdmin.device.pushTimeZone')}
              description={t('attendanceAdmin.device.pushTimeZoneHint')}
              value={pushTimeZone}
              onChange={(event) => setPushTimeZone(event.currentTarget.value)}
              error={shown.pushTimeZone}
              maxLength={5}
              data-testid="device-form-push-zone"
            />
          </SimpleGrid>
          <Select
            label={t('attendanceAdmin.device.protocol')}
            data={deviceProtocols.map((value) => ({ value, label: t(`attendanceAdmin.device.protocol.${value}`) }))}
            value={protocol}
            onChange={(value) => value && setProtocol(value as Protocol)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="device-form-protocol"
          />
          {isPull && (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <TextInput label={t('attendanceAdmin.device.host')} maxLength={253} value={host} onChange={(event) => setHost(event.currentTarget.value)} error={shown.host} />
              <NumberInput label={t('attendanceAdmin.device.port')} placeholder="4370" min={1} max={65535} allowDecimal={false} value={port} onChange={setPort} error={shown.port} />
              <TextInput
                label={t('attendanceAdmin.device.commKey')}
                description={device?.hasCommKey ? t('attendanceAdmin.device.commKeyKept') : undefined}
                inputMode="numeric"
                maxLength={9}
                value={commKey}
                onChange={(event) => setCommKey(event.currentTarget.value)}
                error={shown.commKey}
              />
            </SimpleGrid>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="device-form-save">
              {device ? t('action.save') : t('attendanceAdmin.device.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
