import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperiorResolver } from '../../src/domain/org/hierarchy';
import { BERAKHLAK_CODES } from '../../src/domain/skp/berakhlak';
import { UNIT_HEAD_HASIL_KERJA } from '../../src/domain/skp/evaluation';
import { determinePredikat } from '../../src/domain/skp/predikat';
import { EMPLOYEE_PREDIKAT_LABELS, type EmployeePredikat, type Rating, type UnitPredikat } from '../../src/domain/skp/vocabulary';
import type { TppExplanationView } from '../../src/contracts/tpp';
import { TAPANULI_TENGAH_POINTS_RULE_SET } from '../../src/domain/tpp/examples/tapanuli-tengah-points';
import { queryRows } from '../../src/server/db/client';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../../src/server/modules/demo/demo-people';
import { DEMO_KEPALA_DAERAH } from '../../src/server/modules/skp/skp-demo-assessors';
import { seedDemoRegency } from '../../src/server/modules/demo/seed-demo-regency';
import { seedDemoSkp, type DemoSkpSummary } from '../../src/server/modules/demo/seed-demo-skp';
import { loadSuperiorData } from '../../src/server/modules/org/superiors.service';
import { createTppRuleSetVersion, findTppRuleSetForPeriod } from '../../src/server/modules/tpp/rule-sets/tpp-rule-sets.service';
import { computeTppNow } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { loginAs, type TestApp } from '../helpers/test-app';
import { createTppTestApp } from './tpp-test-setup';

// Saturday 28 November 2026, 10:00 WIB: January to October have ended, November is running.
const NOW = '2026-11-28T03:00:00Z';

