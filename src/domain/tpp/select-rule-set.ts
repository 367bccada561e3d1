import type { TppRuleSet } from './rule-set';

/** First day of a `YYYY-MM` period; text comparison of ISO dates needs no Date and no time zone. */
export const firstDayOfPeriod = (period: string): string => `${period}-01`;

/** The version governing a month: the latest whose effectiveFrom is on or before the month's first day. */
export function selectTppRuleSet<T extends Pick<TppRuleSet, 'effectiveFrom'>>(versions: readonly T[], period: string): T | null {
  const firstDay = firstDayOfPeriod(period);
  let chosen: T | null = null;
  for (const version of versions) {
    if (version.effectiveFrom <= firstDay && (chosen === null || version.effectiveFrom > chosen.effectiveFrom)) chosen = version;
  }
  return chosen;
}

/** Versions of one region may not start on the same day: each month must have exactly one rule set. */
export function findVersionConflicts(versions: readonly Pick<TppRuleSet, 'effectiveFrom' | 'region'>[]): string[] {
  const seen = new Set<string>();
  const conflicts: string[] = [];
  for (const version of versions) {
    const key = `${version.region.code}|${version.effectiveFrom}`;
    if (seen.has(key)) conflicts.push(`Aturan TPP ${version.region.name} yang berlaku ${version.effectiveFrom} sudah ada`);
    seen.add(key);
  }
  return conflicts;
}
