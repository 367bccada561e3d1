import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperiorResolver } from '../../src/domain/org/hierarchy';
import { queryRows } from '../../src/server/db/client';
import { loadSuperiorData } from '../../src/server/modules/org/superiors.service';
import { seedDemoHistory, type DemoHistorySummary } from '../../src/server/modules/demo/seed-demo-history';
import { DEMO_PEOPLE } from '../../src/server/modules/demo/demo-people';
import { seedDemoSkp } from '../../src/server/modules/demo/seed-demo-skp';
import { computeDemoTppMonth } from '../../src/server/modules/demo/seed-demo-tpp-month';
import { seedDemoRegency } from '../../src/server/modules/demo/seed-demo-regency';
import type { TppExplanationView } from '../../src/contracts/tpp';
import { DELI_SERDANG_30_20_50_RULE_SET, KOLAKA_60_30_10_RULE_SET } from '../../src/domain/tpp/examples';
import type { TppRuleSet } from '../../src/domain/tpp/rule-set';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo-accounts';
import { createTppRuleSetVersion, findTppRuleSetForPeriod, replaceTppRuleSetVersion } from '../../src/server/modules/tpp/rule-sets/tpp-rule-sets.service';
import { computeTppNow } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { extractPdfText } from '../helpers/pdf-text';
import { loginAs, type TestApp } from '../helpers/test-app';
import { createTppTestApp } from './tpp-test-setup';

// Saturday 28 November 2026, 10:00 WIB: punches run from 1 October to this moment, activities to Friday 27 November.
const NOW = '2026-11-28T03:00:00Z';

const counts = async (t: TestApp) => {
  const [row] = await queryRows<{ punches: number; days: number; entries: number; requests: number; devices: number }>(
    t.handle.db,
    sql`select (select count(*) from punches)::int as punches, (select count(*) from daily_attendance)::int as days,
          (select count(*) from activity_entries)::int as entries, (select count(*) from attendance_requests)::int as requests,
          (select count(*) from devices)::int as devices`,
  );
  return row;
};

