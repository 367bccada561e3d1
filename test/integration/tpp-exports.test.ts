import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppExplanationView, TppSummaryView } from '../../src/contracts/tpp';
import { auditLog, employees, tppAdjustments, tppResults } from '../../src/server/db/schema';
import { listSlipExplanations } from '../../src/server/modules/tpp/exports/tpp-slips.service';
import { getTppExplanation } from '../../src/server/modules/tpp/results/tpp-explanation.service';
import { freezeTppResults } from '../../src/server/modules/tpp/runs/freeze-tpp-results';
import { drainTppRuns } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { closePeriodFixture } from '../helpers/activity-fixtures';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import { countPdfPages, extractPdfText } from '../helpers/pdf-text';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew, storeDay } from './tpp-test-setup';

const NOW = '2026-05-12T03:00:00Z';

/**
 * Staff (class 7, pagu Rp 3,350,000, golongan III/a) in April 2026 under the classic rule set, by hand:
 * no approved activities → produktivitas 0; disiplin 40 % = 1,340,000; TK 7 April 4 % = 134,000;
 * oral warning (teguran lisan, SK from April) 20 % × (1,340,000 − 134,000 = 1,206,000) = 241,200;
 * TPP 964,800; BPJS 4 % 38,592 and 1 % 9,648; PPh 21 borne by the region 5 % 48,240;
 * gross 964,800 + 38,592 + 48,240 = 1,051,632; net 964,800 − 9,648 = 955,152.
 */
const STAFF = { earned: 1_340_000, tk: 134_000, discipline: -241_200, tpp: 964_800, bpjsEmployer: 38_592, bpjsEmployee: 9_648, pph21: 48_240, gross: 1_051_632, net: 955_152 };

async function readSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const rowValues = (sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] => (sheet.getRow(rowNumber).values as unknown[]).slice(1);

