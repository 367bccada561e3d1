import { Badge } from '@mantine/core';
import type { DailyStatus } from '../../../contracts/attendance-daily';
import type { RequestStatus } from '../../../contracts/attendance-requests';
import { useT } from '../../i18n/i18n-context';
import { dayCode, statusTone, toneColors } from './attendance-calendar-data';

interface DayLike {
  status: DailyStatus;
  lateBand?: 'TL1' | 'TL2' | 'TL3' | 'TL4' | null;
  earlyBand?: 'PSW1' | 'PSW2' | 'PSW3' | 'PSW4' | null;
}

/** A day's status with its band: "TL2 · Terlambat", "PSW1 · Pulang sebelum waktunya". */
export function AttendanceStatusBadge({ day }: { day: DayLike }) {
  const t = useT();
  const bands = [day.lateBand, day.earlyBand].filter(Boolean).join(' + ');
  const label = t(`attendance.status.${day.status}`);
  return (
    <Badge variant="light" color={toneColors[statusTone(day.status)]} size="sm" style={{ maxWidth: '100%' }}>
      {bands ? `${bands} · ${label}` : label}
    </Badge>
  );
}

export function DayCodeBadge({ day }: { day: DayLike }) {
  return (
    <Badge variant="filled" color={toneColors[statusTone(day.status)]} size="xs" px={4}>
      {dayCode({ status: day.status, lateBand: day.lateBand ?? null, earlyBand: day.earlyBand ?? null })}
    </Badge>
  );
}

const requestColors: Record<RequestStatus, string> = { diajukan: 'yellow', disetujui: 'teal', ditolak: 'red', dibatalkan: 'gray' };

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={requestColors[status]} size="sm">
      {t(`request.status.${status}`)}
    </Badge>
  );
}
