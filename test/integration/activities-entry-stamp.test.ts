import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntryView } from '../../src/contracts/activities';
import { DEFAULT_ACTIVITY_RULES } from '../../src/domain/activities/rules';
import { queryRows } from '../../src/server/db/client';
import { toArrayLiteral } from '../../src/server/db/sql-arrays';
import { activityEntries, activityEntryStamps, activityRuleSets, auditLog } from '../../src/server/db/schema';
import { entryAuditView } from '../../src/server/modules/activities/entries/entries.service';
import { findEntryFacts } from '../../src/server/modules/activities/entries/entry-facts.repository';
import { insertEntryAudited } from '../../src/server/modules/activities/entries/entry-insert.repository';
import type { ActivityEntryRow } from '../../src/server/modules/activities/entries/entry-view';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { systemContext } from '../../src/server/platform/actor';
import { buildAuditRow } from '../../src/server/platform/audit';
import { createCatalogueFixture, type CatalogueFixture } from '../helpers/activity-fixtures';
import { createAccount, createEmployeeFixture, createOpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

/**
 * The optimistic entry write (docs/adr/0012-optimistic-activity-entry-writes.md): facts read without the
 * entry lock, entry and audit row written by one statement only if the person's entry stamp has
 * not moved. Now: Wednesday 2026-04-15, 10:00 WIB; cap 450 minutes.
 */
const NOW = '2026-04-15T03:00:00Z';
const DAY = '2026-04-15';

describe('optimistic activity entry writes', () => {
  let t: TestApp;
  let catalogue: CatalogueFixture;
  let staff: Session;
  let staffId: string;
  let unitId: string | null;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const db = t.handle.db;
    await seedAttendanceReferenceData(db, t.clock);
    await seedActivityReferenceData(db, t.clock);
    await db.insert(activityRuleSets).values({ name: 'Aturan uji stempel', effectiveFrom: '2026-03-01', regulation: 'Perbup uji', rules: { ...DEFAULT_ACTIVITY_RULES, dailyCapMinutes: 450 } });
    const opd = await createOpdFixture(db, t.clock);
    const employee = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
    staffId = employee.id;
    unitId = employee.unitId;
    const account = await createAccount(db, t.clock, { employeeId: staffId });
    staff = await loginAs(t.app, account.login, account.password);
    catalogue = await createCatalogueFixture(db, { standardMinutes: 60 });
  });
  afterAll(async () => t.close());

  const post = (payload: Record<string, unknown>) =>
    staff.inject({ method: 'POST', url: '/api/activities/entries', payload: { workDate: DAY, catalogueItemId: catalogue.itemId, volume: 1, description: 'Menyusun laporan', ...payload }, headers: { 'idempotency-key': randomUUID() } });
  const stampOf = async () => (await t.handle.db.select().from(activityEntryStamps).where(eq(activityEntryStamps.employeeId, staffId)))[0]?.version ?? null;
  const auditsOf = (entryId: string) => t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_entry'), eq(auditLog.entityId, entryId)));

  /** A complete new entry row of the staff member, as createEntry builds it. */
  const newRow = (startTime: string, endTime: string, idempotencyKey: string | null = null, author: { id: string; unitId: string | null } = { id: staffId, unitId }): ActivityEntryRow => {
    const now = t.clock.now();
    return {
      id: randomUUID(),
      employeeId: author.id,
      unitId: author.unitId,
      workDate: DAY,
      startTime,
      endTime,
      catalogueVersionId: catalogue.versionId,
      isAdditionalTask: false,
      title: catalogue.name,
      volume: 1,
      outputUnit: catalogue.outputUnit,
      description: null,
      standardMinutes: catalogue.standardMinutes,
      claimedMinutes: 60,
      approvedMinutes: null,
      evidenceAttachmentId: null,
      evidenceLink: null,
      evidenceVerdict: null,
      skpRhkId: null,
      status: 'draft',
      submittedAt: null,
      decidedByEmployeeId: null,
      decidedByUserId: null,
      decidedAt: null,
      decisionReason: null,
      idempotencyKey,
      revision: 1,
      createdByUserId: null,
      createdAt: now,
      updatedAt: now,
    };
  };
  const insertWithStamp = (row: ActivityEntryRow, version: number | null) =>
    insertEntryAudited(t.handle.db, row, buildAuditRow(systemContext('uji', t.clock, 'Asia/Jakarta'), { action: 'create', entityType: 'activity_entry', entityId: row.id, after: entryAuditView(row) }), {
      kind: 'expect',
      employeeId: staffId,
      version,
    });

  it('writes the entry and its audit row in one statement, the audit showing the stored row', async () => {
    const created = await post({ startTime: '07:30', endTime: '08:00', submit: true });
    expect(created.statusCode).toBe(201);
    const view = created.json<ActivityEntryView>();
    const [stored] = await t.handle.db.select().from(activityEntries).where(eq(activityEntries.id, view.id));
    if (!stored) throw new Error('entry not stored');
    const audits = await auditsOf(view.id);
    expect(audits.map((row) => row.action)).toEqual(['submit']);
    expect(audits[0]?.after).toEqual(entryAuditView(stored));
    expect(audits[0]?.actorUserId).toBe(staff.me.userId);
    expect(audits[0]?.scopeUnitId).toBe(unitId);
    expect(await stampOf()).toBe(1);
    // The answer is built from the row written, not read back: it is what a later read shows.
    const read = await staff.inject({ method: 'GET', url: `/api/activities/entries/${view.id}` });
    expect(read.json<ActivityEntryView>()).toEqual(view);
  });

  it('writes nothing when the stamp moved since the facts were read, and writes once it is current', async () => {
    const facts = await findEntryFacts(t.handle.db, { employeeId: staffId, workDate: DAY, now: t.clock.now(), excludeId: null, catalogueItemId: null, evidenceAttachmentId: null, idempotencyKey: null, skpRhkId: null });
    const seen = facts.stampVersion;
    expect(seen).toBe(await stampOf());
    // Another write of the same person lands between the read and the write.
    expect((await post({ startTime: '08:00', endTime: '09:00' })).statusCode).toBe(201);
    const stale = newRow('08:30:00', '09:30:00');
    expect(await insertWithStamp(stale, seen)).toEqual({ kind: 'stamp_moved' });
    expect(await t.handle.db.select().from(activityEntries).where(eq(activityEntries.id, stale.id))).toHaveLength(0);
    expect(await auditsOf(stale.id)).toHaveLength(0);
    // With the current stamp the same statement writes the entry and its audit row, and raises the stamp.
    const current = await stampOf();
    const fresh = newRow('12:00:00', '13:00:00');
    const outcome = await insertWithStamp(fresh, current);
    expect(outcome.kind).toBe('inserted');
    expect(await auditsOf(fresh.id)).toHaveLength(1);
    expect(await stampOf()).toBe((current ?? 0) + 1);
  });

  it('writes nothing when the idempotency key is taken', async () => {
    const first = newRow('13:00:00', '13:30:00', 'stempel-kunci-1');
    expect((await insertWithStamp(first, await stampOf())).kind).toBe('inserted');
    const again = newRow('13:30:00', '14:00:00', 'stempel-kunci-1');
    expect(await insertWithStamp(again, await stampOf())).toEqual({ kind: 'key_taken' });
    expect(await t.handle.db.select().from(activityEntries).where(eq(activityEntries.id, again.id))).toHaveLength(0);
    expect(await auditsOf(again.id)).toHaveLength(0);
  });

  it('an edit under the entry lock moves the stamp too', async () => {
    const created = (await post({ startTime: '14:00', endTime: '14:30' })).json<ActivityEntryView>();
    const before = await stampOf();
    const edited = await staff.inject({
      method: 'PATCH',
      url: `/api/activities/entries/${created.id}`,
      payload: { workDate: DAY, startTime: '14:00', endTime: '14:45', catalogueItemId: catalogue.itemId, volume: 1, description: 'Menyusun laporan (revisi)', revision: created.revision },
    });
    expect(edited.statusCode).toBe(200);
    expect(await stampOf()).toBe((before ?? 0) + 1);
  });

  it('optimistic inserts of several people at the same moment are written together, each failing alone', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const [good, bad] = await Promise.all([0, 1].map(() => createEmployeeFixture(t.handle.db, t.clock, { positionId: opd.staffPosition.id })));
    if (!good || !bad) throw new Error('fixtures missing');
    const ctx = systemContext('uji', t.clock, 'Asia/Jakarta');
    const insertAs = (row: ActivityEntryRow, version: number | null) =>
      insertEntryAudited(t.handle.db, row, buildAuditRow(ctx, { action: 'create', entityType: 'activity_entry', entityId: row.id, after: entryAuditView(row) }), { kind: 'expect', employeeId: row.employeeId, version });
    const stale = newRow('15:00:00', '15:30:00');
    const fine = newRow('08:00:00', '08:30:00', null, good);
    // A catalogue version that does not exist: the database refuses the row (foreign key).
    const broken = { ...newRow('08:00:00', '08:30:00', null, bad), catalogueVersionId: randomUUID() };
    const staleVersion = ((await stampOf()) ?? 0) - 1;
    const settled = await Promise.allSettled([insertAs(stale, staleVersion), insertAs(fine, null), insertAs(broken, null)]);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: { kind: 'stamp_moved' } });
    expect(settled[1]).toEqual({ status: 'fulfilled', value: { kind: 'inserted' } });
    expect(settled[2]?.status).toBe('rejected');
    const stored = await t.handle.db.select().from(activityEntries).where(inArray(activityEntries.id, [stale.id, fine.id, broken.id]));
    expect(stored.map((row) => row.id)).toEqual([fine.id]);
    expect(await auditsOf(fine.id)).toHaveLength(1);
    expect(await auditsOf(broken.id)).toHaveLength(0);
    const stamps = await t.handle.db.select().from(activityEntryStamps).where(inArray(activityEntryStamps.employeeId, [good.id, bad.id]));
    expect(stamps).toEqual([{ employeeId: good.id, version: 1 }]);
  });

  it('array parameters carry any text through PostgreSQL unchanged', async () => {
    const values = ['a', 'NULL', 'b,c', 'kata "kutip"', 'garis\\miring', '{kurung}', '', 'spasi di tengah'];
    const rows = await queryRows<{ value: string | null }>(t.handle.db, sql`select unnest(${toArrayLiteral([...values, null])}::text[]) as value`);
    expect(rows.map((row) => row.value)).toEqual([...values, null]);
  });

  it('of many concurrent entries of one person the overlap and the daily cap still hold', async () => {
    const day = '2026-04-14';
    // Eight overlapping requests at once (08:00–08:50 … 08:57): exactly one is stored, whichever commits first.
    const overlapping = await Promise.all(Array.from({ length: 8 }, (_, k) => post({ workDate: day, startTime: '08:00', endTime: `08:${50 + k}` })));
    expect(overlapping.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = overlapping.find((response) => response.statusCode === 201)?.json<ActivityEntryView>();
    if (!winner) throw new Error('no entry stored');
    // 50–57 minutes taken; eight more 59-minute entries at once, none overlapping: 450 allows six more.
    const hours = ['09', '10', '11', '12', '13', '14', '15', '16'];
    const capped = await Promise.all(hours.map((hour) => post({ workDate: day, startTime: `${hour}:00`, endTime: `${hour}:59` })));
    const statuses = capped.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(6);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    for (const refused of capped.filter((response) => response.statusCode === 409)) {
      expect(refused.json<{ error: { details?: { rule?: string } } }>().error.details?.rule).toBe('daily_cap');
    }
    const stored = await t.handle.db.select().from(activityEntries).where(and(eq(activityEntries.employeeId, staffId), eq(activityEntries.workDate, day)));
    expect(stored.reduce((sum, row) => sum + row.claimedMinutes, 0)).toBe(winner.claimedMinutes + 6 * 59);
  });
});