describe('TPP exports, records and corrections', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let admin: Session;
  let adminOpd: Session;
  let otherAdminOpd: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    admin = await loginNew(t, { username: 'admin-bkpsdm-ekspor', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await loginNew(t, { username: 'admin-opd-ekspor', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    otherAdminOpd = await loginNew(t, { username: 'admin-opd-lain-ekspor', roles: [{ role: 'admin_opd', unitId: other.unit.id }] });
    staff = await loginNew(t, { employeeId: opd.staff.id });
    await storeDay(t.handle.db, { employeeId: opd.staff.id, unitId: opd.staff.unitId, date: '2026-04-07', status: 'tk' });
  });
  afterAll(async () => t.close());

  it('records bank accounts and discipline decisions for the employees in scope, with clear errors', async () => {
    const account = { bankName: 'Bank Pembangunan Daerah', accountNumber: '0012345678', accountHolder: 'Pegawai Uji' };
    const saved = await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.staff.id}`, payload: account });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject(account);
    expect((await otherAdminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.staff.id}`, payload: account })).statusCode).toBe(404);
    expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.staff.id}`, payload: { ...account, accountNumber: '12-34' } })).statusCode).toBe(400);

    const decision = { employeeId: opd.staff.id, decisionNumber: '800/12/BKPSDM/2026', decisionDate: '2026-03-25', penaltyCode: 'teguran_lisan', startPeriod: '2026-04' };
    const created = await admin.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: decision });
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: decision })).statusCode).toBe(409);
    const unknown = await admin.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: { ...decision, decisionNumber: 'X/1', penaltyCode: 'pecat' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('Jenis hukuman pecat tidak diatur');
    expect((await adminOpd.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: { ...decision, decisionNumber: 'X/2' } })).statusCode).toBe(403);

    const compliance = await adminOpd.inject({ method: 'PUT', url: '/api/tpp/compliance-items', payload: { employeeId: opd.staff.id, period: '2026-04', code: 'lhkpn', isMet: true } });
    expect(compliance.statusCode).toBe(400);
    expect(compliance.json<{ error: { message: string } }>().error.message).toBe('Aturan TPP yang berlaku tidak memakai butir kepatuhan');
    const audits = await t.handle.db.select({ entityType: auditLog.entityType }).from(auditLog).where(eq(auditLog.entityId, opd.staff.id));
    expect(audits.map((row) => row.entityType)).toContain('tpp_bank_account');
  });

  it('exports the payroll recap per OPD with the BPKAD columns', async () => {
    await admin.inject({ method: 'POST', url: '/api/tpp/runs', payload: { period: '2026-04', unitId: null } });
    await drainTppRuns(t.handle.db, t.clock);
    const explanation = (await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-04' })).json<TppExplanationView>();
    expect(explanation.result).toMatchObject({ earned: STAFF.earned, tpp: STAFF.tpp, gross: STAFF.gross, net: STAFF.net, adjustmentTotal: STAFF.discipline });

    const response = await adminOpd.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-04&unitId=${opd.unit.id}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(response.rawPayload);
    const header = rowValues(sheet, 3);
    expect(header.slice(0, 8)).toEqual(['No', 'NIP', 'Nama', 'Golongan', 'Jabatan', 'Kelas jabatan', 'OPD', 'TPP sebelum potongan']);
    const rows = [4, 5, 6].map((n) => rowValues(sheet, n));
    expect(rows.map((row) => row[1]).sort()).toEqual([opd.head.nip, opd.bidangHead.nip, opd.staff.nip].sort());
    const staffRow = rows.find((row) => row[1] === opd.staff.nip) ?? [];
    const cell = (name: string) => staffRow[header.indexOf(name)];
    expect(cell('Golongan')).toBe('III/a');
    expect(cell('Kelas jabatan')).toBe(7);
    expect(cell('TPP sebelum potongan')).toBe(STAFF.earned);
    expect(cell('Potongan: Tanpa keterangan (TK)')).toBe(STAFF.tk);
    expect(cell('Jumlah potongan')).toBe(STAFF.tk);
    expect(cell('Penyesuaian (CPNS, hukuman disiplin, Plt/Plh)')).toBe(STAFF.discipline);
    expect(cell('TPP kotor')).toBe(STAFF.tpp);
    expect(cell('Jumlah bruto')).toBe(STAFF.gross);
    expect(cell('PPh 21')).toBe(STAFF.pph21);
    expect(cell('BPJS 1 % pegawai')).toBe(STAFF.bpjsEmployee);
    expect(cell('Jumlah bersih dibayar')).toBe(STAFF.net);
    expect(cell('Nomor rekening')).toBe('0012345678');
    const totals = rowValues(sheet, 7);
    expect(totals[2]).toBe('JUMLAH');
    expect(totals[header.indexOf('Jumlah bersih dibayar')]).toBe(rows.reduce((sum, row) => sum + Number(row[header.indexOf('Jumlah bersih dibayar')]), 0));
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-04&unitId=${opd.unit.id}` })).statusCode).toBe(404);
    expect((await staff.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-04&unitId=${opd.unit.id}` })).statusCode).toBe(403);
  });

  it('masks account numbers in the payroll recap for pimpinan and auditors, who read TPP but maintain no accounts', async () => {
    const accountOf = async (session: Session) => {
      const response = await session.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-04&unitId=${opd.unit.id}` });
      expect(response.statusCode, response.body).toBe(200);
      const sheet = await readSheet(response.rawPayload);
      const header = rowValues(sheet, 3);
      const staffRow = [4, 5, 6].map((n) => rowValues(sheet, n)).find((row) => row[1] === opd.staff.nip) ?? [];
      return { number: staffRow[header.indexOf('Nomor rekening')], bank: staffRow[header.indexOf('Bank')], note: rowValues(sheet, 2)[0] };
    };
    const pimpinan = await loginNew(t, { username: 'pimpinan-ekspor', roles: [{ role: 'pimpinan' }] });
    const auditor = await loginNew(t, { username: 'auditor-ekspor', roles: [{ role: 'auditor' }] });
    for (const reader of [pimpinan, auditor]) {
      expect(await accountOf(reader)).toEqual({ number: '******5678', bank: 'Bank Pembangunan Daerah', note: expect.stringContaining('Nomor rekening disamarkan') });
    }
    for (const maintainer of [admin, adminOpd]) {
      expect(await accountOf(maintainer)).toEqual({ number: '0012345678', bank: 'Bank Pembangunan Daerah', note: undefined });
    }
  });

  it('prints the TPP slip with every line and the totals', async () => {
    const response = await staff.inject({ method: 'GET', url: '/api/tpp/me/slip.pdf?period=2026-04' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(response.rawPayload);
    expect(text).toContain('SLIP TAMBAHAN PENGHASILAN PEGAWAI');
    expect(countPdfPages(response.rawPayload)).toBe(1);
    expect(text).toContain('Halaman 1 dari 1');
    expect(text).toContain(opd.staff.nip);
    expect(text).toContain('Tanpa keterangan (TK)');
    expect(text).toContain('Hukuman disiplin: Teguran lisan');
    expect(text).toContain('Perbup TPP (contoh) Pasal 13 [V]');
    expect(text).toContain('Rp 955.152');
    // Negative amounts and the rules' signs in characters the PDF standard font can print (no control bytes).
    expect(text).toContain(`-Rp ${STAFF.tk.toLocaleString('id-ID')}`);
    expect(text).toContain(`-Rp ${(-STAFF.discipline).toLocaleString('id-ID')}`);
    expect([...text].filter((character) => character.charCodeAt(0) < 0x20 && character !== '\n')).toEqual([]);
    expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/employees/${opd.staff.id}/slip.pdf?period=2026-04` })).statusCode).toBe(200);
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/tpp/employees/${opd.staff.id}/slip.pdf?period=2026-04` })).statusCode).toBe(404);
  });

  it('prints the slips of a whole unit in one document, each on pages of its own, within scope only', async () => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/tpp/exports/slips.pdf?period=2026-04&unitId=${opd.unit.id}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(response.rawPayload);
    const current = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true), eq(tppResults.opdUnitId, opd.unit.id)));
    expect(current).toHaveLength(3);
    // One slip per result, each with its NIP and net, numbered "Slip k dari 3".
    expect(text.split('SLIP TAMBAHAN PENGHASILAN PEGAWAI')).toHaveLength(current.length + 1);
    for (const row of current) {
      expect(text).toContain(row.nip);
      expect(text).toContain(`Rp ${row.net.toLocaleString('id-ID')}`);
    }
    for (const slip of [1, 2, 3]) expect(text).toContain(`Slip ${slip} dari 3 · Halaman 1 dari 1`);
    expect(countPdfPages(response.rawPayload)).toBe(3);
    // Each slip of the unit is explained exactly as the employee's own (loaded for the whole unit at once).
    const ctx = systemContext('uji', t.clock, 'Asia/Jakarta');
    const unitSlips = await listSlipExplanations(t.handle.db, ctx, '2026-04', opd.unit.id);
    expect(unitSlips.map((slip) => slip.employee.nip).sort()).toEqual(current.map((row) => row.nip).sort());
    for (const slip of unitSlips) expect(slip).toEqual(await getTppExplanation(t.handle.db, ctx, slip.employee.id, '2026-04'));
    // The staff member's slip reads as the single one does.
    expect(text).toContain('Hukuman disiplin: Teguran lisan');
    expect(text).toContain(`Rp ${STAFF.net.toLocaleString('id-ID')}`);
    // Another OPD's admin cannot print them; a unit is required; an empty month says so.
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/tpp/exports/slips.pdf?period=2026-04&unitId=${opd.unit.id}` })).statusCode).toBe(404);
    const missingUnit = await admin.inject({ method: 'GET', url: '/api/tpp/exports/slips.pdf?period=2026-04' });
    expect(missingUnit.statusCode).toBe(400);
    expect(missingUnit.body).toContain('Pilih unit yang dicetak');
    const empty = await admin.inject({ method: 'GET', url: `/api/tpp/exports/slips.pdf?period=2026-01&unitId=${opd.unit.id}` });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { message: string } }>().error.message).toBe('Belum ada hasil TPP bulan 2026-01 untuk unit ini; hitung bulan ini terlebih dahulu');
  });

  it('prints the payment list of a unit for signing: every employee, the total, the head of the unit and the treasurer', async () => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/tpp/exports/payroll.pdf?period=2026-04&unitId=${opd.unit.id}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(response.rawPayload);
    const current = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true), eq(tppResults.opdUnitId, opd.unit.id)));
    expect(text).toContain('DAFTAR PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)');
    expect(text).toContain(`BULAN APRIL 2026`);
    for (const row of current) expect(text).toContain(`NIP ${row.nip}`);
    // The staff member's row by hand (STAFF above) and the unit's total paid.
    for (const value of [STAFF.earned, STAFF.tk, STAFF.discipline, STAFF.pph21, STAFF.bpjsEmployee, STAFF.net]) expect(text).toContain(value.toLocaleString('id-ID'));
    expect(text).toContain('JUMLAH');
    expect(text).toContain(current.reduce((sum, row) => sum + row.net, 0).toLocaleString('id-ID'));
    // Signed by the head of the OPD (its definitive holder at the month's end) and the treasurer.
    expect(text).toContain('Mengetahui,');
    expect(text).toContain(opd.head.name);
    expect(text).toContain(`NIP. ${opd.head.nip}`);
    // No treasurer recorded yet: a line for the name written by hand.
    expect(text).toContain('Bendahara Pengeluaran');
    expect(text).not.toContain(`NIP. ${opd.staff.nip}`);
    expect(countPdfPages(response.rawPayload)).toBe(1);
    // The OPD's treasurer recorded (from a decree of January, until further notice): printed with name and NIP.
    const treasurer = { unitId: opd.unit.id, employeeId: opd.staff.id, decreeNumber: '821.2/15/BPKAD/2026', startDate: '2026-01-02', endDate: null };
    const recorded = await adminOpd.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: treasurer });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const signed = extractPdfText((await adminOpd.inject({ method: 'GET', url: `/api/tpp/exports/payroll.pdf?period=2026-04&unitId=${opd.unit.id}` })).rawPayload);
    expect(signed).toContain('Bendahara Pengeluaran');
    expect(signed).toContain(`NIP. ${opd.staff.nip}`);
    await admin.inject({ method: 'DELETE', url: `/api/tpp/treasurers/${recorded.json<{ id: string }>().id}` });
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/tpp/exports/payroll.pdf?period=2026-04&unitId=${opd.unit.id}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/tpp/exports/payroll.pdf?period=2026-04' })).statusCode).toBe(400);
  });

  it('sums the month per OPD and for the region', async () => {
    const summary = (await admin.inject({ method: 'GET', url: '/api/tpp/summary?period=2026-04' })).json<TppSummaryView>();
    const results = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));
    const ours = summary.opds.find((row) => row.opdUnitId === opd.unit.id);
    expect(ours?.employees).toBe(3);
    expect(ours?.net).toBe(results.filter((row) => row.opdUnitId === opd.unit.id).reduce((sum, row) => sum + row.net, 0));
    expect(summary.region.net).toBe(results.reduce((sum, row) => sum + row.net, 0));
    expect(summary.region.employees).toBe(results.length);
    // Nothing computed in March: no comparison yet.
    expect(summary.previousPeriod).toBe('2026-03');
    expect(ours).toMatchObject({ previousEmployees: null, previousNet: null, change: null });
    expect(summary.region).toMatchObject({ previousNet: null, change: null });
    const scoped = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/summary?period=2026-04' })).json<TppSummaryView>();
    expect(scoped.opds.map((row) => row.opdUnitId)).toEqual([opd.unit.id]);
    const workbook = await admin.inject({ method: 'GET', url: '/api/tpp/exports/summary.xlsx?period=2026-04' });
    const sheet = await readSheet(workbook.rawPayload);
    const last = rowValues(sheet, sheet.rowCount);
    expect(last[0]).toBe('JUMLAH DAERAH');
    expect(last[9]).toBe(summary.region.net);
  });

  it('corrects a closed month only through an adjustment paid in a later month', async () => {
    const body = { employeeId: opd.staff.id, period: '2026-05', correctsPeriod: '2026-04', amount: STAFF.tk, reason: 'TK 7 April ternyata dinas luar (SPT terlambat diunggah)' };
    const open = await admin.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: body });
    expect(open.statusCode).toBe(400);
    expect(open.json<{ error: { message: string } }>().error.message).toContain('belum ditutup');

    await t.handle.db.transaction((tx) => freezeTppResults(tx, systemContext('uji', t.clock, 'Asia/Jakarta'), '2026-04'));
    await closePeriodFixture(t.handle.db, '2026-04', t.clock.now());
    expect((await admin.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: { ...body, period: '2026-04' } })).statusCode).toBe(400);
    expect((await adminOpd.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: body })).statusCode).toBe(403);
    const created = await admin.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const [stored] = await t.handle.db.select().from(tppAdjustments).where(eq(tppAdjustments.employeeId, opd.staff.id));
    const [april] = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));
    expect(stored?.correctsResultId).toBe(april?.id);

    const may = (await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-05' })).json<TppExplanationView>();
    expect(may.corrections).toHaveLength(1);
    expect(may.netPayable).toBe(may.result.net + STAFF.tk);
    const aprilAgain = (await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-04' })).json<TppExplanationView>();
    expect(aprilAgain).toMatchObject({ isFrozen: true, netPayable: STAFF.net });
    // Closed: the unit's slips read the explanations stored at closing, as each single one does.
    const ctx = systemContext('uji', t.clock, 'Asia/Jakarta');
    for (const slip of await listSlipExplanations(t.handle.db, ctx, '2026-04', opd.unit.id)) {
      expect(slip).toMatchObject({ isFrozen: true });
      expect(slip).toEqual(await getTppExplanation(t.handle.db, ctx, slip.employee.id, '2026-04'));
    }
    const listed = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/adjustments?period=2026-05' })).json<{ items: { amount: number }[] }>();
    expect(listed.items.map((item) => item.amount)).toEqual([STAFF.tk]);
    expect((await otherAdminOpd.inject({ method: 'GET', url: '/api/tpp/adjustments?period=2026-05' })).json<{ items: unknown[] }>().items).toEqual([]);
  });
  it('pays a correction to someone without a result in the payment month, on a row of their own', async () => {
    // The staff member leaves the service after the correction was recorded: May's run no longer covers him.
    await t.handle.db.update(employees).set({ isActive: false }).where(eq(employees.id, opd.staff.id));
    await admin.inject({ method: 'POST', url: '/api/tpp/runs', payload: { period: '2026-05', unitId: null } });
    await drainTppRuns(t.handle.db, t.clock);
    const current = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-05'), eq(tppResults.isCurrent, true)));
    expect(current.some((row) => row.employeeId === opd.staff.id)).toBe(false);

    const response = await adminOpd.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-05&unitId=${opd.unit.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const sheet = await readSheet(response.rawPayload);
    const header = rowValues(sheet, 3);
    const rows = [4, 5, 6].map((n) => rowValues(sheet, n));
    const staffRow = rows.find((row) => row[1] === opd.staff.nip) ?? [];
    const cell = (name: string) => staffRow[header.indexOf(name)];
    expect(cell('Nama')).toBe(opd.staff.name);
    expect(cell('Kelas jabatan')).toBe(7);
    expect(cell('TPP kotor')).toBe(0);
    expect(cell('Koreksi bulan sebelumnya')).toBe(STAFF.tk);
    expect(cell('Jumlah bersih dibayar')).toBe(STAFF.tk);
    expect(cell('Nomor rekening')).toBe('0012345678');
    const paid = header.indexOf('Jumlah bersih dibayar');
    expect(rowValues(sheet, 7)[paid]).toBe(rows.reduce((sum, row) => sum + Number(row[paid]), 0));
    // Not in another OPD's recap.
    const elsewhere = await readSheet((await admin.inject({ method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=2026-05&unitId=${other.unit.id}` })).rawPayload);
    expect([4, 5, 6, 7].map((n) => rowValues(elsewhere, n)[1])).not.toContain(opd.staff.nip);

    const summary = (await admin.inject({ method: 'GET', url: '/api/tpp/summary?period=2026-05' })).json<TppSummaryView>();
    const ours = summary.opds.find((row) => row.opdUnitId === opd.unit.id);
    expect(ours).toMatchObject({ employees: 2, corrections: STAFF.tk, net: current.filter((row) => row.opdUnitId === opd.unit.id).reduce((sum, row) => sum + row.net, 0) });
    expect(summary.region.corrections).toBe(STAFF.tk);
    // Beside April in the same OPD: three employees then (the staff member among them), two now.
    const april = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));
    const aprilNet = april.filter((row) => row.opdUnitId === opd.unit.id).reduce((sum, row) => sum + row.net, 0);
    expect(aprilNet).toBeGreaterThan(0);
    expect(ours).toMatchObject({ previousEmployees: 3, previousNet: aprilNet, change: (ours?.net ?? 0) - aprilNet });
    const regionApril = april.reduce((sum, row) => sum + row.net, 0);
    expect(summary.region).toMatchObject({ previousEmployees: april.length, previousNet: regionApril, change: summary.region.net - regionApril });
  });

  it('keeps an OPD paid last month and not this one in the summary, its drop as the change, within scope only', async () => {
    const paidThere = await t.handle.db.select({ employeeId: tppResults.employeeId }).from(tppResults).where(and(eq(tppResults.period, '2026-05'), eq(tppResults.isCurrent, true), eq(tppResults.opdUnitId, other.unit.id)));
    expect(paidThere.length).toBeGreaterThan(0);
    await t.handle.db.update(employees).set({ isActive: false }).where(inArray(employees.id, paidThere.map((row) => row.employeeId)));
    await admin.inject({ method: 'POST', url: '/api/tpp/runs', payload: { period: '2026-05', unitId: null } });
    await drainTppRuns(t.handle.db, t.clock);
    const april = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true), eq(tppResults.opdUnitId, other.unit.id)));
    const aprilNet = april.reduce((sum, row) => sum + row.net, 0);

    const summary = (await admin.inject({ method: 'GET', url: '/api/tpp/summary?period=2026-05' })).json<TppSummaryView>();
    const dropped = summary.opds.find((row) => row.opdUnitId === other.unit.id);
    expect(dropped).toMatchObject({ employees: 0, net: 0, previousEmployees: april.length, previousNet: aprilNet, change: -aprilNet });
    expect(summary.region.previousNet).toBe(summary.opds.reduce((sum, row) => sum + (row.previousNet ?? 0), 0));
    expect(summary.region.change).toBe(summary.opds.reduce((sum, row) => sum + (row.change ?? 0), 0));
    const scoped = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/summary?period=2026-05' })).json<TppSummaryView>();
    expect(scoped.opds.map((row) => row.opdUnitId)).toEqual([opd.unit.id]);

    // The printed summary (PDF): the same figures, each OPD in scope, the comparison and the total.
    const pdf = await admin.inject({ method: 'GET', url: '/api/tpp/exports/summary.pdf?period=2026-05' });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('RINGKASAN TAMBAHAN PENGHASILAN PEGAWAI (TPP) PER OPD');
    expect(text).toContain('BULAN MEI 2026');
    expect(countPdfPages(pdf.rawPayload)).toBe(1);
    expect(text).toContain('Halaman 1 dari 1');
    expect(text).toContain('Bersih April 2026');
    expect(text).toContain(dropped?.opdName ?? 'none');
    expect(text).toContain((-aprilNet).toLocaleString('id-ID'));
    expect(text).toContain(summary.region.net.toLocaleString('id-ID'));
    expect([...text].filter((character) => character.charCodeAt(0) < 0x20 && character !== '\n')).toEqual([]);
    const scopedPdf = extractPdfText((await adminOpd.inject({ method: 'GET', url: '/api/tpp/exports/summary.pdf?period=2026-05' })).rawPayload);
    const ours = summary.opds.find((row) => row.opdUnitId === opd.unit.id);
    expect(scopedPdf).toContain(ours?.opdName ?? 'none');
    // The other OPD's drop is not in it (its name may begin like ours: "Unit Uji 1" and "Unit Uji 12").
    expect(scopedPdf).not.toContain((-aprilNet).toLocaleString('id-ID'));
    const employeeOnly = await loginNew(t, { employeeId: opd.head.id });
    expect((await employeeOnly.inject({ method: 'GET', url: '/api/tpp/exports/summary.pdf?period=2026-05' })).statusCode).toBe(403);

    const sheet = await readSheet((await admin.inject({ method: 'GET', url: '/api/tpp/exports/summary.xlsx?period=2026-05' })).rawPayload);
    const header = rowValues(sheet, 3);
    expect(header.slice(12)).toEqual(['Pegawai 2026-04', 'Jumlah bersih 2026-04', 'Perubahan jumlah bersih']);
    const droppedRow = Array.from({ length: sheet.rowCount - 3 }, (_, index) => rowValues(sheet, index + 4)).find((row) => row[0] === dropped?.opdName);
    expect(droppedRow?.slice(12)).toEqual([april.length, aprilNet, -aprilNet]);
    expect(rowValues(sheet, sheet.rowCount).slice(13)).toEqual([summary.region.previousNet, summary.region.change]);
  });
});
