/**
 * Annual leave (cuti tahunan) balance, PP 11/2017: an allowance of working days per year from the
 * rule set, plus the unused days of the previous year up to the rule set's carry-over limit.
 * Counting working days is the caller's job (it needs schedules and holidays).
 */
export interface AnnualLeaveInput {
  daysPerYear: number;
  carryOverMaxDays: number;
  /** Working days of approved cuti tahunan in the previous year. */
  usedPreviousYear: number;
  /** Working days of approved cuti tahunan this year. */
  usedThisYear: number;
  /** Working days of cuti tahunan still awaiting a decision this year. */
  pendingThisYear: number;
}

export interface AnnualLeaveBalance {
  allowanceDays: number;
  carriedOverDays: number;
  usedDays: number;
  pendingDays: number;
  remainingDays: number;
}

export function computeAnnualLeaveBalance(input: AnnualLeaveInput): AnnualLeaveBalance {
  const carriedOverDays = Math.min(input.carryOverMaxDays, Math.max(0, input.daysPerYear - input.usedPreviousYear));
  return {
    allowanceDays: input.daysPerYear,
    carriedOverDays,
    usedDays: input.usedThisYear,
    pendingDays: input.pendingThisYear,
    remainingDays: input.daysPerYear + carriedOverDays - input.usedThisYear - input.pendingThisYear,
  };
}

/** Why a request of `requestedDays` does not fit the balance (pending requests already reserved); null when it does. */
export function findLeaveShortfall(balance: AnnualLeaveBalance, requestedDays: number): string | null {
  if (requestedDays <= balance.remainingDays) return null;
  return `Sisa cuti tahunan ${balance.remainingDays} hari kerja, permohonan ini ${requestedDays} hari kerja`;
}
