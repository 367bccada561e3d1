import { Text } from '@mantine/core';
import type { ApelAttendanceItem } from '../../../contracts/attendance-apel';
import { useT } from '../../i18n/i18n-context';

/**
 * What excuses a ceremony: the part-day dinas luar over its hours, or the day's leave or duty.
 * Nothing otherwise (a day off says so in its badge).
 */
export function ApelExcuseNote({ item }: { item: Pick<ApelAttendanceItem, 'derived' | 'dayStatus' | 'dutyExcuse'> }) {
  const t = useT();
  let text: string | null = null;
  if (item.dutyExcuse) text = t('apel.attendance.dutyExcuse', { start: item.dutyExcuse.startTime, end: item.dutyExcuse.endTime });
  else if (item.derived === 'dispensasi' && item.dayStatus) text = t(`attendance.status.${item.dayStatus}`);
  if (text === null) return null;
  return (
    <Text size="xs" c="dimmed" className="break-anywhere" data-testid="apel-excuse-note">
      {text}
    </Text>
  );
}
