import { count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperiorResolver, findCycle } from '../../src/domain/org/hierarchy';
import { parseNip } from '../../src/domain/org/nip';
import { auditLog, assignments, employees, positions, superiorOverrides, units, users } from '../../src/server/db/schema';
import { buildDemoRegency } from '../../src/server/modules/demo/build-demo-regency';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../../src/server/modules/demo/demo-people';
import { shouldSeedDemoOnStart } from '../../src/server/modules/demo/demo-seed-policy';
import { isDatabaseEmpty, isDemoRegencyPresent, seedDemoRegency, type DemoSummary } from '../../src/server/modules/demo/seed-demo-regency';
import { findDirectSuperior, findEmployeeIdByNip, findSubordinates, loadSuperiorData } from '../../src/server/modules/org';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app';

const TODAY = '2026-03-02';

describe('demo regency seed', () => {
  let t: TestApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    t = await createTestApp({ now: `${TODAY}T02:00:00Z` });
    expect(await isDatabaseEmpty(t.handle.db)).toBe(true);
    summary = await seedDemoRegency(t.handle.db, t.clock);
  }, 120_000);
  afterAll(async () => t.close());

  it('has about 30 OPD, about 2,000 employees, some PPPK, vacancies, Plt/Plh and overrides', async () => {
    const db = t.handle.db;
    const [opd] = await db.select({ value: count() }).from(units).where(eq(units.kind, 'opd'));
    const [staff] = await db.select({ value: count() }).from(employees);
    const [pppk] = await db.select({ value: count() }).from(employees).where(eq(employees.jenisAsn, 'PPPK'));
    const acting = await db.select({ kind: assignments.kind }).from(assignments).where(sql`${assignments.kind} <> 'definitif'`);
    const [overrides] = await db.select({ value: count() }).from(superiorOverrides);
    expect(opd?.value).toBeGreaterThanOrEqual(28);
    expect(opd?.value).toBeLessThanOrEqual(35);
    expect(staff?.value).toBeGreaterThanOrEqual(1800);
    expect(staff?.value).toBeLessThanOrEqual(2200);
    const pppkShare = (pppk?.value ?? 0) / (staff?.value ?? 1);
    expect(pppkShare).toBeGreaterThan(0.07);
    expect(pppkShare).toBeLessThan(0.15);
    expect(acting.map((row) => row.kind).sort()).toEqual(['plh', 'plt']);
    expect(overrides?.value).toBe(2);
    expect(summary).toMatchObject({ opdCount: opd?.value, employeeCount: staff?.value, pppkCount: pppk?.value, actingAssignmentCount: 2 });
    expect(summary.vacantPositionCount).toBeGreaterThan(0);
    expect(await isDemoRegencyPresent(db)).toBe(true);
  });

  it('gives every employee a valid NIP / NI PPPK whose birth date and sex match the record', async () => {
    const rows = await t.handle.db
      .select({ nip: employees.nip, jenisAsn: employees.jenisAsn, birthDate: employees.birthDate, gender: employees.gender, golongan: employees.golongan })
      .from(employees);
    const problems = rows.flatMap((row) => {
      const parsed = parseNip(row.nip, row.jenisAsn);
      if (!parsed.isValid) return [`${row.nip}: ${parsed.errors.join(', ')}`];
      if (parsed.birthDate !== row.birthDate || parsed.gender !== row.gender) return [`${row.nip}: birth date or sex differs`];
      const isGolonganOfItsKind = row.jenisAsn === 'PNS' ? /^(I|II|III|IV)\/[a-e]$/.test(row.golongan ?? '') : /^[IVX]+$/.test(row.golongan ?? '');
      return isGolonganOfItsKind ? [] : [`${row.nip}: golongan ${row.golongan}`];
    });
    expect(problems).toEqual([]);
    expect(new Set(rows.map((row) => row.nip)).size).toBe(rows.length);
  });

  it('builds one complete position tree with the Sekretaris Daerah on top', async () => {
    const rows = await t.handle.db.select().from(positions);
    const ids = new Set(rows.map((row) => row.id));
    const tops = rows.filter((row) => row.superiorPositionId === null);
    expect(tops.map((row) => [row.name, row.jenis, row.kelasJabatan])).toEqual([['Sekretaris Daerah', 'jpt_pratama', 15]]);
    expect(rows.filter((row) => row.superiorPositionId !== null && !ids.has(row.superiorPositionId))).toEqual([]);
    expect(findCycle(new Map(rows.map((row) => [row.id, row.superiorPositionId])))).toBeNull();
    expect(rows.every((row) => row.kelasJabatan >= 1 && row.kelasJabatan <= 17)).toBe(true);
    const unitRows = await t.handle.db.select().from(units);
    expect(unitRows.filter((row) => row.parentId === null).map((row) => row.kind)).toEqual(['pemda']);
  });

  it('derives a direct superior for every employee except the one at the top', async () => {
    const rows = await t.handle.db.select({ id: employees.id }).from(employees);
    // findDirectSuperior is loadSuperiorData + the pure rule; loading once for all 2,000 keeps this test fast.
    const resolve = createSuperiorResolver(await loadSuperiorData(t.handle.db, rows.map((row) => row.id), TODAY), TODAY);
    const decisions = rows.map((row) => ({ id: row.id, ...resolve(row.id) }));
    const [sekdaHolder] = await t.handle.db
      .select({ employeeId: assignments.employeeId })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(isNull(positions.superiorPositionId));
    expect(decisions.filter((decision) => decision.superiorEmployeeId === null).map((decision) => decision.id)).toEqual([sekdaHolder?.employeeId]);
    const countVia = (via: string) => decisions.filter((decision) => decision.via === via).length;
    expect(countVia('override')).toBe(2);
    expect(countVia('plt')).toBeGreaterThan(0);
    expect(countVia('plh')).toBeGreaterThan(0);
    expect(decisions.some((decision) => decision.skippedVacantPositionIds.length > 0)).toBe(true);

    const vacancySkipped = decisions.find((decision) => decision.skippedVacantPositionIds.length > 0);
    const viaService = await findDirectSuperior(t.handle.db, vacancySkipped?.id ?? 'missing', TODAY);
    expect(viaService.superior?.employeeId).toBe(vacancySkipped?.superiorEmployeeId);
    expect(viaService.skippedVacantPositions.map((position) => position.id)).toEqual(vacancySkipped?.skippedVacantPositionIds);
  });

  it('chains the documented people: staff → head of bidang → head of OPD → Sekretaris Daerah', async () => {
    const db = t.handle.db;
    const idOf = async (nip: string) => (await findEmployeeIdByNip(db, nip)) ?? 'missing';
    const staff = await findDirectSuperior(db, await idOf(DEMO_PEOPLE.stafPelayananKesehatan.nip), TODAY);
    expect(staff.superior?.nip).toBe(DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip);
    const head = await findDirectSuperior(db, await idOf(DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip), TODAY);
    expect(head.superior?.nip).toBe(DEMO_PEOPLE.kepalaDinasKesehatan.nip);
    const kepala = await findDirectSuperior(db, await idOf(DEMO_PEOPLE.kepalaDinasKesehatan.nip), TODAY);
    expect(kepala.superior?.positionName).toBe('Sekretaris Daerah');
    const subordinates = await findSubordinates(db, await idOf(DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip), TODAY);
    expect(subordinates.items.map((item) => item.nip)).toContain(DEMO_PEOPLE.stafPelayananKesehatan.nip);
  });

  it('lets the demo accounts log in with the documented roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const session = await loginAs(t.app, account.login, account.password);
      expect([account.login, [...session.me.roles].sort()]).toEqual([account.login, [...account.roles].sort()]);
    }
    const [accounts] = await t.handle.db.select({ value: count() }).from(users);
    expect(accounts?.value).toBe(summary.accountCount);
  });

  it('is deterministic: the same NIPs and ids on every run', async () => {
    const first = buildDemoRegency(TODAY);
    const second = buildDemoRegency(TODAY);
    expect(second).toEqual(first);
    const seeded = await t.handle.db.select({ id: employees.id, nip: employees.nip }).from(employees);
    const byId = new Map(seeded.map((row) => [row.id, row.nip]));
    expect(first.employees.every((row) => byId.get(row.id) === row.nip)).toBe(true);
  });

  it('refuses to seed a second time and writes nothing', async () => {
    const [before] = await t.handle.db.select({ value: count() }).from(employees);
    await expect(seedDemoRegency(t.handle.db, t.clock)).rejects.toMatchObject({ code: 'CONFLICT' });
    const [after] = await t.handle.db.select({ value: count() }).from(employees);
    expect(after?.value).toBe(before?.value);
    const entries = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'seed-demo'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorLabel: 'seed-demo', entityType: 'demo' });
  });
});

describe('demo seeding at start-up', () => {
  it.each([
    { kind: 'pglite', seedDemo: 'auto', isDatabaseEmpty: true, expected: true },
    { kind: 'pglite', seedDemo: 'auto', isDatabaseEmpty: false, expected: false },
    { kind: 'pglite', seedDemo: 'false', isDatabaseEmpty: true, expected: false },
    { kind: 'postgresql', seedDemo: 'auto', isDatabaseEmpty: true, expected: false },
    { kind: 'postgresql', seedDemo: 'true', isDatabaseEmpty: true, expected: true },
    { kind: 'postgresql', seedDemo: 'true', isDatabaseEmpty: false, expected: false },
  ] as const)('$kind, SEED_DEMO=$seedDemo, empty=$isDatabaseEmpty → $expected', ({ expected, ...input }) => {
    expect(shouldSeedDemoOnStart(input)).toBe(expected);
  });
});
