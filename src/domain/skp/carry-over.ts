import type { IndicatorAspect } from './vocabulary';

/**
 * What a revision of an SKP takes over from the revision it replaces, at the moment it is approved
 * (the earlier revision is then frozen, so nothing recorded on it is missed):
 *
 * - realisations (rencana aksi, realisasi, evidence links and files, the assessor's umpan balik,
 *   dialogue notes) of every RHK that continues in the revision (its `previousRhkId`), for each
 *   period that is also a period of the revision's span — the revision then shows the periods
 *   already done as they were recorded;
 * - the indicator values of those realisations, per indicator: the k-th indicator of an aspect and
 *   unit maps to the k-th indicator of the same aspect and unit of the continuing RHK (reworded
 *   texts and changed targets keep their values; a value in another unit is not comparable and is
 *   not carried);
 * - final evaluations (periodic or annual) of periods of the revision: a rating once fixed stays.
 *
 * Not carried: RHK dropped in the revision, periods outside the revision's span, draft evaluations
 * (the assessor of the revision rates afresh). Nothing is moved: the earlier revision keeps all
 * its rows, so the history stays as it was.
 */
export interface CarryIndicator {
  id: string;
  aspect: IndicatorAspect;
  targetUnit: string;
}

export interface CarryRhk {
  id: string;
  previousRhkId: string | null;
  indicators: readonly CarryIndicator[];
}

export interface CarryOverInput {
  previousRhk: readonly CarryRhk[];
  revisionRhk: readonly CarryRhk[];
  /** The period keys of the revision (its months or quarters, and the year). */
  periodKeys: ReadonlySet<string>;
  realisations: readonly { id: string; rhkId: string; periodKey: string }[];
  evaluations: readonly { id: string; periodKey: string; isFinal: boolean }[];
}

export interface CarryOverPlan {
  /** Realisation id of the earlier revision → the RHK of the revision it is copied to. */
  realisations: { fromId: string; toRhkId: string }[];
  /** Indicator id of the earlier revision → indicator id of the revision. */
  indicators: Map<string, string>;
  evaluationIds: string[];
}

const normalisedUnit = (unit: string) => unit.trim().toLowerCase();

/** Pairs indicators by aspect and unit, in order: the k-th of a kind maps to the k-th of the same kind. */
export function mapCarriedIndicators(previous: readonly CarryIndicator[], next: readonly CarryIndicator[]): Map<string, string> {
  const kindOf = (indicator: CarryIndicator) => `${indicator.aspect}|${normalisedUnit(indicator.targetUnit)}`;
  const waiting = new Map<string, string[]>();
  for (const indicator of next) waiting.set(kindOf(indicator), [...(waiting.get(kindOf(indicator)) ?? []), indicator.id]);
  const result = new Map<string, string>();
  for (const indicator of previous) {
    const match = waiting.get(kindOf(indicator))?.shift();
    if (match) result.set(indicator.id, match);
  }
  return result;
}

export function planCarryOver(input: CarryOverInput): CarryOverPlan {
  const previousById = new Map(input.previousRhk.map((rhk) => [rhk.id, rhk]));
  const continuing = new Map<string, CarryRhk>();
  for (const rhk of input.revisionRhk) {
    if (rhk.previousRhkId && previousById.has(rhk.previousRhkId)) continuing.set(rhk.previousRhkId, rhk);
  }
  const indicators = new Map<string, string>();
  for (const [previousId, next] of continuing) {
    for (const [from, to] of mapCarriedIndicators(previousById.get(previousId)?.indicators ?? [], next.indicators)) indicators.set(from, to);
  }
  return {
    realisations: input.realisations.flatMap((row) => {
      const next = continuing.get(row.rhkId);
      return next && input.periodKeys.has(row.periodKey) ? [{ fromId: row.id, toRhkId: next.id }] : [];
    }),
    indicators,
    evaluationIds: input.evaluations.filter((row) => row.isFinal && input.periodKeys.has(row.periodKey)).map((row) => row.id),
  };
}
