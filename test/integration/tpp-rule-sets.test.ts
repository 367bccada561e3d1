import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppRuleSetVersionView } from '../../src/contracts/tpp';
import { CLASSIC_60_40_RULE_SET, KOLAKA_60_30_10_RULE_SET } from '../../src/domain/tpp/examples';
import { parseTppRuleSetJson } from '../../src/domain/tpp/rule-set-json';
import { auditLog, tppRuleSets } from '../../src/server/db/schema';
import { seedTppReferenceData } from '../../src/server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { findTppRuleSetForPeriod } from '../../src/server/modules/tpp/rule-sets/tpp-rule-sets.service';
import { closePeriodFixture } from '../helpers/activity-fixtures';
import { createEmployeeFixture, createUnitFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew } from './tpp-test-setup';

const NOW = '2026-05-12T03:00:00Z';
type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

describe('TPP rule sets', () => {
  let t: TestApp;
  let admin: Session;
  let adminOpd: Session;
  let employee: Session;
  let seededId: string;

  const list = async (session: Session, includeSuperseded = false) =>
    (await session.inject({ method: 'GET', url: `/api/tpp/rule-sets?includeSuperseded=${includeSuperseded}` })).json<{ items: TppRuleSetVersionView[] }>().items;
  const create = (ruleSet: unknown, session: Session = admin) => session.inject({ method: 'POST', url: '/api/tpp/rule-sets', payload: { ruleSet } });
  /** The classic example moved to a month, keeping the seeded region. */
  const classicFrom = (effectiveFrom: string, name = `Versi ${effectiveFrom}`) => ({ ...CLASSIC_60_40_RULE_SET, effectiveFrom, name });

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    admin = await loginNew(t, { username: 'admin-bkpsdm-aturan', roles: [{ role: 'admin_bkpsdm' }] });
    const unitless = await createEmployeeFixture(t.handle.db, t.clock);
    employee = await loginNew(t, { employeeId: unitless.id });
    const unit = await createUnitFixture(t.handle.db, t.clock);
    adminOpd = await loginNew(t, { username: 'admin-opd-aturan', roles: [{ role: 'admin_opd', unitId: unit.id }] });
    const [seeded] = await list(employee);
    seededId = seeded?.id ?? '';
  });
  afterAll(async () => t.close());

  it('starts with the classic 60/40 example, seeded once', async () => {
    const items = await list(employee);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ regionCode: 'CONTOH', effectiveFrom: '2020-01-01', isInForce: true, regulation: 'Perbup TPP (contoh)' });
    expect(await seedTppReferenceData(t.handle.db, t.clock)).toEqual({ ruleSetCreated: false });
    expect(await t.handle.db.select().from(tppRuleSets)).toHaveLength(1);
  });

  it('offers the three shipped examples, each citing its source', async () => {
    const response = await employee.inject({ method: 'GET', url: '/api/tpp/rule-sets/examples' });
    const items = response.json<{ items: { code: string; source: string }[] }>().items;
    expect(items.map((item) => item.code)).toEqual(['classic_60_40', 'kolaka_60_30_10', 'tapanuli_tengah_points', 'deli_serdang_30_20_50']);
    for (const item of items) expect(item.source).toContain('rules.md §5');
  });

  it('adds a version for a later month (JSON text import too), which then governs that month', async () => {
    const response = await create(JSON.stringify(classicFrom('2026-07-01', 'Perbup baru 2026')));
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<TppRuleSetVersionView>();
    expect(created).toMatchObject({ effectiveFrom: '2026-07-01', isInForce: false, createdByName: expect.any(String) });
    expect((await findTppRuleSetForPeriod(t.handle.db, '2026-07'))?.id).toBe(created.id);
    expect((await findTppRuleSetForPeriod(t.handle.db, '2026-06'))?.id).toBe(seededId);
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tpp_rule_set'), eq(auditLog.entityId, created.id)));
    expect(audit?.action).toBe('create');
  });

  it('exports a version as JSON that imports back to the same rule set', async () => {
    const response = await employee.inject({ method: 'GET', url: `/api/tpp/rule-sets/${seededId}/export` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('aturan-tpp-CONTOH-2020-01-01.json');
    const parsed = parseTppRuleSetJson(response.body);
    expect(parsed.ok && parsed.ruleSet).toEqual({ ...CLASSIC_60_40_RULE_SET, effectiveFrom: '2020-01-01' });
  });

  it('refuses bad rule sets with Indonesian messages and changes nothing', async () => {
    const before = await t.handle.db.select().from(tppRuleSets);
    const badWeights = classicFrom('2026-09-01');
    badWeights.earning = { ...badWeights.earning, parts: badWeights.earning.parts.map((part) => ({ ...part, weightBp: 4000 })) };
    const weights = await create(badWeights);
    expect(weights.statusCode).toBe(400);
    expect(weights.json<ErrorBody>().error.details).toContainEqual({ field: 'ruleSet.earning.parts', message: 'Jumlah bobot harus 100 % (sekarang 80 %)' });

    const overlapping = classicFrom('2026-09-01');
    overlapping.deductions = {
      ...overlapping.deductions,
      rules: [{ kind: 'late', bands: [{ code: 'TL1', fromMinutes: 1, toMinutes: 40, rateBp: 50 }, { code: 'TL2', fromMinutes: 31, toMinutes: null, rateBp: 100 }], noPunchCode: null, target: 'disiplin', of: 'base', article: 'Pasal 1' }],
    };
    const bands = await create(overlapping);
    expect(bands.statusCode).toBe(400);
    expect(JSON.stringify(bands.json<ErrorBody>().error.details)).toContain('ruleSet.deductions.rules.0.bands');

    const sameDay = await create(classicFrom('2026-07-01'));
    expect(sameDay.statusCode).toBe(409);
    expect(sameDay.json<ErrorBody>().error.message).toContain('Sudah ada versi aturan TPP yang berlaku 2026-07-01');

    const midMonth = await create(classicFrom('2026-09-15'));
    expect(midMonth.statusCode).toBe(400);
    expect(midMonth.json<ErrorBody>().error.details).toContainEqual({ field: 'ruleSet.effectiveFrom', message: 'Tanggal berlaku harus tanggal 1 (TPP dihitung per bulan)' });

    const otherRegion = await create({ ...KOLAKA_60_30_10_RULE_SET, effectiveFrom: '2026-10-01' });
    expect(otherRegion.statusCode).toBe(400);
    expect(otherRegion.json<ErrorBody>().error.message).toContain('berkode CONTOH');

    const brokenJson = await create('{"format": 1,');
    expect(brokenJson.statusCode).toBe(400);
    expect(brokenJson.json<ErrorBody>().error.details).toContainEqual({ field: 'ruleSet', message: 'Berkas bukan JSON yang sah' });

    expect(await t.handle.db.select().from(tppRuleSets)).toEqual(before);
  });

  it('keeps history when a version is edited, and lets an unused version be withdrawn', async () => {
    const later = (await list(admin)).find((item) => item.effectiveFrom === '2026-07-01');
    const edited = await admin.inject({ method: 'PUT', url: `/api/tpp/rule-sets/${later?.id}`, payload: { ruleSet: classicFrom('2026-07-01', 'Perbup baru 2026 (diubah)') } });
    expect(edited.statusCode, edited.body).toBe(200);
    const newId = edited.json<TppRuleSetVersionView>().id;
    expect(newId).not.toBe(later?.id);
    const all = await list(admin, true);
    expect(all.find((item) => item.id === later?.id)).toMatchObject({ supersededById: newId, supersededAt: expect.any(String) });
    expect((await list(admin)).map((item) => item.name)).toContain('Perbup baru 2026 (diubah)');
    expect((await admin.inject({ method: 'PUT', url: `/api/tpp/rule-sets/${later?.id}`, payload: { ruleSet: classicFrom('2026-07-01') } })).statusCode).toBe(409);

    expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/rule-sets/${newId}` })).statusCode).toBe(200);
    expect((await list(admin)).map((item) => item.id)).toEqual([seededId]);
  });

  it('never lets a change reach into a closed month', async () => {
    await closePeriodFixture(t.handle.db, '2026-03', t.clock.now());
    const reaching = await create(classicFrom('2026-02-01'));
    expect(reaching.statusCode).toBe(409);
    expect(reaching.json<ErrorBody>().error.message).toContain('2026-03');
    const editSeeded = await admin.inject({ method: 'PUT', url: `/api/tpp/rule-sets/${seededId}`, payload: { ruleSet: { ...CLASSIC_60_40_RULE_SET, effectiveFrom: '2020-01-01' } } });
    expect(editSeeded.statusCode).toBe(409);
    expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/rule-sets/${seededId}` })).statusCode).toBe(409);
    expect((await create(classicFrom('2026-04-01'))).statusCode).toBe(201);
  });

  it('lets only admin BKPSDM change rule sets', async () => {
    expect((await create(classicFrom('2026-11-01'), employee)).statusCode).toBe(403);
    expect((await create(classicFrom('2026-11-01'), adminOpd)).statusCode).toBe(403);
    expect((await employee.inject({ method: 'DELETE', url: `/api/tpp/rule-sets/${seededId}` })).statusCode).toBe(403);
  });
});