describe('demo regency: its SKP year', () => {
  let t: TestApp;
  let summary: DemoSkpSummary | null;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    await seedDemoRegency(t.handle.db, t.clock);
    summary = await seedDemoSkp(t.handle.db, t.clock);
  }, 300_000);
  afterAll(async () => t.close());

  it('gives every active employee with a definitive position one approved 2026 plan, assessed by the superior of record', async () => {
    const people = await queryRows<{ id: string }>(
      t.handle.db,
      sql`select distinct e.id from employees e join assignments a on a.employee_id = e.id and a.kind = 'definitif' and a.start_date <= '2026-11-28' and (a.end_date is null or a.end_date >= '2026-11-28') where e.is_active`,
    );
    const plans = await queryRows<{ employeeId: string; status: string; revision: number; assessorKind: string; assessorEmployeeId: string | null; assessorName: string; decidedOnBehalfOf: string | null }>(
      t.handle.db,
      sql`select employee_id as "employeeId", status, revision, assessor_kind as "assessorKind", assessor_employee_id as "assessorEmployeeId", assessor_name as "assessorName",
            decided_on_behalf_of as "decidedOnBehalfOf"
          from skps where year = 2026`,
    );
    expect(summary).toMatchObject({ year: 2026, skps: people.length, evaluatedPeriods: '2026-01 s.d. 2026-10' });
    expect(new Set(plans.map((plan) => plan.employeeId))).toEqual(new Set(people.map((person) => person.id)));
    expect(plans.every((plan) => plan.status === 'approved' && plan.revision === 1)).toBe(true);

    const superiorOf = createSuperiorResolver(await loadSuperiorData(t.handle.db, people.map((person) => person.id), '2026-11-28'), '2026-11-28');
    const mismatched = plans.filter((plan) => plan.assessorKind === 'superior' && plan.assessorEmployeeId !== superiorOf(plan.employeeId).superiorEmployeeId);
    expect(mismatched).toEqual([]);
    // Only the Sekda is left without a superior: the regent assesses, and BKPSDM recorded the approval.
    const byRegent = plans.filter((plan) => plan.assessorKind !== 'superior');
    expect(byRegent).toHaveLength(1);
    expect(byRegent[0]).toMatchObject({ assessorKind: 'kepala_daerah', assessorEmployeeId: null, assessorName: DEMO_KEPALA_DAERAH.officialName });
    expect(byRegent[0]?.decidedOnBehalfOf).toContain(DEMO_KEPALA_DAERAH.officialTitle);
  });

  it('cascades: every RHK utama cites an RHK of its assessor’s plan, only the top cites the regent’s agreement', async () => {
    const [check] = await queryRows<{ utama: number; citing: number; wrongOwner: number; agreements: number; withoutIndicator: number; jptWithoutPerspective: number }>(
      t.handle.db,
      sql`select count(*) filter (where r.kind = 'utama')::int as utama,
            count(*) filter (where r.supported_rhk_id is not null)::int as citing,
            count(*) filter (where r.supported_rhk_id is not null and cited_skp.employee_id is distinct from s.assessor_employee_id)::int as "wrongOwner",
            count(*) filter (where r.kind = 'utama' and r.supported_rhk_id is null)::int as agreements,
            count(*) filter (where not exists (select 1 from skp_indicators i where i.rhk_id = r.id))::int as "withoutIndicator",
            count(*) filter (where s.is_jpt and r.perspective is null)::int as "jptWithoutPerspective"
          from skp_rhk r
          join skps s on s.id = r.skp_id
          left join skp_rhk cited on cited.id = r.supported_rhk_id
          left join skps cited_skp on cited_skp.id = cited.skp_id`,
    );
    expect(check).toMatchObject({ wrongOwner: 0, withoutIndicator: 0, jptWithoutPerspective: 0, agreements: 4 });
    expect(check?.citing).toBe((check?.utama ?? 0) - 4);
  });

  it('rates every ended month, by the matrix, and a unit head by the unit predikat their own assessor set', async () => {
    const rows = await queryRows<{ periodKey: string; hasil: Rating; perilaku: Rating; predikat: string; isFinal: boolean; unitPredikat: UnitPredikat | null; isHead: boolean }>(
      t.handle.db,
      sql`select e.period_key as "periodKey", e.hasil_kerja_rating as hasil, e.perilaku_kerja_rating as perilaku, e.predikat, e.is_final as "isFinal",
            up.predikat as "unitPredikat", (p.is_unit_head and p.unit_id = s.unit_id) as "isHead"
          from skp_evaluations e
          join skps s on s.id = e.skp_id
          join positions p on p.id = s.position_id
          left join skp_unit_predikats up on up.unit_id = s.unit_id and up.period_key = e.period_key and p.is_unit_head and p.unit_id = s.unit_id`,
    );
    expect(rows).toHaveLength(summary?.evaluations ?? -1);
    expect(new Set(rows.map((row) => row.periodKey))).toEqual(new Set(Array.from({ length: 10 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`)));
    expect(rows.every((row) => row.isFinal && row.predikat === determinePredikat(row.hasil, row.perilaku))).toBe(true);
    const heads = rows.filter((row) => row.isHead);
    expect(heads.length).toBeGreaterThan(1_000);
    expect(heads.every((row) => row.unitPredikat !== null && row.hasil === UNIT_HEAD_HASIL_KERJA[row.unitPredikat])).toBe(true);
    // Notes on behaviour are keyed by the BerAKHLAK values the evaluation form shows.
    const noteKeys = await queryRows<{ key: string }>(t.handle.db, sql`select distinct jsonb_object_keys(behaviour_notes) as key from skp_evaluations`);
    expect(noteKeys.length).toBeGreaterThan(0);
    expect(noteKeys.every((row) => (BERAKHLAK_CODES as readonly string[]).includes(row.key))).toBe(true);
    // Most meet expectations, some exceed, a few fall short.
    const share = (predikat: string) => rows.filter((row) => row.predikat === predikat).length / rows.length;
    expect(share('baik')).toBeGreaterThan(0.7);
    expect(share('sangat_baik')).toBeGreaterThan(0.02);
    expect(share('butuh_perbaikan') + share('kurang') + share('sangat_kurang')).toBeGreaterThan(0.03);
  });

  it('is what the SKP pages show: the staff member’s plan, realisations with progress, ratings; the head’s distribution', async () => {
    const staff = await loginAs(t.app, DEMO_PEOPLE.stafPelayananKesehatan.nip, DEMO_PASSWORD);
    const mine = await staff.inject({ method: 'GET', url: '/api/skp?scope=mine&year=2026' });
    expect(mine.statusCode).toBe(200);
    const [plan] = mine.json<{ items: { id: string; status: string }[] }>().items;
    expect(plan?.status).toBe('approved');

    const board = await staff.inject({ method: 'GET', url: `/api/skp/${plan?.id}/realisations` });
    expect(board.statusCode).toBe(200);
    const rhk = board.json<{ rhk: { progressBp: number | null; periods: { periodKey: string; realisasi: string | null; feedback: string | null }[] }[] }>().rhk;
    expect(rhk.length).toBeGreaterThanOrEqual(2);
    for (const item of rhk) {
      // Ten of twelve months reported: about 70–100 % of the year's target.
      expect(item.progressBp).toBeGreaterThan(6_000);
      expect(item.progressBp).toBeLessThan(10_500);
      expect(item.periods.find((period) => period.periodKey === '2026-10')?.realisasi).toBeTruthy();
      expect(item.periods.find((period) => period.periodKey === '2026-11')?.realisasi ?? null).toBeNull();
    }

    const evaluations = await staff.inject({ method: 'GET', url: `/api/skp/${plan?.id}/evaluations` });
    expect(evaluations.statusCode).toBe(200);
    const list = evaluations.json<{ items: { periodKey: string; predikat: string; isFinal: boolean; assessor: { name: string | null } }[] }>();
    expect(list.items.map((item) => item.periodKey).sort()).toEqual(Array.from({ length: 10 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`));
    expect(list.items.every((item) => item.isFinal && item.assessor.name)).toBe(true);

    const head = await loginAs(t.app, DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip, DEMO_PASSWORD);
    const distribution = await head.inject({ method: 'GET', url: '/api/skp/distribution?periodKey=2026-10' });
    expect(distribution.statusCode).toBe(200);
    const view = distribution.json<{ total: number; people: { predikat: string | null; isFinal: boolean }[] }>();
    expect(view.total).toBeGreaterThan(0);
    expect(view.people.every((person) => person.isFinal && person.predikat)).toBe(true);
  });

  it('pays the SKP part of the Tapanuli Tengah points scheme from the month’s final predikat', async () => {
    const ctx = systemContext('test', t.clock, 'Asia/Jakarta');
    // The demo regency adopts the Tapanuli Tengah scheme from October (a version of its own region).
    const current = await findTppRuleSetForPeriod(t.handle.db, '2026-10');
    await createTppRuleSetVersion(t.handle.db, ctx, { ...TAPANULI_TENGAH_POINTS_RULE_SET, region: current?.ruleSet.region, effectiveFrom: '2026-10-01' });
    const run = await computeTppNow(t.handle.db, ctx, { period: '2026-10', unitId: null });
    expect(run.status).toBe('done');
    const [check] = await queryRows<{ results: number; mismatched: number; rated: number }>(
      t.handle.db,
      sql`select count(*)::int as results,
            count(*) filter (where r.input -> 'skp' ->> 'predikat' is distinct from e.predikat)::int as mismatched,
            count(e.id)::int as rated
          from tpp_results r
          left join skps s on s.employee_id = r.employee_id and s.year = 2026
          left join skp_evaluations e on e.skp_id = s.id and e.period_key = '2026-10'
          where r.period = '2026-10' and r.is_current`,
    );
    expect(check?.results).toBeGreaterThan(1_900);
    expect(check).toMatchObject({ mismatched: 0, rated: check?.results });
  });

  it('estimates the month in progress under the points scheme from the latest final predikat, and says so', async () => {
    // November is not rated yet: the estimate takes October's final predikat instead of paying the SKP part as unrated.
    const [october] = await queryRows<{ predikat: EmployeePredikat }>(
      t.handle.db,
      sql`select v.predikat from skp_evaluations v join skps s on s.id = v.skp_id join employees e on e.id = s.employee_id
          where e.nip = ${DEMO_PEOPLE.stafPelayananKesehatan.nip} and v.period_key = '2026-10' and v.is_final`,
    );
    if (!october) throw new Error('the demo staff member has no final October rating');
    const staff = await loginAs(t.app, DEMO_PEOPLE.stafPelayananKesehatan.nip, DEMO_PASSWORD);
    const response = await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-11' });
    expect(response.statusCode, response.body).toBe(200);
    const estimate = response.json<TppExplanationView>();
    expect(estimate.isEstimate).toBe(true);
    const label = EMPLOYEE_PREDIKAT_LABELS[october.predikat];
    expect(estimate.notes).toContain(`Perkiraan: SKP bulan ini belum dinilai; dipakai predikat final terakhir, ${label} (periode 2026-10)`);
    const skpLine = estimate.result.lines.find((line) => line.section === 'earning' && line.input.startsWith('Predikat SKP'));
    expect(skpLine?.input).toBe(`Predikat SKP ${label}`);
    expect(estimate.result.lines.some((line) => line.input === 'SKP belum dinilai')).toBe(false);
    // The simulator is offered the predikat (the scheme prices it) and starts from the assumed one; a lower one pays less, on the SKP line.
    expect(estimate.inputs).toMatchObject({ skpPredikat: october.predikat, uses: { skpPredikat: true, skpAchievement: false, apel: false } });
    const lower = october.predikat === 'sangat_kurang' ? 'kurang' : 'sangat_kurang';
    const simulated = await staff.inject({ method: 'POST', url: '/api/tpp/simulate', payload: { period: '2026-11', changes: { skp: { predikat: lower } } } });
    expect(simulated.statusCode, simulated.body).toBe(200);
    const simulation = simulated.json<{ difference: { net: number }; lineChanges: { code: string; label: string }[] }>();
    expect(simulation.difference.net).toBeLessThan(0);
    expect(simulation.lineChanges.map((line) => line.code)).toContain(skpLine?.code);
    // A run of November stores what the month's records say: no rating yet, no assumption.
    const run = await computeTppNow(t.handle.db, systemContext('test', t.clock, 'Asia/Jakarta'), { period: '2026-11', unitId: null });
    expect(run.status).toBe('done');
    const stored = (await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-11' })).json<TppExplanationView>();
    expect(stored.isEstimate).toBe(false);
    expect(stored.result.lines.some((line) => line.input === 'SKP belum dinilai')).toBe(true);
    expect(stored.notes.some((note) => note.startsWith('Perkiraan'))).toBe(false);
  });

  it('pays a part for the capaian SKP: realised against what is due by the month’s end, from the plans’ reports', async () => {
    const ctx = systemContext('test', t.clock, 'Asia/Jakarta');
    // From September the demo regency pays its productivity part for the capaian SKP instead (a Deli Serdang-like "SKP" part).
    const current = await findTppRuleSetForPeriod(t.handle.db, '2026-09');
    if (!current) throw new Error('no rule set for 2026-09');
    const parts = current.ruleSet.earning.parts.map((part) =>
      part.measure.kind === 'productivity' ? { ...part, label: 'Capaian SKP', measure: { kind: 'skp_achievement' as const, scale: part.measure.scale, missingFactorBp: 0 } } : part,
    );
    await createTppRuleSetVersion(t.handle.db, ctx, { ...current.ruleSet, effectiveFrom: '2026-09-01', earning: { ...current.ruleSet.earning, parts } });
    const run = await computeTppNow(t.handle.db, ctx, { period: '2026-09', unitId: null });
    expect(run.status).toBe('done');
    const results = await queryRows<{ employeeId: string; achievementBp: number | null }>(
      t.handle.db,
      sql`select employee_id as "employeeId", (input -> 'skp' ->> 'achievementBp')::int as "achievementBp" from tpp_results where period = '2026-09' and is_current`,
    );
    expect(results.length).toBeGreaterThan(1_900);
    expect(results.every((row) => row.achievementBp !== null && row.achievementBp > 5_000 && row.achievementBp <= 10_000)).toBe(true);

    // The staff member's, by hand from her indicators: a quantity against 9/12 of its target, a level whole, each capped at 100 %.
    const staff = await queryRows<{ employeeId: string; aspect: string; target: number; realised: number; latest: number }>(
      t.handle.db,
      sql`select s.employee_id as "employeeId", i.aspect, i.target_value::float8 as target, coalesce(sum(v.value), 0)::float8 as realised,
            coalesce((array_agg(v.value order by x.period_start desc))[1], 0)::float8 as latest
          from skps s join employees e on e.id = s.employee_id and e.nip = ${DEMO_PEOPLE.stafPelayananKesehatan.nip}
          join skp_rhk r on r.skp_id = s.id and r.kind = 'utama'
          join skp_indicators i on i.rhk_id = r.id
          left join skp_realisations x on x.rhk_id = r.id and x.period_start <= '2026-09-30'
          left join skp_indicator_realisations v on v.realisation_id = x.id and v.indicator_id = i.id
          group by s.employee_id, i.id, i.aspect, i.target_value`,
    );
    expect(staff.length).toBeGreaterThanOrEqual(2);
    const shares = staff.map((row) => Math.min(1, row.aspect === 'kuantitas' ? row.realised / ((row.target * 9) / 12) : row.latest / row.target));
    const expected = Math.round((shares.reduce((sum, share) => sum + share, 0) / shares.length) * 10_000);
    const actual = results.find((row) => row.employeeId === staff[0]?.employeeId)?.achievementBp ?? -1;
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1);
  });

  it('is made once', async () => {
    expect(await seedDemoSkp(t.handle.db, t.clock)).toBeNull();
  });
});

