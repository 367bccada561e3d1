import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { auditLog } from '../../src/server/db/schema';
import { createAccount, createOpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app';

describe('audit trail: the kinds of data it holds (filter suggestions)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createOpdFixture(t.handle.db, t.clock);
    // Kinds whose names sort around and between the others, many entries of one kind.
    const at = t.clock.now();
    await t.handle.db.insert(auditLog).values([
      ...Array.from({ length: 50 }, (_, index) => ({ at, actorLabel: 'uji', action: 'update', entityType: 'tpp_treasurer', entityId: String(index) })),
      { at, actorLabel: 'uji', action: 'import', entityType: 'import:tpp_pay_data', entityId: null },
      { at, actorLabel: 'uji', action: 'create', entityType: 'a_first', entityId: null },
      { at, actorLabel: 'uji', action: 'create', entityType: 'zz_last', entityId: null },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every entity type once, in order, as a plain distinct does', async () => {
    const admin = await createAccount(t.handle.db, t.clock, { username: 'auditor-jenis', roles: [{ role: 'auditor' }] });
    const session = await loginAs(t.app, admin.login, admin.password);
    const response = await session.inject({ method: 'GET', url: '/api/audit/entity-types' });
    expect(response.statusCode, response.body).toBe(200);
    const expected = await queryRows<{ entityType: string }>(t.handle.db, sql`select distinct entity_type as "entityType" from audit_log order by entity_type`);
    const { items } = response.json<{ items: string[] }>();
    expect(items).toEqual(expected.map((row) => row.entityType));
    expect(items).toEqual(expect.arrayContaining(['a_first', 'employee', 'import:tpp_pay_data', 'tpp_treasurer', 'unit', 'zz_last']));
    expect(items[0]).toBe('a_first');
    expect(items.at(-1)).toBe('zz_last');
  });
});
