import { sql } from 'drizzle-orm';
import { measureSkpAchievement, type SkpAchievementInput } from '../../../domain/skp/achievement';
import type { IndicatorAspect } from '../../../domain/skp/vocabulary';
import { queryRows, type Executor } from '../../db/client';

/**
 * Capaian SKP of a month (domain/skp/achievement.ts) for many employees: the RHK utama of each one's
 * approved plan in force for the month's year, with the values reported for the periods started by
 * the month's last day. One statement for the whole list; employees without a plan or without any
 * report are left out (no capaian).
 */
export async function measureSkpAchievements(executor: Executor, employeeIds: readonly string[], period: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (employeeIds.length === 0) return result;
  const year = Number(period.slice(0, 4));
  const from = `${period}-01`;
  const nextMonth = sql`(${from}::date + interval '1 month')::date`;
  const rows = await queryRows<{ employeeId: string; startDate: string; endDate: string; indicatorId: string; aspect: IndicatorAspect; target: string; value: string | null }>(
    executor,
    sql`select s.employee_id as "employeeId", s.start_date::text as "startDate", s.end_date::text as "endDate", i.id as "indicatorId", i.aspect, i.target_value::text as target,
          v.value::text as value
        from skps s
        join skp_rhk r on r.skp_id = s.id and r.kind = 'utama'
        join skp_indicators i on i.rhk_id = r.id
        left join skp_realisations x on x.rhk_id = r.id and x.period_start < ${nextMonth}
        left join skp_indicator_realisations v on v.realisation_id = x.id and v.indicator_id = i.id
        where s.employee_id = any(${`{${employeeIds.join(',')}}`}::uuid[]) and s.year = ${year} and s.status = 'approved' and s.superseded_at is null
          and s.start_date < ${nextMonth} and s.end_date >= ${from}
        order by s.employee_id, i.id, x.period_start`,
  );
  const plans = new Map<string, { span: { startDate: string; endDate: string }; indicators: Map<string, SkpAchievementInput['indicators'][number] & { values: number[] }> }>();
  for (const row of rows) {
    let plan = plans.get(row.employeeId);
    if (!plan) {
      plan = { span: { startDate: row.startDate, endDate: row.endDate }, indicators: new Map() };
      plans.set(row.employeeId, plan);
    }
    let indicator = plan.indicators.get(row.indicatorId);
    if (!indicator) {
      indicator = { aspect: row.aspect, target: Number(row.target), values: [] };
      plan.indicators.set(row.indicatorId, indicator);
    }
    if (row.value !== null) indicator.values.push(Number(row.value));
  }
  for (const [employeeId, plan] of plans) {
    const achievement = measureSkpAchievement({ span: plan.span, month: period, indicators: [...plan.indicators.values()] });
    if (achievement !== null) result.set(employeeId, achievement);
  }
  return result;
}
