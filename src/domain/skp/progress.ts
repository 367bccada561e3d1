import { add, divide, fromNumber, multiply, ratio, roundTo } from './rational';
import type { IndicatorAspect } from './vocabulary';

/**
 * Progress of an SKP indicator over the realisation periods of a year, and of the cascade.
 *
 * How period values add up depends on the aspect: kuantitas (output) and biaya are realised a
 * little each period, so the values are summed; kualitas (a quality level) and waktu (months or
 * days used so far, as reported) are a standing level, so the latest reported period counts.
 * Progress is realised ÷ target in basis points (10 000 = 100 %), rounded half away from zero
 * once; over-achievement is kept as is for display and capped at 100 % only when averaged, so one
 * exceeded indicator cannot hide another that is behind.
 */
export interface IndicatorProgressInput {
  aspect: IndicatorAspect;
  target: number;
  /** Realised values of the periods reported so far, in period order. */
  values: readonly number[];
}

export interface IndicatorProgress {
  /** Null when nothing has been reported yet. */
  realised: number | null;
  progressBp: number | null;
}

const FULL_BP = 10_000;
/** Aspects realised a little each period (their values add up); the others are standing levels. */
export const SUMMED_ASPECTS: ReadonlySet<IndicatorAspect> = new Set(['kuantitas', 'biaya']);

export function measureIndicatorProgress(input: IndicatorProgressInput): IndicatorProgress {
  if (input.values.length === 0) return { realised: null, progressBp: null };
  // Exact sums: 0,1 + 0,2 must be 0,3, not 0,30000000000000004.
  const exact = SUMMED_ASPECTS.has(input.aspect) ? input.values.map(fromNumber).reduce(add, ratio(0n)) : fromNumber(input.values.at(-1) ?? 0);
  const realised = roundTo(exact, 4);
  if (!(input.target > 0)) return { realised, progressBp: null };
  const progressBp = roundTo(divide(multiply(exact, ratio(BigInt(FULL_BP))), fromNumber(input.target)), 0);
  return { realised, progressBp };
}

/** Mean of the progress values present, each capped at 100 %; null when none is present. */
export function averageProgress(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null).map((value) => Math.min(value, FULL_BP));
  if (present.length === 0) return null;
  return Math.round(present.reduce((sum, value) => sum + value, 0) / present.length);
}

/** An RHK's own progress: the mean of its indicators' progress. */
export const measureRhkProgress = (indicators: readonly IndicatorProgress[]): number | null => averageProgress(indicators.map((indicator) => indicator.progressBp));

export interface CascadeProgressNode {
  id: string;
  ownProgressBp: number | null;
  children: readonly CascadeProgressNode[];
}

export interface RolledUpNode {
  id: string;
  ownProgressBp: number | null;
  /**
   * How far the RHK is carried by the people below: the mean of the children's carried progress
   * (or their own, for a child nobody cites). Null without children or without any report below.
   */
  carriedProgressBp: number | null;
  children: RolledUpNode[];
}

/** Rolls progress up the cascade tree, leaves first. */
export function rollUpCascade(node: CascadeProgressNode): RolledUpNode {
  const children = node.children.map(rollUpCascade);
  const carriedProgressBp = children.length === 0 ? null : averageProgress(children.map((child) => child.carriedProgressBp ?? child.ownProgressBp));
  return { id: node.id, ownProgressBp: node.ownProgressBp, carriedProgressBp, children };
}
