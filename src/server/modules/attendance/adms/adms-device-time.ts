import { isValidLocalTime, localTimeToInstant } from '../../../../domain/attendance/punch-time';

/** Keys under which firmware reports its own clock (query of a poll, or an options upload). */
const DEVICE_TIME_KEYS = ['DeviceTime', 'DateTime', 'DevTime'];

/**
 * Clock skew in seconds (device ahead = positive) when the device told us its wall clock;
 * null when it did not. The device's zone turns its wall clock into an instant.
 */
export function measureClockSkew(reported: Record<string, string | undefined>, timeZone: string, now: Date): number | null {
  for (const key of DEVICE_TIME_KEYS) {
    const value = reported[key]?.trim().replace('T', ' ');
    if (value && isValidLocalTime(value)) {
      return Math.round((localTimeToInstant(value, timeZone).getTime() - now.getTime()) / 1000);
    }
  }
  return null;
}
