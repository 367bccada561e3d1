import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppBankAccountRowView, TppDisciplineDecisionViewItem } from '../../src/contracts/tpp-records';
import { auditLog, tppBankAccounts } from '../../src/server/db/schema';
import { loadPayrollBankAccounts } from '../../src/server/modules/tpp/records/tpp-bank-accounts.service';
import { closePeriodFixture } from '../helpers/activity-fixtures';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew } from './tpp-test-setup';

const NOW = '2026-05-12T03:00:00Z';
const CLOSED = '2026-03';
const OPEN = '2026-05';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

describe('TPP records changed after entry: discipline decisions edited, bank accounts removed', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let admin: Session;
  let adminOpd: Session;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    admin = await loginNew(t, { username: 'admin-bkpsdm-changes', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await loginNew(t, { username: 'admin-opd-changes', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    await closePeriodFixture(t.handle.db, CLOSED, t.clock.now());
  });
  afterAll(async () => t.close());

  const auditRows = (entityType: string, entityId: string) =>
    t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.id);

  describe('editing a discipline decision', () => {
    let serial = 0;
    const decisionBody = (overrides: Record<string, unknown> = {}) => ({
      employeeId: opd.staff.id,
      decisionNumber: `800/${++serial}/EDIT/2026`,
      decisionDate: '2026-05-02',
      penaltyCode: 'teguran_lisan',
      startPeriod: OPEN,
      note: null,
      ...overrides,
    });
    const record = async (body: ReturnType<typeof decisionBody>) => {
      const response = await admin.inject({ method: 'POST', url: '/api/tpp/discipline-decisions', payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };

    it('changes the penalty and number, answers the priced decision, audits before and after in the employee’s unit', async () => {
      const body = decisionBody();
      const id = await record(body);
      const changed = { ...body, decisionNumber: `${body.decisionNumber}-REV`, penaltyCode: 'teguran_tertulis', note: 'Salah pilih jenis hukuman' };
      const response = await admin.inject({ method: 'PUT', url: `/api/tpp/discipline-decisions/${id}`, payload: changed });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id, decisionNumber: changed.decisionNumber, penaltyCode: 'teguran_tertulis', note: changed.note });

      const listed = (await admin.inject({ method: 'GET', url: `/api/tpp/discipline-decisions?employeeId=${opd.staff.id}` })).json<{ items: TppDisciplineDecisionViewItem[] }>();
      expect(listed.items.find((item) => item.id === id)).toMatchObject({ penalty: { code: 'teguran_tertulis', months: 2 }, endPeriod: '2026-06' });

      const update = (await auditRows('tpp_discipline_decision', id)).find((row) => row.action === 'update');
      expect(update).toMatchObject({
        scopeUnitId: opd.staff.unitId,
        before: { decisionNumber: body.decisionNumber, penaltyCode: 'teguran_lisan', note: null },
        after: { decisionNumber: changed.decisionNumber, penaltyCode: 'teguran_tertulis', note: changed.note },
      });
      // The employee's admin OPD reads the change in their audit trail.
      const seen = await adminOpd.inject({ method: 'GET', url: `/api/audit?entityType=tpp_discipline_decision&entityId=${id}` });
      expect(seen.json<{ items: { action: string }[] }>().items.map((item) => item.action).sort()).toEqual(['create', 'update']);
    });

    it('refuses an admin OPD (decisions are BKPSDM’s), changing nothing', async () => {
      const body = decisionBody();
      const id = await record(body);
      const response = await adminOpd.inject({ method: 'PUT', url: `/api/tpp/discipline-decisions/${id}`, payload: { ...body, penaltyCode: 'teguran_tertulis' } });
      expect(response.statusCode).toBe(403);
      expect(await auditRows('tpp_discipline_decision', id)).toHaveLength(1);
    });

    it('refuses, in Indonesian, to move a decision into a closed month or to change one already applied to a closed month', async () => {
      const body = decisionBody();
      const id = await record(body);
      const intoClosed = await admin.inject({ method: 'PUT', url: `/api/tpp/discipline-decisions/${id}`, payload: { ...body, startPeriod: CLOSED } });
      expect(intoClosed.statusCode).toBe(409);
      expect(intoClosed.json<ErrorBody>().error).toMatchObject({ message: expect.stringContaining(`Bulan ${CLOSED} sudah ditutup`), details: { field: 'startPeriod' } });

      // A decision whose first month is closed was already paid out: it stays as it is.
      const applied = await record(decisionBody({ startPeriod: '2026-02' }));
      await closePeriodFixture(t.handle.db, '2026-02', t.clock.now());
      const late = await admin.inject({ method: 'PUT', url: `/api/tpp/discipline-decisions/${applied}`, payload: decisionBody({ startPeriod: OPEN }) });
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().error.message).toContain('Bulan 2026-02 sudah ditutup');
      expect((await auditRows('tpp_discipline_decision', applied)).map((row) => row.action)).toEqual(['create']);
    });

    it('refuses a number already recorded for the employee, on its field', async () => {
      const first = decisionBody();
      await record(first);
      const second = decisionBody();
      const id = await record(second);
      const response = await admin.inject({ method: 'PUT', url: `/api/tpp/discipline-decisions/${id}`, payload: { ...second, decisionNumber: first.decisionNumber } });
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error).toMatchObject({ details: { field: 'decisionNumber' } });
    });
  });

  describe('removing a bank account', () => {
    const account = { bankName: 'Bank Sultra', accountNumber: '7788990011', accountHolder: 'Pegawai Uji Hapus' };

    it('ends the account within the admin OPD’s units, audited with the number masked; the employee then has none', async () => {
      expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.head.id}`, payload: account })).statusCode).toBe(200);
      const removed = await adminOpd.inject({ method: 'DELETE', url: `/api/tpp/bank-accounts/${opd.head.id}` });
      expect(removed.statusCode, removed.body).toBe(200);

      expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/bank-accounts/${opd.head.id}` })).statusCode).toBe(404);
      const missing = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/bank-accounts?status=missing&q=${opd.head.nip}` })).json<{ items: TppBankAccountRowView[] }>();
      expect(missing.items.map((item) => item.employeeId)).toEqual([opd.head.id]);

      const audit = (await auditRows('tpp_bank_account', opd.head.id)).find((row) => row.action === 'delete');
      expect(audit).toMatchObject({ scopeUnitId: opd.head.unitId, before: { bankName: account.bankName, accountNumber: '******0011' }, after: null });
      expect(JSON.stringify(audit)).not.toContain(account.accountNumber);
      // Removing it again: nothing to remove.
      expect((await adminOpd.inject({ method: 'DELETE', url: `/api/tpp/bank-accounts/${opd.head.id}` })).statusCode).toBe(404);
      // A new account can be recorded after a removal.
      expect((await adminOpd.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${opd.head.id}`, payload: { ...account, accountNumber: '1234512345' } })).statusCode).toBe(200);
    });

    it('hides an employee outside the admin OPD’s units (404) and keeps their account', async () => {
      expect((await admin.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${other.staff.id}`, payload: account })).statusCode).toBe(200);
      expect((await adminOpd.inject({ method: 'DELETE', url: `/api/tpp/bank-accounts/${other.staff.id}` })).statusCode).toBe(404);
      expect((await admin.inject({ method: 'GET', url: `/api/tpp/bank-accounts/${other.staff.id}` })).json()).toMatchObject({ accountNumber: account.accountNumber });
    });

    it('keeps a closed month’s payroll accounts as they were at its closing, after a change and a removal', async () => {
      const employee = opd.bidangHead.id;
      const month = '2026-04';
      expect((await admin.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${employee}`, payload: { ...account, accountNumber: '1111100000' } })).statusCode).toBe(200);
      t.clock.advance(60_000);
      await closePeriodFixture(t.handle.db, month, t.clock.now());
      t.clock.advance(60_000);
      expect((await admin.inject({ method: 'PUT', url: `/api/tpp/bank-accounts/${employee}`, payload: { ...account, accountNumber: '2222200000' } })).statusCode).toBe(200);

      expect((await loadPayrollBankAccounts(t.handle.db, [employee], month)).get(employee)?.accountNumber).toBe('1111100000');
      expect((await loadPayrollBankAccounts(t.handle.db, [employee], OPEN)).get(employee)?.accountNumber).toBe('2222200000');

      t.clock.advance(60_000);
      expect((await admin.inject({ method: 'DELETE', url: `/api/tpp/bank-accounts/${employee}` })).statusCode).toBe(200);
      expect((await loadPayrollBankAccounts(t.handle.db, [employee], month)).get(employee)?.accountNumber).toBe('1111100000');
      expect((await loadPayrollBankAccounts(t.handle.db, [employee], OPEN)).has(employee)).toBe(false);
      // History is kept: every version is a row, none current.
      const versions = await t.handle.db.select().from(tppBankAccounts).where(eq(tppBankAccounts.employeeId, employee));
      expect(versions.map((row) => [row.accountNumber, row.endedAt !== null])).toEqual(
        expect.arrayContaining([
          ['1111100000', true],
          ['2222200000', true],
        ]),
      );
    });
  });
});
