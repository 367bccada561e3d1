import { PART_DAY_KINDS, type RequestKind } from '../../contracts/attendance-requests';

/** The parts of a request the shape rules look at. */
export interface RequestShape {
  kind: RequestKind;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
}

/** Longest span of one request; longer absences (cuti besar, tugas belajar) are split per year. */
export const MAX_REQUEST_DAYS = 366;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export const isPartDayKind = (kind: RequestKind) => (PART_DAY_KINDS as readonly RequestKind[]).includes(kind);

/** Why the dates and times of a request do not fit its kind, in Indonesian; null when they fit. */
export function findRequestShapeProblem(request: RequestShape): string | null {
  if (request.endDate < request.startDate) return 'Tanggal selesai tidak boleh sebelum tanggal mulai';
  if (dayNumber(request.endDate) - dayNumber(request.startDate) + 1 > MAX_REQUEST_DAYS) {
    return `Satu permohonan paling lama ${MAX_REQUEST_DAYS} hari; ajukan per tahun`;
  }
  if (!isPartDayKind(request.kind)) {
    if (request.startTime !== null || request.endTime !== null) return 'Jam hanya diisi untuk dinas luar sebagian hari atau koreksi presensi';
    return null;
  }
  if (request.startDate !== request.endDate) return 'Permohonan sebagian hari hanya untuk satu tanggal';
  if (request.kind === 'dinas_luar_sebagian') {
    if (request.startTime === null || request.endTime === null) return 'Dinas luar sebagian hari memerlukan jam mulai dan jam selesai';
    if (request.endTime <= request.startTime) return 'Jam selesai harus setelah jam mulai';
    return null;
  }
  // A correction names the missing check-in (startTime) and/or check-out (endTime).
  if (request.startTime === null && request.endTime === null) return 'Koreksi presensi memerlukan jam presensi yang terlewat';
  if (request.startTime !== null && request.endTime !== null && request.endTime <= request.startTime) return 'Jam pulang harus setelah jam masuk';
  return null;
}

/** Do two inclusive date ranges share a day? */
export const doDateRangesOverlap = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) =>
  a.startDate <= b.endDate && b.startDate <= a.endDate;

/** Statuses that still occupy their days (a rejected or cancelled request frees them). */
export const isOccupyingStatus = (status: string) => status === 'diajukan' || status === 'disetujui';
