/**
 * Treasurers (bendahara) who sign a unit's TPP payment list. An OPD has a Bendahara Pengeluaran; a
 * unit below it that pays its own people (a UPT, a puskesmas) may have a Bendahara Pengeluaran
 * Pembantu. Each is appointed by decree (SK) from a date, until a date or until further notice.
 */

export type TreasurerKind = 'pengeluaran' | 'pengeluaran_pembantu';

export interface TreasurerAppointment {
  id: string;
  unitId: string;
  startDate: string;
  /** Inclusive; null = until further notice. */
  endDate: string | null;
}

export const TREASURER_TITLES: Record<TreasurerKind, string> = {
  pengeluaran: 'Bendahara Pengeluaran',
  pengeluaran_pembantu: 'Bendahara Pengeluaran Pembantu',
};

/** The kind follows from the unit: the OPD's own treasurer, or an assistant one of a unit below it. */
export const treasurerKindOf = (isOpd: boolean): TreasurerKind => (isOpd ? 'pengeluaran' : 'pengeluaran_pembantu');

/** In office on `date` (YYYY-MM-DD). */
export const isInOfficeOn = (appointment: Pick<TreasurerAppointment, 'startDate' | 'endDate'>, date: string): boolean =>
  appointment.startDate <= date && (appointment.endDate === null || appointment.endDate >= date);

/** Another appointment of the same unit whose dates meet `candidate`'s (one treasurer of a unit at a time), or null. */
export function findOverlappingAppointment<T extends TreasurerAppointment>(existing: readonly T[], candidate: TreasurerAppointment): T | null {
  const candidateEnd = candidate.endDate ?? '9999-12-31';
  return (
    existing.find(
      (other) => other.id !== candidate.id && other.unitId === candidate.unitId && other.startDate <= candidateEnd && (other.endDate ?? '9999-12-31') >= candidate.startDate,
    ) ?? null
  );
}

/**
 * Who signs as treasurer for a unit's payment list dated `date`: the appointment in office that day
 * of the nearest unit in `unitChain` (the unit itself first, then its parents up to its OPD), so a
 * puskesmas with an assistant treasurer gets theirs and a section of an OPD gets the OPD's.
 */
export function selectTreasurer<T extends TreasurerAppointment>(appointments: readonly T[], unitChain: readonly string[], date: string): T | null {
  for (const unitId of unitChain) {
    const inOffice = appointments.find((appointment) => appointment.unitId === unitId && isInOfficeOn(appointment, date));
    if (inOffice) return inOffice;
  }
  return null;
}
