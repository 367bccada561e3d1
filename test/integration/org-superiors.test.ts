import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDirectSuperior, findSubordinates } from '../../src/server/modules/org';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface SuperiorBody {
  date: string;
  superior: { employeeId: string; positionId: string | null; positionName: string | null; fullName: string } | null;
  via: string;
  skippedVacantPositions: { id: string; name: string }[];
}

describe('assignments, superiors and overrides', () => {
  let t: TestApp;
  let bkpsdm: Session;
  let opd: OpdFixture;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await createAccount(t.handle.db, t.clock, { username: 'bkpsdm', roles: [{ role: 'admin_bkpsdm' }] });
    bkpsdm = await loginAs(t.app, account.login, account.password);
    opd = await createOpdFixture(t.handle.db, t.clock);
  });
  afterEach(async () => t.close());

  const assign = (payload: Record<string, unknown>) => bkpsdm.inject({ method: 'POST', url: '/api/assignments', payload });
  const superiorOf = async (employeeId: string, date?: string) =>
    (await bkpsdm.inject({ method: 'GET', url: `/api/employees/${employeeId}/superior${date ? `?date=${date}` : ''}` })).json<SuperiorBody>();
  const override = (payload: Record<string, unknown>) => bkpsdm.inject({ method: 'POST', url: '/api/superior-overrides', payload });

  describe('assignment rules', () => {
    it('refuses assigning an employee twice to one position at once', async () => {
      const response = await assign({ employeeId: opd.staff.id, positionId: opd.staffPosition.id, kind: 'plh', startDate: '2026-03-01', endDate: '2026-03-10' });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toContain('tumpang tindih');
    });

    it('refuses a second definitif holder of a structural position, but not of a shared one', async () => {
      const newcomer = await createEmployeeFixture(t.handle.db, t.clock);
      const seat = await assign({ employeeId: newcomer.id, positionId: opd.bidangHeadPosition.id, kind: 'definitif', startDate: '2026-03-01' });
      expect(seat.statusCode).toBe(409);
      expect(seat.json().error.message).toContain('sudah dipegang secara definitif oleh');
      const shared = await assign({ employeeId: newcomer.id, positionId: opd.staffPosition.id, kind: 'definitif', startDate: '2026-03-01' });
      expect(shared.statusCode).toBe(201);
    });

    it('refuses a second definitif position at the same time, and dates in the wrong order', async () => {
      const second = await assign({ employeeId: opd.staff.id, positionId: opd.bidangHeadPosition.id, kind: 'definitif', startDate: '2026-01-01' });
      expect(second.statusCode).toBe(409);
      const reversed = await assign({ employeeId: opd.staff.id, positionId: opd.headPosition.id, kind: 'plt', startDate: '2026-03-10', endDate: '2026-03-01' });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.message).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai');
    });

    it('moves the employee to the unit of a new definitif position, and records it', async () => {
      const other = await createOpdFixture(t.handle.db, t.clock);
      const ended = await bkpsdm.inject({ method: 'PATCH', url: `/api/assignments/${opd.staff.assignmentId}`, payload: { endDate: '2026-02-28', decreeNumber: 'SK-1/2026' } });
      expect(ended.json()).toMatchObject({ endDate: '2026-02-28', decreeNumber: 'SK-1/2026' });
      const moved = await assign({ employeeId: opd.staff.id, positionId: other.staffPosition.id, kind: 'definitif', startDate: '2026-03-01', decreeNumber: 'SK-2/2026' });
      expect(moved.statusCode).toBe(201);
      expect(moved.json()).toMatchObject({ kind: 'definitif', unitId: other.bidang.id, startDate: '2026-03-01', endDate: null });
      const employee = (await bkpsdm.inject({ method: 'GET', url: `/api/employees/${opd.staff.id}` })).json<{ unitId: string; assignments: unknown[] }>();
      expect(employee.unitId).toBe(other.bidang.id);
      expect(employee.assignments).toHaveLength(2);
      const trail = (await bkpsdm.inject({ method: 'GET', url: `/api/audit?entityType=assignment&entityId=${opd.staff.assignmentId}` })).json<{ items: { action: string; before: unknown; after: unknown }[] }>();
      expect(trail.items[0]).toMatchObject({ action: 'update', before: { endDate: null }, after: { endDate: '2026-02-28' } });
    });

    it('does not let an admin OPD assign into another OPD', async () => {
      const other = await createOpdFixture(t.handle.db, t.clock);
      const account = await createAccount(t.handle.db, t.clock, { username: 'admin-opd', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
      const admin = await loginAs(t.app, account.login, account.password);
      const outward = await admin.inject({ method: 'POST', url: '/api/assignments', payload: { employeeId: opd.staff.id, positionId: other.staffPosition.id, kind: 'plt', startDate: '2026-03-01' } });
      expect(outward.statusCode).toBe(403);
      const inward = await admin.inject({ method: 'POST', url: '/api/assignments', payload: { employeeId: other.staff.id, positionId: opd.staffPosition.id, kind: 'plt', startDate: '2026-03-01' } });
      expect(inward.statusCode).toBe(403);
      expect((await admin.inject({ method: 'PATCH', url: `/api/assignments/${other.staff.assignmentId}`, payload: { endDate: '2026-03-01' } })).statusCode).toBe(403);
    });
  });

  describe('direct superior', () => {
    it('follows the position tree, skipping a vacancy and preferring a Plt', async () => {
      expect(await superiorOf(opd.staff.id)).toMatchObject({ date: '2026-03-02', via: 'definitif', superior: { employeeId: opd.bidangHead.id, positionId: opd.bidangHeadPosition.id }, skippedVacantPositions: [] });

      // The bidang head retires at the end of February: the seat is vacant from March.
      await bkpsdm.inject({ method: 'PATCH', url: `/api/assignments/${opd.bidangHead.assignmentId}`, payload: { endDate: '2026-02-28' } });
      expect(await superiorOf(opd.staff.id)).toMatchObject({
        via: 'definitif',
        superior: { employeeId: opd.head.id },
        skippedVacantPositions: [{ id: opd.bidangHeadPosition.id, name: opd.bidangHeadPosition.name }],
      });
      // History does not change: on a February date the old head is still the superior.
      expect(await superiorOf(opd.staff.id, '2026-02-15')).toMatchObject({ superior: { employeeId: opd.bidangHead.id }, skippedVacantPositions: [] });

      const acting = await createEmployeeFixture(t.handle.db, t.clock, { positionId: opd.headPosition.id, assignmentKind: 'plh', startDate: '2026-03-01' });
      expect((await superiorOf(opd.staff.id)).superior?.employeeId).toBe(opd.head.id);
      const plt = await createEmployeeFixture(t.handle.db, t.clock, { positionId: opd.bidangHeadPosition.id, assignmentKind: 'plt', startDate: '2026-03-01' });
      expect(await superiorOf(opd.staff.id)).toMatchObject({ via: 'plt', superior: { employeeId: plt.id }, skippedVacantPositions: [] });
      expect(acting.id).not.toBe(plt.id);
    });

    it('never makes an employee their own superior when they act in the position above', async () => {
      await bkpsdm.inject({ method: 'PATCH', url: `/api/assignments/${opd.head.assignmentId}`, payload: { endDate: '2026-02-28' } });
      const plt = await assign({ employeeId: opd.bidangHead.id, positionId: opd.headPosition.id, kind: 'plt', startDate: '2026-03-01' });
      expect(plt.statusCode).toBe(201);
      expect(await superiorOf(opd.bidangHead.id)).toMatchObject({ superior: null, via: 'none' });
      expect((await superiorOf(opd.staff.id)).superior?.employeeId).toBe(opd.bidangHead.id);
    });

    it('lets an override win for its period, and ends it', async () => {
      const response = await override({ employeeId: opd.staff.id, superiorEmployeeId: opd.head.id, startDate: '2026-03-01', endDate: null, reason: 'Kepala bidang cuti besar' });
      expect(response.statusCode).toBe(201);
      const created = response.json<{ id: string; superiorName: string }>();
      expect(await superiorOf(opd.staff.id)).toMatchObject({ via: 'override', superior: { employeeId: opd.head.id, positionId: opd.headPosition.id } });
      expect((await superiorOf(opd.staff.id, '2026-02-27')).via).toBe('definitif');

      const overlapping = await override({ employeeId: opd.staff.id, superiorEmployeeId: opd.bidangHead.id, startDate: '2026-04-01', endDate: null, reason: 'Tumpang tindih' });
      expect(overlapping.statusCode).toBe(409);

      const tooEarly = await bkpsdm.inject({ method: 'POST', url: `/api/superior-overrides/${created.id}/end`, payload: { endDate: '2026-02-01' } });
      expect(tooEarly.statusCode).toBe(400);
      const ended = await bkpsdm.inject({ method: 'POST', url: `/api/superior-overrides/${created.id}/end`, payload: { endDate: '2026-03-01' } });
      expect(ended.json()).toMatchObject({ endDate: '2026-03-01', superiorName: created.superiorName });
      expect(await superiorOf(opd.staff.id)).toMatchObject({ via: 'definitif', superior: { employeeId: opd.bidangHead.id } });
      const history = (await bkpsdm.inject({ method: 'GET', url: `/api/employees/${opd.staff.id}/superior-overrides` })).json<{ items: unknown[] }>();
      expect(history.items).toHaveLength(1);
    });

    it('refuses an override that closes a superior loop', async () => {
      const loop = await override({ employeeId: opd.head.id, superiorEmployeeId: opd.staff.id, startDate: '2026-03-01', endDate: null, reason: 'Uji lingkaran' });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().error.message).toContain('membentuk lingkaran atasan');
      expect((await superiorOf(opd.head.id)).via).toBe('none');
      const self = await override({ employeeId: opd.staff.id, superiorEmployeeId: opd.staff.id, startDate: '2026-03-01', endDate: null, reason: 'Diri sendiri' });
      expect(self.statusCode).toBe(400);
    });

    it('lists direct subordinates, through vacancies and overrides', async () => {
      const peer = await createPositionFixture(t.handle.db, t.clock, { unitId: opd.unit.id, superiorPositionId: opd.headPosition.id });
      const peerHolder = await createEmployeeFixture(t.handle.db, t.clock, { positionId: peer.id });
      const list = async (employeeId: string) =>
        (await bkpsdm.inject({ method: 'GET', url: `/api/employees/${employeeId}/subordinates` })).json<{ items: { employeeId: string; via: string }[] }>().items;
      expect((await list(opd.head.id)).map((item) => item.employeeId).sort()).toEqual([opd.bidangHead.id, peerHolder.id].sort());

      await bkpsdm.inject({ method: 'PATCH', url: `/api/assignments/${opd.bidangHead.assignmentId}`, payload: { endDate: '2026-02-28' } });
      expect((await list(opd.head.id)).map((item) => item.employeeId).sort()).toEqual([opd.staff.id, peerHolder.id].sort());

      await override({ employeeId: peerHolder.id, superiorEmployeeId: opd.bidangHead.id, startDate: '2026-03-01', endDate: null, reason: 'Pembinaan' });
      expect(await list(opd.bidangHead.id)).toEqual([expect.objectContaining({ employeeId: peerHolder.id, via: 'override' })]);
      expect((await list(opd.head.id)).map((item) => item.employeeId)).toEqual([opd.staff.id]);
    });

    it('answers the same through the service functions other modules call', async () => {
      const superior = await findDirectSuperior(t.handle.db, opd.bidangHead.id, '2026-03-02');
      expect(superior).toMatchObject({ via: 'definitif', superior: { employeeId: opd.head.id, nip: opd.head.nip } });
      const subordinates = await findSubordinates(t.handle.db, opd.bidangHead.id, '2026-03-02');
      expect(subordinates.items).toEqual([expect.objectContaining({ employeeId: opd.staff.id, positionName: opd.staffPosition.name, via: 'definitif' })]);
      // Before anyone was appointed (fixtures start 2025-01-01) there is no superior at all.
      expect((await findDirectSuperior(t.handle.db, opd.staff.id, '2024-12-31')).via).toBe('none');
    });
  });
});
