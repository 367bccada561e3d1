import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, employees, positions } from '../../src/server/db/schema';
import { DEMO_PASSWORD } from '../../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../../src/server/modules/demo/demo-people';
import { seedDemoRegency } from '../../src/server/modules/demo/seed-demo-regency';
import { DEMO_KEPALA_DAERAH } from '../../src/server/modules/skp/skp-demo-assessors';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

/**
 * The demo regency after SKP gap 1: the Sekda, alone at the top of the tree, is assessed by the
 * (fictional) regent, so every demo employee has a pejabat penilai and every SKP can be approved.
 */
interface Skp {
  id: string;
  status: string;
  assessor: { kind: string | null; employeeId: string | null; name: string | null; positionName: string | null };
  assessorSuperior: { kind: string | null; name: string | null };
  decidedOnBehalf: { officialName: string } | null;
}

describe('demo regency: a pejabat penilai for everyone', () => {
  let t: TestApp;
  let admin: Session;
  let sekda: Session;
  let kepalaDinas: Session;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    await seedDemoRegency(t.handle.db, t.clock);
    const [top] = await t.handle.db
      .select({ nip: employees.nip })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .innerJoin(employees, eq(employees.id, assignments.employeeId))
      .where(isNull(positions.superiorPositionId));
    admin = await loginAs(t.app, 'admin.bkpsdm', DEMO_PASSWORD);
    sekda = await loginAs(t.app, top?.nip ?? 'missing', DEMO_PASSWORD);
    kepalaDinas = await loginAs(t.app, DEMO_PEOPLE.kepalaDinasKesehatan.nip, DEMO_PASSWORD);
  }, 180_000);
  afterAll(async () => t.close());

  const ok = async <T>(response: Promise<{ statusCode: number; body: string; json: <U>() => U }>, status = 200): Promise<T> => {
    const result = await response;
    expect(result.statusCode, result.body).toBe(status);
    return result.json<T>();
  };
  const rhk = { kind: 'utama', text: 'Meningkatnya kinerja penyelenggaraan pemerintahan daerah', perspective: 'penerima_layanan', supportedAgreementText: 'Perjanjian kinerja 2026', indicators: [{ aspect: 'kuantitas', text: 'Dokumen', targetValue: 4, targetUnit: 'dokumen' }] };

  it('has no active employee without a pejabat penilai: the regent is designated for the Sekda', async () => {
    const without = await ok<{ items: unknown[] }>(admin.inject({ method: 'GET', url: '/api/skp/without-assessor' }));
    expect(without.items).toEqual([]);
    const designations = await ok<{ items: { kind: string; positionName: string; officialName: string; isInForce: boolean }[] }>(admin.inject({ method: 'GET', url: '/api/skp/assessor-designations' }));
    expect(designations.items).toEqual([expect.objectContaining({ kind: 'kepala_daerah', positionName: 'Sekretaris Daerah', officialName: DEMO_KEPALA_DAERAH.officialName, isInForce: true })]);
  });

  it('the Sekda’s SKP is approved by BKPSDM for the regent, the kepala dinas’s by the Sekda', async () => {
    const sekdaSkp = await ok<Skp>(sekda.inject({ method: 'POST', url: '/api/skp', payload: { year: 2026 } }), 201);
    expect(sekdaSkp.assessor).toMatchObject({ kind: 'kepala_daerah', employeeId: null, name: DEMO_KEPALA_DAERAH.officialName, positionName: DEMO_KEPALA_DAERAH.officialTitle });
    await ok(sekda.inject({ method: 'POST', url: `/api/skp/${sekdaSkp.id}/rhk`, payload: rhk }), 201);
    await ok(sekda.inject({ method: 'POST', url: `/api/skp/${sekdaSkp.id}/submit` }));
    const approved = await ok<Skp>(admin.inject({ method: 'POST', url: `/api/skp/${sekdaSkp.id}/approve`, payload: { note: null, onBehalfReason: 'Disposisi Bupati Contoh 2026' } }));
    expect(approved).toMatchObject({ status: 'approved', decidedOnBehalf: { officialName: `${DEMO_KEPALA_DAERAH.officialName} (${DEMO_KEPALA_DAERAH.officialTitle})` } });

    const headSkp = await ok<Skp>(kepalaDinas.inject({ method: 'POST', url: '/api/skp', payload: { year: 2026 } }), 201);
    expect(headSkp).toMatchObject({ assessor: { kind: 'superior', positionName: 'Sekretaris Daerah' }, assessorSuperior: { kind: 'kepala_daerah', name: DEMO_KEPALA_DAERAH.officialName } });
    await ok(kepalaDinas.inject({ method: 'POST', url: `/api/skp/${headSkp.id}/rhk`, payload: rhk }), 201);
    await ok(kepalaDinas.inject({ method: 'POST', url: `/api/skp/${headSkp.id}/submit` }));
    expect((await ok<Skp>(sekda.inject({ method: 'POST', url: `/api/skp/${headSkp.id}/approve`, payload: { note: null } }))).status).toBe('approved');
  });
});
