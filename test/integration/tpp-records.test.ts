import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppAdjustmentViewItem, TppBankAccountRowView, TppComplianceSheetView, TppDisciplineDecisionViewItem, TppRecordOptionsView } from '../../src/contracts/tpp-records';
import { KOLAKA_60_30_10_RULE_SET } from '../../src/domain/tpp/examples';
import { auditLog } from '../../src/server/db/schema';
import { SEEDED_TPP_RULE_SET } from '../../src/server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { createTppRuleSetVersion } from '../../src/server/modules/tpp/rule-sets/tpp-rule-sets.service';
import { systemContext } from '../../src/server/platform/actor';
import { closePeriodFixture } from '../helpers/activity-fixtures';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew } from './tpp-test-setup';

const NOW = '2026-05-12T03:00:00Z';
/** Closed before the tests run: corrected by adjustments, refused for new decisions. */
const CLOSED = '2026-03';
/** Open: corrections are paid with it. */
const OPEN = '2026-05';
/** From this month on the rules use compliance items (the Kolaka scheme: LHKPN, BMD, TPTGR). */
const COMPLIANCE_FROM = '2026-06';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe('TPP record screens: lists with filters, changes to corrections, the audit scope', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let admin: Session;
  let adminOpd: Session;
  let pimpinan: Session;
  let auditor: Session;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    admin = await loginNew(t, { username: 'admin-bkpsdm-data', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await loginNew(t, { username: 'admin-opd-data', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    pimpinan = await loginNew(t, { username: 'pimpinan-data', roles: [{ role: 'pimpinan' }] });
    auditor = await loginNew(t, { username: 'auditor-data', roles: [{ role: 'auditor' }] });
    await closePeriodFixture(t.handle.db, CLOSED, t.clock.now());
    const compliance = { ...KOLAKA_60_30_10_RULE_SET, region: SEEDED_TPP_RULE_SET.region, effectiveFrom: `${COMPLIANCE_FROM}-01` };
    await t.handle.db.transaction((tx) => createTppRuleSetVersion(tx, systemContext('uji', t.clock, 'Asia/Jakarta'), compliance));
  });
  afterAll(async () => t.close());

  describe('discipline decisions', () => {
    it('scopes the audit row of a deletion to the employee’s unit, so their admin OPD sees it', async () => {
      const decision = { employeeId: opd.staff.id, decisionNumber: '800/7/BKPSDM/2026', decisionDate: '2026-05-02', penaltyCode: 'teguran_lisan', startPeriod: OPEN };
      const created = await admin.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: decision });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/discipline-decisions/${id}` })).statusCode).toBe(200);

      const rows = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityId, id));
      expect(rows.map((row) => [row.action, row.scopeUnitId])).toEqual([
        ['create', opd.staff.unitId],
        ['delete', opd.staff.unitId],
      ]);
      const seen = await adminOpd.inject({ method: 'GET', url: `/api/audit?entityType=tpp_discipline_decision&entityId=${id}` });
      expect(seen.json<{ items: { action: string }[] }>().items.map((item) => item.action).sort()).toEqual(['create', 'delete']);
    });

    it('lists the decisions in force in a month with their penalty and last month, within the admin’s units', async () => {
      const record = async (employeeId: string, decisionNumber: string, penaltyCode: string, startPeriod: string) => {
        const response = await admin.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: { employeeId, decisionNumber, decisionDate: `${startPeriod}-01`, penaltyCode, startPeriod } });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<{ id: string }>().id;
      };
      const written = await record(opd.staff.id, 'SK/TERTULIS/1', 'teguran_tertulis', '2026-04');
      const oral = await record(opd.bidangHead.id, 'SK/LISAN/1', 'teguran_lisan', '2026-04');
      const outside = await record(other.staff.id, 'SK/LAIN/1', 'teguran_tertulis', OPEN);

      const inMay = (await admin.inject({ method: 'GET', url: `/api/tpp/discipline-decisions?period=${OPEN}` })).json<{ items: TppDisciplineDecisionViewItem[] }>();
      // Oral warning: one month (April only); written warning: two months (April–May).
      expect(inMay.items.map((item) => item.id).sort()).toEqual([written, outside].sort());
      expect(inMay.items.find((item) => item.id === written)).toMatchObject({
        nip: opd.staff.nip,
        penalty: { code: 'teguran_tertulis', cutBp: 3000, months: 2 },
        endPeriod: OPEN,
        isStartClosed: false,
      });
      const all = (await admin.inject({ method: 'GET', url: '/api/tpp/discipline-decisions' })).json<{ items: TppDisciplineDecisionViewItem[] }>();
      expect(all.items.find((item) => item.id === oral)).toMatchObject({ endPeriod: '2026-04', penalty: { months: 1 } });

      const ownUnits = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/discipline-decisions' })).json<{ items: TppDisciplineDecisionViewItem[] }>();
      expect(ownUnits.items.map((item) => item.id)).toEqual(expect.arrayContaining([written, oral]));
      expect(ownUnits.items.map((item) => item.id)).not.toContain(outside);
      const searched = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/discipline-decisions?q=${opd.bidangHead.nip}` })).json<{ items: TppDisciplineDecisionViewItem[] }>();
      expect(searched.items.map((item) => item.id)).toEqual([oral]);
      expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/discipline-decisions?unitId=${other.unit.id}` })).statusCode).toBe(404);
      expect((await pimpinan.inject({ method: 'GET', url: '/api/tpp/discipline-decisions' })).statusCode).toBe(403);
    });

    it('refuses a decision starting in a closed month with the message on its field', async () => {
      const response = await admin.inject({
        method: 'POST',
        url: '/api/tpp/discipline-decisions',
        payload: { employeeId: opd.staff.id, decisionNumber: 'SK/TUTUP/1', decisionDate: '2026-03-02', penaltyCode: 'teguran_lisan', startPeriod: CLOSED },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error).toMatchObject({ message: expect.stringContaining(`Bulan ${CLOSED} sudah ditutup`), details: { field: 'startPeriod' } });
    });
  });

  describe('bank accounts', () => {
    const account = { bankName: 'Bank Pembangunan Daerah', accountNumber: '0012345678', accountHolder: 'Pegawai Uji' };

    it('lists the active employees in scope with masked numbers, and who still has none', async () => {
      expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.staff.id}`, payload: account })).statusCode).toBe(200);
      expect((await admin.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${other.staff.id}`, payload: { ...account, accountNumber: '98765' } })).statusCode).toBe(200);

      const page = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/bank-accounts' })).json<{ items: TppBankAccountRowView[]; total: number }>();
      expect(page.items.map((item) => item.employeeId).sort()).toEqual([opd.head.id, opd.bidangHead.id, opd.staff.id].sort());
      expect(page.total).toBe(3);
      expect(page.items.find((item) => item.employeeId === opd.staff.id)).toMatchObject({ bankName: account.bankName, accountNumberMasked: '******5678', accountHolder: account.accountHolder });
      expect(JSON.stringify(page)).not.toContain(account.accountNumber);
      const missing = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/bank-accounts?status=missing' })).json<{ items: TppBankAccountRowView[] }>();
      expect(missing.items.map((item) => item.employeeId).sort()).toEqual([opd.head.id, opd.bidangHead.id].sort());
      expect(missing.items.every((item) => item.accountNumberMasked === null)).toBe(true);

      const region = (await admin.inject({ method: 'GET', url: `/api/tpp/bank-accounts?status=present&q=${other.staff.nip}` })).json<{ items: TppBankAccountRowView[] }>();
      // Five digits keep two: a short number is not given away by its last four.
      expect(region.items).toEqual([expect.objectContaining({ employeeId: other.staff.id, accountNumberMasked: '***65' })]);
      const byUnit = (await admin.inject({ method: 'GET', url: `/api/tpp/bank-accounts?unitId=${opd.bidang.id}&pageSize=1&page=2` })).json<{ items: TppBankAccountRowView[]; total: number }>();
      expect(byUnit.total).toBe(2);
      expect(byUnit.items).toHaveLength(1);

      // The whole number, one employee at a time, for those who maintain it only.
      expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/bank-accounts/${opd.staff.id}` })).json()).toMatchObject({ accountNumber: account.accountNumber });
      for (const reader of [pimpinan, auditor]) {
        expect((await reader.inject({ method: 'GET', url: '/api/tpp/bank-accounts' })).statusCode).toBe(403);
      }
      expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/bank-accounts?unitId=${other.unit.id}` })).statusCode).toBe(404);
    });

    it('keeps the audit trail of an account change with masked numbers only', async () => {
      const before = { ...account, accountNumber: '1122334455' };
      const after = { ...account, accountNumber: '5544332211' };
      expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.bidangHead.id}`, payload: before })).statusCode).toBe(200);
      expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.bidangHead.id}`, payload: after })).statusCode).toBe(200);
      const rows = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityId, opd.bidangHead.id));
      const changes = rows.filter((row) => row.entityType === 'tpp_bank_account');
      expect(changes.map((row) => row.action).sort()).toEqual(['create', 'update']);
      const update = changes.find((row) => row.action === 'update');
      expect(update?.before).toMatchObject({ accountNumber: '******4455', bankName: account.bankName });
      expect(update?.after).toMatchObject({ accountNumber: '******2211' });
      expect(JSON.stringify(changes)).not.toContain(before.accountNumber);
      expect(JSON.stringify(changes)).not.toContain(after.accountNumber);
    });
  });

  describe('corrections of closed months', () => {
    const body = (employeeId: string, amount: number) => ({ employeeId, period: OPEN, correctsPeriod: CLOSED, amount, reason: 'TK ternyata dinas luar (SPT terlambat)' });
    const create = async (employee: { id: string; nip: string }, amount: number) => {
      const response = await admin.inject({ method: 'POST', url: '/api/tpp/adjustments', payload: body(employee.id, amount) });
      expect(response.statusCode, response.body).toBe(201);
      const listed = (await admin.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}&q=${employee.nip}` })).json<{ items: TppAdjustmentViewItem[] }>();
      const found = listed.items.find((item) => item.amount === amount);
      if (!found) throw new Error('created correction not listed');
      return found;
    };

    it('lists the month’s corrections by unit and name with the unit, and whether the month is still open', async () => {
      const ours = await create(opd.staff, 134_000);
      const theirs = await create(other.staff, -50_000);
      const region = (await admin.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}` })).json<{ isPeriodClosed: boolean; items: TppAdjustmentViewItem[] }>();
      expect(region.isPeriodClosed).toBe(false);
      expect(region.items.map((item) => item.id)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
      expect(region.items.find((item) => item.id === ours.id)).toMatchObject({ unitName: opd.bidang.name, correctsPeriod: CLOSED, amount: 134_000 });
      const byUnit = (await pimpinan.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}&unitId=${other.unit.id}` })).json<{ items: TppAdjustmentViewItem[] }>();
      expect(byUnit.items.map((item) => item.id)).toEqual([theirs.id]);
      const own = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}` })).json<{ items: TppAdjustmentViewItem[] }>();
      expect(own.items.map((item) => item.id)).toContain(ours.id);
      expect(own.items.map((item) => item.id)).not.toContain(theirs.id);
    });

    it('changes or removes a correction while its payment month is open, audited in the employee’s unit', async () => {
      const correction = await create(opd.staff, 20_000);
      const invalid = await admin.inject({ method: 'PUT', url: `/api/tpp/adjustments/${correction.id}`, payload: { amount: 0, reason: 'x' } });
      expect(invalid.statusCode).toBe(400);
      expect(JSON.stringify(invalid.json<ErrorBody>().error.details)).toContain('Jumlah koreksi tidak boleh nol');
      expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/adjustments/${correction.id}`, payload: { amount: 25_000, reason: 'Salah ketik jumlah' } })).statusCode).toBe(403);

      const changed = await admin.inject({ method: 'PUT', url: `/api/tpp/adjustments/${correction.id}`, payload: { amount: 25_000, reason: 'Salah ketik jumlah koreksi' } });
      expect(changed.statusCode, changed.body).toBe(200);
      const listed = (await admin.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}` })).json<{ items: TppAdjustmentViewItem[] }>();
      expect(listed.items.find((item) => item.id === correction.id)).toMatchObject({ amount: 25_000, reason: 'Salah ketik jumlah koreksi' });

      expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/adjustments/${correction.id}` })).statusCode).toBe(200);
      const after = (await admin.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}` })).json<{ items: TppAdjustmentViewItem[] }>();
      expect(after.items.map((item) => item.id)).not.toContain(correction.id);
      expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/adjustments/${correction.id}` })).statusCode).toBe(404);

      const audits = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityId, correction.id));
      expect(audits.map((row) => [row.action, row.scopeUnitId])).toEqual([
        ['create', opd.staff.unitId],
        ['update', opd.staff.unitId],
        ['delete', opd.staff.unitId],
      ]);
      expect(audits[1]?.before).toMatchObject({ amount: 20_000 });
      expect(audits[1]?.after).toMatchObject({ amount: 25_000 });
    });

    it('keeps a correction once its payment month is closed', async () => {
      const correction = await create(opd.head, 10_000);
      await closePeriodFixture(t.handle.db, OPEN, t.clock.now());
      const change = await admin.inject({ method: 'PUT', url: `/api/tpp/adjustments/${correction.id}`, payload: { amount: 1, reason: 'Terlambat diubah' } });
      expect(change.statusCode).toBe(409);
      expect(change.json<ErrorBody>().error.message).toContain(`Bulan pembayaran ${OPEN} sudah ditutup`);
      expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/adjustments/${correction.id}` })).statusCode).toBe(409);
      expect((await admin.inject({ method: 'GET', url: `/api/tpp/adjustments?period=${OPEN}` })).json()).toMatchObject({ isPeriodClosed: true });
    });
  });

  describe('compliance items', () => {
    it('shows a month as employees × the rule set’s items, recorded or not, within the admin’s units', async () => {
      const set = await adminOpd.inject({ method: 'PUT', url: '/api/tpp/compliance-items', payload: { employeeId: opd.staff.id, period: COMPLIANCE_FROM, code: 'lhkpn', isMet: true, note: 'Disampaikan 2 Juni' } });
      expect(set.statusCode, set.body).toBe(200);
      await adminOpd.inject({ method: 'PUT', url: '/api/tpp/compliance-items', payload: { employeeId: opd.staff.id, period: COMPLIANCE_FROM, code: 'bmd', isMet: false } });

      const sheet = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/compliance-sheet?period=${COMPLIANCE_FROM}` })).json<TppComplianceSheetView>();
      const codes = sheet.columns.map((column) => column.code);
      expect(codes).toEqual(expect.arrayContaining(['lhkpn', 'bmd']));
      expect(sheet).toMatchObject({ isPeriodClosed: false, ruleSetName: KOLAKA_60_30_10_RULE_SET.name, total: 3 });
      expect(sheet.items.map((item) => item.employeeId).sort()).toEqual([opd.head.id, opd.bidangHead.id, opd.staff.id].sort());
      const staffRow = sheet.items.find((item) => item.employeeId === opd.staff.id);
      expect(staffRow?.values.map((value) => value.code)).toEqual(codes);
      expect(staffRow?.values.find((value) => value.code === 'lhkpn')).toEqual({ code: 'lhkpn', isMet: true, note: 'Disampaikan 2 Juni' });
      expect(staffRow?.values.find((value) => value.code === 'bmd')?.isMet).toBe(false);
      expect(sheet.items.find((item) => item.employeeId === opd.head.id)?.values.every((value) => value.isMet === null)).toBe(true);

      const searched = (await admin.inject({ method: 'GET', url: `/api/tpp/compliance-sheet?period=${COMPLIANCE_FROM}&q=${other.staff.nip}` })).json<TppComplianceSheetView>();
      expect(searched.items.map((item) => item.employeeId)).toEqual([other.staff.id]);
      const classic = (await admin.inject({ method: 'GET', url: `/api/tpp/compliance-sheet?period=2026-04&unitId=${opd.unit.id}` })).json<TppComplianceSheetView>();
      expect(classic.columns).toEqual([]);
      expect(classic.items.every((item) => item.values.length === 0)).toBe(true);
      expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/compliance-sheet?period=${COMPLIANCE_FROM}&unitId=${other.unit.id}` })).statusCode).toBe(404);
      expect((await auditor.inject({ method: 'GET', url: `/api/tpp/compliance-sheet?period=${COMPLIANCE_FROM}` })).statusCode).toBe(403);
    });

    it('offers the forms the penalties and items of the month’s rule set', async () => {
      const june = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/record-options?period=${COMPLIANCE_FROM}` })).json<TppRecordOptionsView>();
      expect(june.complianceItems.map((item) => item.code)).toEqual(expect.arrayContaining(['lhkpn', 'bmd', 'tptgr']));
      expect(june.penalties.length).toBeGreaterThan(0);
      const april = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/record-options?period=2026-04' })).json<TppRecordOptionsView>();
      expect(april).toMatchObject({ isPeriodClosed: false, ruleSetName: SEEDED_TPP_RULE_SET.name, complianceItems: [] });
      expect(april.penalties.map((penalty) => penalty.code)).toContain('teguran_lisan');
      expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/record-options?period=${CLOSED}` })).json()).toMatchObject({ isPeriodClosed: true });
      const bad = await adminOpd.inject({ method: 'GET', url: '/api/tpp/record-options?period=2026-13' });
      expect(bad.statusCode).toBe(400);
    });
  });
});
