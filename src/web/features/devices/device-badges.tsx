import { Badge, Text } from '@mantine/core';
import type { Device } from '../../../contracts/attendance-devices';
import { useT } from '../../i18n/i18n-context';

const statusColors: Record<Device['status'], string> = { active: 'teal', quarantine: 'orange', disabled: 'gray' };
/** A clock off by more than this is worth an admin's attention (punch times come from the device). */
const SKEW_WARNING_SECONDS = 120;

export function DeviceStatusBadge({ status }: { status: Device['status'] }) {
  const t = useT();
  return (
    <Badge variant={status === 'quarantine' ? 'filled' : 'light'} color={statusColors[status]} size="sm" data-testid="device-status">
      {t(`device.status.${status}`)}
    </Badge>
  );
}

export function SkewText({ seconds }: { seconds: number | null }) {
  const t = useT();
  if (seconds === null) return <Text size="sm">—</Text>;
  const isOff = Math.abs(seconds) > SKEW_WARNING_SECONDS;
  return (
    <Text size="sm" c={isOff ? 'red' : undefined} fw={isOff ? 600 : undefined} component="span">
      {t('device.skewSeconds', { seconds: seconds > 0 ? `+${seconds}` : seconds })}
    </Text>
  );
}