describe('demo regency: its SKP year, started in the first week of January', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Tuesday 6 January 2026, 10:00 WIB: no period has ended yet.
    t = await createTppTestApp('2026-01-06T03:00:00Z');
    await seedDemoRegency(t.handle.db, t.clock);
  }, 300_000);
  afterAll(async () => t.close());

  it('has approved plans dated before now, January’s realisation started, and nothing rated yet', async () => {
    const summary = await seedDemoSkp(t.handle.db, t.clock);
    expect(summary).toMatchObject({ year: 2026, evaluations: 0, unitPredikats: 0, evaluatedPeriods: null });
    expect(summary?.skps).toBeGreaterThan(1_900);
    const [check] = await queryRows<{ late: number; periods: string[]; reported: number; feedback: number }>(
      t.handle.db,
      sql`select (select count(*) from skps where submitted_at > '2026-01-06T03:00:00Z' or decided_at > '2026-01-06T03:00:00Z' or decided_at < submitted_at)::int as late,
            (select array_agg(distinct period_key) from skp_realisations) as periods,
            (select count(*) from skp_realisations where realisasi is not null)::int as reported,
            (select count(*) from skp_realisations where feedback is not null)::int as feedback`,
    );
    expect(check).toEqual({ late: 0, periods: ['2026-01'], reported: 0, feedback: 0 });
  });
});
