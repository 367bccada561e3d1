import { listDates } from '../../../../domain/attendance/derive-local-time';
import type { DerivationRules } from '../../../../domain/attendance/derive-daily-attendance';
import { classifyEarly, classifyLate, type AttendanceRules } from '../../../../domain/attendance/rules';
import type { Executor } from '../../../db/client';
import { findAttendanceRules } from '../schedules';

/** The schedules module's work days are the one source of who works when (re-exported for this module). */
export { resolveWorkDays } from '../schedules';

export const toDerivationRules = (rules: AttendanceRules): DerivationRules => ({
  classifyLate: (minutes) => classifyLate(minutes, rules),
  classifyEarly: (minutes) => classifyEarly(minutes, rules),
});

/** The rule set in force on each date of [from, to]; a missing rule set is a clear error from the rule-set module. */
export async function loadRulesByDate(executor: Executor, from: string, to: string): Promise<(date: string) => DerivationRules> {
  const byDate = new Map<string, DerivationRules>();
  for (const date of listDates(from, to)) byDate.set(date, toDerivationRules(await findAttendanceRules(executor, date)));
  return (date) => {
    const rules = byDate.get(date);
    if (!rules) throw new Error(`no rules loaded for ${date}`);
    return rules;
  };
}
