import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activityEntries, tppResults, units } from '../../src/server/db/schema';
import type { TppInput } from '../../src/domain/tpp/tpp-input';
import { computeTppNow } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { createRegionZoneReader, findRegionZone } from '../../src/server/platform/region-zone';
import { createOpdFixture, createUnitFixture, type OpdFixture } from '../helpers/factories';
import { extractPdfText } from '../helpers/pdf-text';
import type { Session, TestApp } from '../helpers/test-app';
import { activityEntryRow, createTppTestApp, loginNew } from './tpp-test-setup';

// 15:30 UTC on 30 November 2026: 22:30 on the 30th in WIB, already 00:30 on 1 December in WIT.
const NOW = '2026-11-30T15:30:00Z';

/**
 * A kabupaten in Papua counts its days in WIT: the region's zone is its pemda's, and "today", the
 * current TPP month, the day a monthly report was submitted and the date a document is printed on
 * follow it — not WIB.
 */
describe('the region’s time zone', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let staff: Session;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    // The OPD is made first and is a root too: the pemda is still the region.
    opd = await createOpdFixture(t.handle.db, t.clock);
    const pemda = await createUnitFixture(t.handle.db, t.clock, { kind: 'pemda', timeZone: 'Asia/Jayapura' });
    await t.handle.db.update(units).set({ parentId: pemda.id, timeZone: 'Asia/Jayapura' }).where(eq(units.id, opd.unit.id));
    staff = await loginNew(t, { employeeId: opd.staff.id });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is the zone of the pemda at the root of the tree, WIB before there is one', async () => {
    expect(await findRegionZone(t.handle.db)).toBe('Asia/Jayapura');
    await t.handle.db.transaction(async (tx) => {
      await tx.update(units).set({ timeZone: 'Asia/Makassar' }).where(eq(units.kind, 'pemda'));
      expect(await findRegionZone(tx)).toBe('Asia/Makassar');
      // A reader keeps what it read for its time to live, then reads again.
      const reader = createRegionZoneReader(tx, 60_000);
      expect(reader.latest()).toBe('Asia/Jakarta');
      expect(await reader.read()).toBe('Asia/Makassar');
      await tx.update(units).set({ timeZone: 'Asia/Jakarta' }).where(eq(units.kind, 'pemda'));
      expect(await reader.read()).toBe('Asia/Makassar');
      expect(reader.latest()).toBe('Asia/Makassar');
      expect(await createRegionZoneReader(tx, 0).read()).toBe('Asia/Jakarta');
      tx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
    });
    expect(await findRegionZone(t.handle.db)).toBe('Asia/Jayapura');
  });

  it('makes December the current TPP month at 00:30 WIT, and the slip is dated on the region’s clock', async () => {
    // In WIB it is still 30 November: December would be a month not begun.
    const december = await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-12' });
    expect(december.statusCode, december.body).toBe(200);
    expect(december.json<{ isEstimate: boolean }>().isEstimate).toBe(true);
    expect((await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2027-01' })).statusCode).toBe(400);
    const slip = await staff.inject({ method: 'GET', url: '/api/tpp/me/slip.pdf?period=2026-12' });
    expect(slip.statusCode).toBe(200);
    expect(extractPdfText(slip.rawPayload)).toContain('2026-12-01 (WIT)');
  });

  it('counts the day a monthly report was submitted in the region’s zone', async () => {
    const unitId = opd.staff.unitId ?? opd.unit.id;
    // Submitted at 00:30 WIT on 6 November (22:30 WIB on the 5th): the report came on the 6th.
    await t.handle.db.insert(activityEntries).values(activityEntryRow(opd.staff.id, unitId, '2026-10-30', 240, 'submitted', '2026-11-05T15:30:00Z'));
    const run = await computeTppNow(t.handle.db, systemContext('uji', t.clock, 'Asia/Jayapura'), { period: '2026-10', unitId: null });
    expect(run.status, run.error ?? '').toBe('done');
    const [row] = await t.handle.db
      .select({ input: tppResults.input })
      .from(tppResults)
      .where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, '2026-10'), eq(tppResults.isCurrent, true)));
    expect((row?.input as TppInput | undefined)?.reportSubmissionDay).toBe(6);
  });
});
