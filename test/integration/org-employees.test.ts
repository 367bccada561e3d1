import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, createEmployeeFixture, createOpdFixture, createUnitFixture, makeNip, makePppkNip } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface EmployeeBody {
  id: string;
  nip: string;
  fullName: string;
  birthDate: string;
  gender: string;
  golongan: string | null;
  pangkat: string | null;
  status: string;
  unitId: string | null;
  unitName: string | null;
  isActive: boolean;
  hasAccount: boolean;
  positions: { positionId: string; kind: string; positionName: string }[];
}
type EmployeePage = { items: EmployeeBody[]; total: number };

describe('employees API', () => {
  let t: TestApp;
  let bkpsdm: Session;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await createAccount(t.handle.db, t.clock, { username: 'bkpsdm', roles: [{ role: 'admin_bkpsdm' }] });
    bkpsdm = await loginAs(t.app, account.login, account.password);
  });
  afterEach(async () => t.close());

  const postEmployee = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/employees', payload });

  it('registers an employee, deriving birth date and gender from the NIP and pangkat from the golongan', async () => {
    const unit = await createUnitFixture(t.handle.db, t.clock, { name: 'Dinas Pertanian' });
    const response = await postEmployee(bkpsdm, {
      nip: '198609262015051001',
      jenisAsn: 'PNS',
      name: 'Siti Aminah',
      gelarDepan: 'Dr.',
      gelarBelakang: 'S.E., M.M.',
      golongan: 'iii/c',
      unitId: unit.id,
      email: 'siti@contoh.go.id',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<EmployeeBody>()).toMatchObject({
      nip: '198609262015051001',
      fullName: 'Dr. Siti Aminah, S.E., M.M.',
      birthDate: '1986-09-26',
      gender: 'L',
      golongan: 'III/c',
      pangkat: 'Penata',
      status: 'aktif',
      unitName: 'Dinas Pertanian',
      hasAccount: false,
      positions: [],
    });

    const pppk = await postEmployee(bkpsdm, { nip: '199208172022212004', jenisAsn: 'PPPK', name: 'Dewi Lestari', golongan: 'IX', unitId: unit.id });
    expect(pppk.statusCode).toBe(201);
    expect(pppk.json<EmployeeBody>()).toMatchObject({ birthDate: '1992-08-17', gender: 'P', golongan: 'IX', pangkat: null });
  });

  it.each([
    { nip: '19860926201505100', message: 'NIP harus 18 digit angka' },
    { nip: '198609312015051001', message: 'Tanggal lahir dalam NIP tidak valid' },
    { nip: '198609262015131001', message: 'Bulan TMT CPNS dalam NIP harus 01–12' },
    { nip: '198609262015053001', message: 'Digit jenis kelamin NIP harus 1 atau 2' },
  ])('refuses the malformed NIP $nip', async ({ nip, message }) => {
    const response = await postEmployee(bkpsdm, { nip, jenisAsn: 'PNS', name: 'Salah', unitId: null });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message, details: [{ field: 'nip', message }] });
  });

  it('refuses a duplicate NIP and an unknown golongan, writing nothing', async () => {
    const existing = await createEmployeeFixture(t.handle.db, t.clock);
    const duplicate = await postEmployee(bkpsdm, { nip: existing.nip, jenisAsn: 'PNS', name: 'Kembar', unitId: null });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'CONFLICT', message: `NIP ${existing.nip} sudah terdaftar` });
    const badGolongan = await postEmployee(bkpsdm, { nip: makeNip(), jenisAsn: 'PNS', name: 'Golongan Salah', golongan: 'IX', unitId: null });
    expect(badGolongan.statusCode).toBe(400);
    expect(badGolongan.json().error.message).toBe('Golongan IX tidak dikenal untuk PNS');
    const all = (await bkpsdm.inject({ method: 'GET', url: '/api/employees' })).json<EmployeePage>();
    expect(all.total).toBe(1);
  });

  it('searches by name or NIP fragment, filters and pages', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const other = await createUnitFixture(t.handle.db, t.clock);
    await createEmployeeFixture(t.handle.db, t.clock, { name: 'Bambang Sutrisno', unitId: other.id });
    const pppk = await createEmployeeFixture(t.handle.db, t.clock, { name: 'Bambang Priyono', jenisAsn: 'PPPK', nip: makePppkNip(), unitId: opd.bidang.id });

    const byName = (await bkpsdm.inject({ method: 'GET', url: '/api/employees?q=bambang' })).json<EmployeePage>();
    expect(byName.items.map((employee) => employee.fullName)).toEqual(['Bambang Priyono', 'Bambang Sutrisno']);
    const byNip = (await bkpsdm.inject({ method: 'GET', url: `/api/employees?q=${pppk.nip.slice(4, 12)}` })).json<EmployeePage>();
    expect(byNip.items.map((employee) => employee.id)).toEqual([pppk.id]);
    const jenis = (await bkpsdm.inject({ method: 'GET', url: '/api/employees?jenisAsn=PPPK' })).json<EmployeePage>();
    expect(jenis.total).toBe(1);
    const inOpd = (await bkpsdm.inject({ method: 'GET', url: `/api/employees?unitId=${opd.unit.id}` })).json<EmployeePage>();
    expect(inOpd.total).toBe(1);
    const inOpdTree = (await bkpsdm.inject({ method: 'GET', url: `/api/employees?unitId=${opd.unit.id}&includeSubunits=true` })).json<EmployeePage>();
    expect(inOpdTree.total).toBe(4);
    const page = (await bkpsdm.inject({ method: 'GET', url: '/api/employees?pageSize=2&page=3' })).json<EmployeePage & { page: number }>();
    expect(page).toMatchObject({ total: 5, page: 3 });
    expect(page.items).toHaveLength(1);
  });

  it('shows the employee detail with positions, history and today’s superior', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const response = await bkpsdm.inject({ method: 'GET', url: `/api/employees/${opd.staff.id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<EmployeeBody & { assignments: { positionId: string }[]; superior: { via: string; superior: { employeeId: string } } }>();
    expect(body.unitId).toBe(opd.bidang.id);
    expect(body.positions).toEqual([expect.objectContaining({ positionId: opd.staffPosition.id, kind: 'definitif' })]);
    expect(body.assignments).toEqual([expect.objectContaining({ positionId: opd.staffPosition.id })]);
    expect(body.superior).toMatchObject({ date: '2026-03-02', via: 'definitif', superior: { employeeId: opd.bidangHead.id } });
  });

  it('edits personal data without touching omitted fields', async () => {
    const employee = await createEmployeeFixture(t.handle.db, t.clock, { status: 'tugas_belajar' });
    const response = await bkpsdm.inject({ method: 'PATCH', url: `/api/employees/${employee.id}`, payload: { gelarBelakang: 'S.H.', golongan: 'III/b' } });
    expect(response.statusCode).toBe(200);
    expect(response.json<EmployeeBody>()).toMatchObject({ fullName: `${employee.name}, S.H.`, golongan: 'III/b', pangkat: 'Penata Muda Tk. I', status: 'tugas_belajar' });
  });

  it('deactivates an employee only after their assignment ended, and records it', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const refused = await bkpsdm.inject({ method: 'POST', url: `/api/employees/${opd.staff.id}/deactivate` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('masih memegang jabatan');
    const ended = await bkpsdm.inject({ method: 'PATCH', url: `/api/assignments/${opd.staff.assignmentId}`, payload: { endDate: '2026-03-01' } });
    expect(ended.statusCode).toBe(200);
    const done = await bkpsdm.inject({ method: 'POST', url: `/api/employees/${opd.staff.id}/deactivate` });
    expect(done.statusCode).toBe(200);
    expect(done.json<EmployeeBody>().isActive).toBe(false);
    const trail = (await bkpsdm.inject({ method: 'GET', url: `/api/audit?entityType=employee&entityId=${opd.staff.id}&action=deactivate` })).json<{
      items: { before: { isActive: boolean }; after: { isActive: boolean } }[];
    }>();
    expect(trail.items).toEqual([expect.objectContaining({ before: expect.objectContaining({ isActive: true }), after: expect.objectContaining({ isActive: false }) })]);
  });

  describe('who may see and change whom', () => {
    it('keeps an admin OPD inside their OPD: 404 on reads, 403 on writes elsewhere', async () => {
      const own = await createOpdFixture(t.handle.db, t.clock);
      const other = await createOpdFixture(t.handle.db, t.clock);
      const account = await createAccount(t.handle.db, t.clock, { username: 'admin-opd', roles: [{ role: 'admin_opd', unitId: own.unit.id }] });
      const admin = await loginAs(t.app, account.login, account.password);

      const list = (await admin.inject({ method: 'GET', url: '/api/employees' })).json<EmployeePage>();
      expect(list.items.map((employee) => employee.id).sort()).toEqual([own.head.id, own.bidangHead.id, own.staff.id].sort());
      expect((await admin.inject({ method: 'GET', url: `/api/employees/${own.staff.id}` })).statusCode).toBe(200);
      for (const path of ['', '/superior', '/subordinates', '/assignments', '/superior-overrides']) {
        expect((await admin.inject({ method: 'GET', url: `/api/employees/${other.staff.id}${path}` })).statusCode).toBe(404);
      }
      expect((await admin.inject({ method: 'PATCH', url: `/api/employees/${other.staff.id}`, payload: { phone: '0812' } })).statusCode).toBe(403);
      expect((await admin.inject({ method: 'POST', url: `/api/employees/${other.staff.id}/deactivate` })).statusCode).toBe(403);
      expect((await postEmployee(admin, { nip: makeNip(), jenisAsn: 'PNS', name: 'Titipan', unitId: other.unit.id })).statusCode).toBe(403);
      expect((await admin.inject({ method: 'PATCH', url: `/api/employees/${own.staff.id}`, payload: { unitId: other.unit.id } })).statusCode).toBe(403);
      const hired = await postEmployee(admin, { nip: makeNip(), jenisAsn: 'PNS', name: 'Pegawai Baru', unitId: own.bidang.id });
      expect(hired.statusCode).toBe(201);
    });

    it('lets a pegawai see only themselves and an atasan their direct subordinates', async () => {
      const opd = await createOpdFixture(t.handle.db, t.clock);
      const colleague = await createEmployeeFixture(t.handle.db, t.clock, { positionId: opd.staffPosition.id });
      const staffAccount = await createAccount(t.handle.db, t.clock, { employeeId: opd.staff.id });
      const staff = await loginAs(t.app, staffAccount.login, staffAccount.password);
      const own = await staff.inject({ method: 'GET', url: `/api/employees/${opd.staff.id}` });
      expect(own.statusCode).toBe(200);
      expect(own.json<EmployeeBody>().hasAccount).toBe(true);
      expect((await staff.inject({ method: 'GET', url: `/api/employees/${opd.staff.id}/superior` })).statusCode).toBe(200);
      expect((await staff.inject({ method: 'GET', url: `/api/employees/${colleague.id}` })).statusCode).toBe(404);
      expect((await staff.inject({ method: 'GET', url: `/api/employees/${opd.bidangHead.id}` })).statusCode).toBe(404);
      expect((await staff.inject({ method: 'GET', url: '/api/employees' })).statusCode).toBe(403);
      expect((await staff.inject({ method: 'PATCH', url: `/api/employees/${opd.staff.id}`, payload: { phone: '0812' } })).statusCode).toBe(403);

      const bossAccount = await createAccount(t.handle.db, t.clock, { employeeId: opd.bidangHead.id });
      const boss = await loginAs(t.app, bossAccount.login, bossAccount.password);
      expect(boss.me.roles).toContain('atasan');
      const team = (await boss.inject({ method: 'GET', url: '/api/employees' })).json<EmployeePage>();
      expect(team.items.map((employee) => employee.id).sort()).toEqual([opd.bidangHead.id, opd.staff.id, colleague.id].sort());
      expect((await boss.inject({ method: 'GET', url: `/api/employees/${colleague.id}` })).statusCode).toBe(200);
      expect((await boss.inject({ method: 'GET', url: `/api/employees/${opd.head.id}` })).statusCode).toBe(404);
      expect((await boss.inject({ method: 'POST', url: `/api/employees/${opd.staff.id}/deactivate` })).statusCode).toBe(403);
    });

    it('lets pimpinan and auditors read everyone but change nothing', async () => {
      const opd = await createOpdFixture(t.handle.db, t.clock);
      for (const role of ['pimpinan', 'auditor'] as const) {
        const account = await createAccount(t.handle.db, t.clock, { username: `pembaca-${role}`, roles: [{ role }] });
        const reader = await loginAs(t.app, account.login, account.password);
        expect((await reader.inject({ method: 'GET', url: `/api/employees/${opd.staff.id}` })).statusCode).toBe(200);
        expect((await reader.inject({ method: 'GET', url: '/api/employees' })).json<EmployeePage>().total).toBe(3);
        expect((await postEmployee(reader, { nip: makeNip(), jenisAsn: 'PNS', name: 'X', unitId: null })).statusCode).toBe(403);
      }
    });
  });

  it('serves the reference lists with Indonesian labels', async () => {
    const response = await bkpsdm.inject({ method: 'GET', url: '/api/reference' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ golongan: { code: string; pangkat: string | null }[]; jenisJabatan: { value: string; label: string }[] }>();
    expect(body.golongan).toContainEqual({ code: 'IV/e', pangkat: 'Pembina Utama', jenisAsn: 'PNS' });
    expect(body.golongan).toContainEqual({ code: 'XVII', pangkat: null, jenisAsn: 'PPPK' });
    expect(body.jenisJabatan).toContainEqual({ value: 'jpt_pratama', label: 'JPT Pratama' });
  });
});
