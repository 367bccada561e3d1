import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { resolveWorkDays } from '../../src/server/modules/attendance/schedules';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

const createCalendarTestApp = (): Promise<TestApp> => createTestApp();

interface HolidayBody {
  id: string;
  date: string;
  name: string;
  kind: string;
  unitId: string | null;
  isActive: boolean;
}

describe('holidays API', () => {
  let t: TestApp;
  let bkpsdm: Session;
  let adminOpd: Session;
  let pegawai: Session;
  let opd: OpdFixture;
  let otherOpd: OpdFixture;

  const reasonOn = async (employeeId: string, date: string) => (await resolveWorkDays(t.handle.db, [employeeId], date, date)).get(employeeId)?.[0]?.reason;
  const list = async (session: Session, query: string) => {
    const response = await session.inject({ method: 'GET', url: `/api/attendance/holidays?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: HolidayBody[] }>().items;
  };

  beforeAll(async () => {
    t = await createCalendarTestApp();
    const db = t.handle.db;
    opd = await createOpdFixture(db, t.clock);
    otherOpd = await createOpdFixture(db, t.clock);
    await seedAttendanceReferenceData(db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    bkpsdm = await login({ username: 'bkpsdm-libur', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await login({ username: 'opd-libur', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    pegawai = await login({ employeeId: otherOpd.staff.id });
  });
  afterAll(async () => t.close());

  it('lists a year’s seeded holidays in date order for every signed-in user', async () => {
    const items = await list(pegawai, 'year=2026');
    expect(items).toHaveLength(25);
    expect(items[0]).toMatchObject({ date: '2026-01-01', kind: 'nasional', unitId: null });
    expect(items.filter((item) => item.kind === 'cuti_bersama')).toHaveLength(8);
    expect(await list(pegawai, 'year=2027')).toEqual([]);
    expect((await pegawai.inject({ method: 'GET', url: '/api/attendance/holidays?year=dua' })).statusCode).toBe(400);
  });

  it('keeps national holidays and region-wide days for BKPSDM', async () => {
    const national = { date: '2026-11-10', name: 'Hari libur tambahan', kind: 'nasional' };
    expect((await adminOpd.inject({ method: 'POST', url: '/api/attendance/holidays', payload: national })).statusCode).toBe(403);
    expect((await adminOpd.inject({ method: 'POST', url: '/api/attendance/holidays', payload: { ...national, kind: 'daerah' } })).statusCode).toBe(403);
    const scopedNational = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/holidays', payload: { ...national, unitId: opd.unit.id } });
    expect(scopedNational.statusCode).toBe(400);
    const created = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/holidays', payload: { ...national, kind: 'daerah', name: 'Hari Jadi Kabupaten' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await reasonOn(opd.staff.id, '2026-11-10')).toBe('libur_daerah');
    expect(await reasonOn(otherOpd.staff.id, '2026-11-10')).toBe('libur_daerah');
    const duplicate = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/holidays', payload: { ...national, kind: 'daerah' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('Sudah ada hari libur pada 2026-11-10 untuk cakupan yang sama');
  });

  it('lets an admin OPD give their own subtree a regional day off, and nobody else', async () => {
    const payload = { date: '2026-11-12', name: 'Hari jadi dinas', kind: 'daerah', unitId: opd.unit.id, source: 'SK Kepala Dinas 7/2026' };
    expect((await adminOpd.inject({ method: 'POST', url: '/api/attendance/holidays', payload: { ...payload, unitId: otherOpd.unit.id } })).statusCode).toBe(403);
    const created = await adminOpd.inject({ method: 'POST', url: '/api/attendance/holidays', payload });
    expect(created.statusCode, created.body).toBe(201);
    const holiday = created.json<HolidayBody>();
    // The bidang staff sit below the OPD: the day reaches them; the other OPD works.
    expect(await reasonOn(opd.staff.id, '2026-11-12')).toBe('libur_daerah');
    expect(await reasonOn(otherOpd.staff.id, '2026-11-12')).toBe('jadwal');
    expect((await list(pegawai, `year=2026&unitId=${opd.bidang.id}`)).map((item) => item.id)).toContain(holiday.id);
    expect((await list(pegawai, `year=2026&unitId=${otherOpd.unit.id}`)).map((item) => item.id)).not.toContain(holiday.id);

    const moved = await adminOpd.inject({ method: 'PATCH', url: `/api/attendance/holidays/${holiday.id}`, payload: { date: '2026-11-13' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await reasonOn(opd.staff.id, '2026-11-12')).toBe('jadwal');
    expect(await reasonOn(opd.staff.id, '2026-11-13')).toBe('libur_daerah');
    const off = await adminOpd.inject({ method: 'POST', url: `/api/attendance/holidays/${holiday.id}/deactivate` });
    expect(off.json<HolidayBody>().isActive).toBe(false);
    expect(await reasonOn(opd.staff.id, '2026-11-13')).toBe('jadwal');
    expect((await list(bkpsdm, 'year=2026&includeInactive=true')).map((item) => item.id)).toContain(holiday.id);
    expect((await list(bkpsdm, 'year=2026')).map((item) => item.id)).not.toContain(holiday.id);

    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'holiday'), eq(auditLog.entityId, holiday.id)));
    expect(audits.map((row) => [row.action, row.actorLabel, row.scopeUnitId])).toEqual([
      ['create', 'opd-libur', opd.unit.id],
      ['update', 'opd-libur', opd.unit.id],
      ['deactivate', 'opd-libur', opd.unit.id],
    ]);
  });

  it('lets BKPSDM correct a wrong national date and an admin OPD not touch it', async () => {
    const [nyepi] = (await list(bkpsdm, 'year=2026')).filter((item) => item.name.startsWith('Hari Suci Nyepi'));
    if (!nyepi) throw new Error('seeded Nyepi missing');
    expect((await adminOpd.inject({ method: 'PATCH', url: `/api/attendance/holidays/${nyepi.id}`, payload: { name: 'Nyepi' } })).statusCode).toBe(403);
    expect((await bkpsdm.inject({ method: 'PATCH', url: `/api/attendance/holidays/${nyepi.id}`, payload: { date: '2026-03-18' } })).statusCode).toBe(409);
    const fixed = await bkpsdm.inject({ method: 'PATCH', url: `/api/attendance/holidays/${nyepi.id}`, payload: { name: 'Hari Suci Nyepi Tahun Baru Saka 1948 (dikoreksi)' } });
    expect(fixed.json<HolidayBody>().name).toContain('dikoreksi');
    // The seed never brings back or duplicates days of a year admins already have.
    expect((await seedAttendanceReferenceData(t.handle.db, t.clock)).holidaysCreated).toBe(0);
  });
});
