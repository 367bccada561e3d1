/** Claimed minutes of an activity entry (issue 4 §2, rules.md §2: waktu efektif per unit of output). */

/** Above this many units of output in one entry the volume is a typing mistake, not work. */
export const MAX_ENTRY_VOLUME = 10_000;

/**
 * min(volume × standard minutes, time span): an entry never claims more time than it took. An
 * additional task (tugas tambahan) has no standard, so it claims its time span and the superior
 * judges it.
 */
export function computeClaimedMinutes(input: { volume: number; standardMinutes: number | null; spanMinutes: number }): number {
  if (input.standardMinutes === null) return input.spanMinutes;
  return Math.min(input.volume * input.standardMinutes, input.spanMinutes);
}

/** A problem with the volume, or null: a whole number from 1 to MAX_ENTRY_VOLUME. */
export function findVolumeProblem(volume: number): string | null {
  if (!Number.isInteger(volume)) return 'Volume harus bilangan bulat';
  if (volume < 1) return 'Volume paling sedikit 1';
  if (volume > MAX_ENTRY_VOLUME) return `Volume paling banyak ${MAX_ENTRY_VOLUME.toLocaleString('id-ID')}; periksa kembali angkanya`;
  return null;
}