describe('demo regency: its recent past (punches, leave, daily activities)', () => {
  let t: TestApp;
  let history: DemoHistorySummary | null;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    await seedDemoRegency(t.handle.db, t.clock);
    history = await seedDemoHistory(t.handle.db, t.clock);
  }, 300_000);
  afterAll(async () => t.close());

  it('punches on one machine per OPD, every punch counted for the employee its PIN is enrolled as', async () => {
    expect(history).toMatchObject({ from: '2026-10-01', to: '2026-11-28' });
    const [opds] = await queryRows<{ count: number }>(t.handle.db, sql`select count(*)::int as count from units where kind = 'opd' and is_active`);
    expect(history?.devices).toBe(opds?.count);
    expect(await counts(t)).toMatchObject({ punches: history?.punches, entries: history?.entries, requests: history?.requests, devices: history?.devices });
    const [check] = await queryRows<{ held: number; unmapped: number; outside: number }>(
      t.handle.db,
      sql`select count(*) filter (where p.review_status <> 'ok')::int as held,
            count(*) filter (where m.employee_id is distinct from p.employee_id)::int as unmapped,
            count(*) filter (where p.local_time::date < '2026-10-01' or p.instant > ${NOW}::timestamptz)::int as outside
          from punches p
          join devices d on d.serial_number = p.serial_number
          left join device_user_mappings m on m.device_id = d.id and m.pin = p.pin`,
    );
    expect(check).toEqual({ held: 0, unmapped: 0, outside: 0 });
  });

  it('derives daily attendance from the punches and the approved leave, as for a real machine', async () => {
    const statuses = await queryRows<{ status: string; days: number }>(
      t.handle.db,
      sql`select status, count(*)::int as days from daily_attendance where date between '2026-10-01' and '2026-10-31' group by status order by days desc`,
    );
    const days = new Map(statuses.map((row) => [row.status, row.days]));
    expect(statuses[0]?.status).toBe('hadir');
    for (const status of ['terlambat', 'psw', 'tk', 'tidak_absen_masuk', 'tidak_absen_pulang', 'cuti_tahunan', 'sakit', 'dinas_luar']) {
      expect(days.get(status) ?? 0, status).toBeGreaterThan(0);
    }
    expect((days.get('tk') ?? 0) / (days.get('hadir') ?? 1)).toBeLessThan(0.05);
    // Every working day of an approved request has the request's kind as its status.
    const [leave] = await queryRows<{ covered: number; other: number }>(
      t.handle.db,
      sql`select count(*) filter (where a.status = r.kind)::int as covered, count(*) filter (where a.status <> r.kind)::int as other
          from attendance_requests r
          join daily_attendance a on a.employee_id = r.employee_id and a.date between r.start_date and r.end_date
          where r.status = 'disetujui'`,
    );
    expect(leave?.covered).toBeGreaterThan(0);
    expect(leave?.other).toBe(0);
    // Some have asked for leave in the coming two weeks; their superiors have it in their queue.
    const [asked] = await queryRows<{ waiting: number; past: number; withoutApprover: number }>(
      t.handle.db,
      sql`select count(*)::int as waiting, count(*) filter (where start_date <= '2026-11-28')::int as past,
            count(*) filter (where approver_employee_id is null)::int as "withoutApprover"
          from attendance_requests where status = 'diajukan'`,
    );
    expect(asked?.waiting).toBeGreaterThan(10);
    expect(asked).toMatchObject({ past: 0, withoutApprover: 0 });
  });

  it('records activities on the days present only, approved by the superior except for the last three days', async () => {
    const [check] = await queryRows<{ onAbsentDays: number; decidedRecently: number; approvedWithoutMinutes: number; beyondCeiling: number }>(
      t.handle.db,
      sql`select
            count(*) filter (where a.status in ('tk', 'cuti_tahunan', 'sakit', 'dinas_luar') or a.employee_id is null)::int as "onAbsentDays",
            count(*) filter (where e.status <> 'submitted' and e.work_date >= '2026-11-25')::int as "decidedRecently",
            count(*) filter (where e.status = 'approved' and (e.approved_minutes is distinct from e.claimed_minutes or e.decided_at is null))::int as "approvedWithoutMinutes",
            count(*) filter (where e.standard_minutes is not null and e.claimed_minutes <> e.volume * e.standard_minutes)::int as "beyondCeiling"
          from activity_entries e
          left join daily_attendance a on a.employee_id = e.employee_id and a.date = e.work_date`,
    );
    expect(check).toEqual({ onAbsentDays: 0, decidedRecently: 0, approvedWithoutMinutes: 0, beyondCeiling: 0 });
    const [last] = await queryRows<{ date: string }>(t.handle.db, sql`select max(work_date)::text as date from activity_entries`);
    expect(last?.date).toBe('2026-11-27');
    expect(history?.pendingEntries).toBeGreaterThan(0);

    // Older entries still waiting are those of people nobody above decides for (the top of the tree).
    const waiting = await queryRows<{ employeeId: string }>(
      t.handle.db,
      sql`select distinct employee_id as "employeeId" from activity_entries where status = 'submitted' and work_date < '2026-11-25'`,
    );
    const ids = waiting.map((row) => row.employeeId);
    const superiorOf = createSuperiorResolver(await loadSuperiorData(t.handle.db, ids, '2026-11-27'), '2026-11-27');
    expect(ids.length).toBeLessThan(5);
    expect(ids.filter((id) => superiorOf(id).superiorEmployeeId !== null)).toEqual([]);

    // The demo staff member's entries are decided by the kepala bidang, her superior of record.
    const deciders = await queryRows<{ nip: string }>(
      t.handle.db,
      sql`select distinct d.nip from activity_entries e join employees s on s.id = e.employee_id join employees d on d.id = e.decided_by_employee_id
          where s.nip = ${DEMO_PEOPLE.stafPelayananKesehatan.nip}`,
    );
    expect(deciders.map((row) => row.nip)).toEqual([DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip]);
  });

  it('gives a month the TPP run computes for everyone, with productivity, lateness and absence', async () => {
    // The demo computes the previous month once, as BKPSDM would have (the month stays open).
    const run = await computeDemoTppMonth(t.handle.db, t.clock);
    expect(run).toMatchObject({ period: '2026-10', unitId: null, status: 'done' });
    expect(await computeDemoTppMonth(t.handle.db, t.clock)).toBeNull();
    expect(run?.issues).toEqual([]);
    const [results] = await queryRows<{ employees: number; results: number; medianBp: number; withTk: number; withLate: number; amounts: number; penalised: number }>(
      t.handle.db,
      sql`select (select count(*) from employees where is_active)::int as employees, count(*)::int as results,
            percentile_disc(0.5) within group (order by (input ->> 'productivityBp')::int)::int as "medianBp",
            count(*) filter (where (input -> 'attendance' ->> 'tkDays')::int > 0)::int as "withTk",
            count(*) filter (where jsonb_array_length(input -> 'attendance' -> 'late') > 0)::int as "withLate",
            count(distinct net)::int as amounts,
            count(*) filter (where jsonb_array_length(input -> 'disciplineDecisions') > 0 and adjustment_total < 0)::int as penalised
          from tpp_results where period = '2026-10' and is_current`,
    );
    expect(results?.results).toBe(results?.employees);
    expect(results?.medianBp).toBeGreaterThanOrEqual(8_000);
    expect(results?.medianBp).toBeLessThanOrEqual(10_000);
    expect(results?.withTk).toBeGreaterThan(0);
    expect(results?.withTk).toBeLessThan((results?.results ?? 0) / 2);
    expect(results?.withLate).toBeGreaterThan((results?.results ?? 0) / 4);
    expect(results?.amounts).toBeGreaterThan(100);
    // A few staff under a PP 94/2021 decision from October have their TPP cut.
    expect(history?.disciplineDecisions).toBe(4);
    expect(results?.penalised).toBe(4);
  });

  it('links the activities already recorded to the RHK of the SKP year made after it, each to the employee’s own approved plan', async () => {
    const skp = await seedDemoSkp(t.handle.db, t.clock);
    const [check] = await queryRows<{ linked: number; foreign: number; before: number; titles: number }>(
      t.handle.db,
      sql`select count(*)::int as linked,
            count(*) filter (where s.employee_id <> a.employee_id or s.status <> 'approved' or s.superseded_at is not null)::int as "foreign",
            count(*) filter (where a.work_date < s.start_date)::int as before,
            count(*) filter (where exists (select 1 from skp_realisations x where x.rhk_id = r.id and x.rencana_aksi = a.title))::int as titles
          from activity_entries a
          join skp_rhk r on r.id = a.skp_rhk_id
          join skps s on s.id = r.skp_id`,
    );
    expect(skp?.linkedEntries).toBeGreaterThan(10_000);
    expect(check).toEqual({ linked: skp?.linkedEntries, foreign: 0, before: 0, titles: skp?.linkedEntries });
  });

  /** The regency adopts `ruleSet` from November (a version of its own region, replacing one made for November by an earlier test); November is computed for everyone. */
  const computeNovemberUnder = async (ruleSet: TppRuleSet) => {
    const ctx = systemContext('test', t.clock, 'Asia/Jakarta');
    const current = await findTppRuleSetForPeriod(t.handle.db, '2026-11');
    if (!current) throw new Error('no rule set for 2026-11');
    const version = { ...ruleSet, region: current.ruleSet.region, effectiveFrom: '2026-11-01' };
    if (current.ruleSet.effectiveFrom === '2026-11-01') await replaceTppRuleSetVersion(t.handle.db, ctx, current.id, version);
    else await createTppRuleSetVersion(t.handle.db, ctx, version);
    const run = await computeTppNow(t.handle.db, ctx, { period: '2026-11', unitId: null });
    expect(run).toMatchObject({ status: 'done', issues: [] });
    const [results] = await queryRows<{ employees: number; results: number; underRuleSet: number; amounts: number }>(
      t.handle.db,
      sql`select (select count(*) from employees where is_active)::int as employees, count(*)::int as results,
            count(*) filter (where s.name = ${ruleSet.name})::int as "underRuleSet", count(distinct r.net)::int as amounts
          from tpp_results r join tpp_rule_sets s on s.id = r.rule_set_id where r.period = '2026-11' and r.is_current`,
    );
    expect(results).toMatchObject({ results: results?.employees, underRuleSet: results?.employees });
    expect(results?.amounts).toBeGreaterThan(100);
    // The staff member's explanation, its lines adding up to the stored net.
    const admin = await loginAs(t.app, 'admin.bkpsdm', DEMO_PASSWORD);
    const staffId = (await queryRows<{ id: string }>(t.handle.db, sql`select id from employees where nip = ${DEMO_PEOPLE.stafPelayananKesehatan.nip}`))[0]?.id;
    const response = await admin.inject({ method: 'GET', url: `/api/tpp/employees/${staffId}?period=2026-11` });
    expect(response.statusCode, response.body).toBe(200);
    const explained = response.json<TppExplanationView>();
    expect(explained.result.ruleSet.name).toBe(ruleSet.name);
    expect(explained.result.lines.reduce((sum, line) => sum + line.effect, 0)).toBe(explained.result.net);
    return explained.result.lines.filter((line) => line.section === 'earning').map((line) => line.code);
  };

  it('computes a month of the demo regency under the Kolaka 60/30/10 scheme too, every explanation adding up', async () => {
    // Kinerja 60, attendance 30 (daily and ceremonies), compliance 10 item by item.
    expect(await computeNovemberUnder(KOLAKA_60_30_10_RULE_SET)).toEqual([
      'part:kinerja',
      'part:kehadiran_harian',
      'part:apel',
      'part:kepatuhan:lhkpn',
      'part:kepatuhan:bmd',
      'part:kepatuhan:tptgr',
    ]);
  });

  it('and under Deli Serdang 30/20/50 (attendance, SKP, daily reports)', async () => {
    expect(await computeNovemberUnder(DELI_SERDANG_30_20_50_RULE_SET)).toEqual(['part:kehadiran', 'part:skp', 'part:laporan_harian']);
  });

  it('closes its October as BKPSDM does, prints it for payment, and corrects it in November', async () => {
    const admin = await loginAs(t.app, 'admin.bkpsdm', DEMO_PASSWORD);
    const staffId = (await queryRows<{ id: string }>(t.handle.db, sql`select id from employees where nip = ${DEMO_PEOPLE.stafPelayananKesehatan.nip}`))[0]?.id;
    const october = (await admin.inject({ method: 'GET', url: `/api/tpp/employees/${staffId}?period=2026-10` })).json<TppExplanationView>();
    expect(october).toMatchObject({ isEstimate: false, isFrozen: false });

    const closed = await admin.inject({ method: 'POST', url: '/api/periods/closures', payload: { period: '2026-10', note: 'TPP Oktober dibayarkan' } });
    expect(closed.statusCode, closed.body).toBe(201);
    const again = await admin.inject({ method: 'POST', url: '/api/periods/closures', payload: { period: '2026-10', note: 'Sekali lagi' } });
    expect(again.statusCode).toBe(409);
    // Frozen as computed: the same lines and net, stored.
    const frozen = (await admin.inject({ method: 'GET', url: `/api/tpp/employees/${staffId}?period=2026-10` })).json<TppExplanationView>();
    expect(frozen).toMatchObject({ isFrozen: true, result: { net: october.result.net, lines: october.result.lines } });

    // Printed for payment: Dinas Kesehatan's list, signed by its head and its treasurer; the staff member's slip; the recap.
    const dinkes = (await queryRows<{ id: string }>(t.handle.db, sql`select opd_unit_id as id from tpp_results where employee_id = ${staffId} and period = '2026-10' and is_current`))[0]?.id;
    const list = await admin.inject({ method: 'GET', url: `/api/tpp/exports/payroll.pdf?period=2026-10&unitId=${dinkes}` });
    expect(list.statusCode, list.body).toBe(200);
    const listText = extractPdfText(list.rawPayload);
    expect(listText).toContain('Bulan sudah ditutup');
    const { items: treasurers } = (await admin.inject({ method: 'GET', url: `/api/tpp/treasurers?unitId=${dinkes}` })).json<{ items: { nip: string; unitId: string }[] }>();
    const treasurer = treasurers.find((item) => item.unitId === dinkes);
    expect(listText).toContain(`NIP. ${treasurer?.nip ?? 'none'}`);
    expect((await admin.inject({ method: 'GET', url: `/api/tpp/employees/${staffId}/slip.pdf?period=2026-10` })).statusCode).toBe(200);
    const recap = await admin.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-10&unitId=${dinkes}` });
    expect(recap.statusCode).toBe(200);

    // Closed means frozen: a correction is paid in November, linked to the October result it corrects.
    const body = { employeeId: staffId, period: '2026-11', correctsPeriod: '2026-10', amount: 45_000, reason: 'Dinas luar 14 Oktober tercatat TK (SPT terlambat diunggah)' };
    expect((await admin.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: { ...body, period: '2026-10' } })).statusCode).toBe(400);
    const corrected = await admin.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: body });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const november = (await admin.inject({ method: 'GET', url: `/api/tpp/employees/${staffId}?period=2026-11` })).json<TppExplanationView>();
    expect(november.corrections).toMatchObject([{ correctsPeriod: '2026-10', correctsResultId: frozen.resultId, amount: 45_000 }]);
    expect(november.netPayable).toBe(november.result.net + 45_000);
  });

  it('is made once: a second call changes nothing', async () => {
    const before = await counts(t);
    expect(await seedDemoHistory(t.handle.db, t.clock)).toBeNull();
    expect(await counts(t)).toEqual(before);
  });
});
