import type { AssessorDesignationBody, AssessorDesignationView, WithoutAssessorList } from '../../../contracts/skp-assessors';
import { createSuperiorResolver } from '../../../domain/org/hierarchy';
import { describePeriod, doPeriodsOverlap, isActiveOn } from '../../../domain/org/periods';
import { checkDesignationShape, DESIGNATION_PROBLEM_MESSAGES } from '../../../domain/skp/assessor';
import type { AssessorDesignationKind } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { regionToday, requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { loadSuperiorData } from '../org';
import { findPositionRefsOnDate } from '../org/assignments.repository';
import { findEmployeeRow, findEmployeeSummaries } from '../org/employees.repository';
import { findDesignatedAssessor } from './skp-assessor';
import {
  findActiveEmployeeRefs,
  findDesignationListRows,
  findDesignationRow,
  findDesignationsOfPosition,
  findPositionRow,
  insertDesignation,
  updateDesignation,
  type DesignationRow,
} from './skp-assessor-designations.repository';

const ENTITY = 'skp_assessor_designation';

const auditDesignation = (row: DesignationRow) => ({
  positionId: row.positionId,
  kind: row.kind,
  assessorEmployeeId: row.assessorEmployeeId,
  officialName: row.officialName,
  officialTitle: row.officialTitle,
  startDate: row.startDate,
  endDate: row.endDate,
  reason: row.reason,
});

/** Every designation, in force or ended (the history of who assessed the top of the tree). */
export async function listAssessorDesignations(executor: Executor, ctx: RequestContext): Promise<{ items: AssessorDesignationView[] }> {
  requireActor(ctx);
  const today = regionToday(ctx);
  const rows = await findDesignationListRows(executor);
  const people = await findEmployeeSummaries(executor, rows.map((row) => row.designation.assessorEmployeeId).filter((id): id is string => id !== null));
  return {
    items: rows.map(({ designation, positionName, unitName, createdByName }) => {
      const person = designation.assessorEmployeeId ? people.get(designation.assessorEmployeeId) : undefined;
      return {
        id: designation.id,
        positionId: designation.positionId,
        positionName,
        unitName,
        kind: designation.kind as AssessorDesignationKind,
        assessor: person && designation.assessorEmployeeId ? { employeeId: designation.assessorEmployeeId, name: person.fullName, nip: person.nip } : null,
        officialName: designation.officialName,
        officialTitle: designation.officialTitle,
        startDate: designation.startDate,
        endDate: designation.endDate,
        reason: designation.reason,
        createdByName,
        isInForce: isActiveOn(designation, today),
      };
    }),
  };
}

/**
 * BKPSDM names the pejabat penilai for holders of a position who have no superior of record: an
 * active employee, or the kepala daerah by name and title. One designation per position at a time.
 * SKPs already approved keep their snapshot; plans still open pick it up when submitted.
 */
export async function createAssessorDesignation(executor: Executor, ctx: RequestContext, body: AssessorDesignationBody): Promise<{ id: string }> {
  const position = await findPositionRow(executor, body.positionId);
  if (!position) throw invalid('Jabatan tidak ditemukan', { field: 'positionId' });
  if (!position.isActive) throw invalid('Jabatan ini sudah nonaktif', { field: 'positionId' });
  const problem = checkDesignationShape(body);
  if (problem) throw invalid(DESIGNATION_PROBLEM_MESSAGES[problem], { field: problem === 'official_missing' ? 'officialName' : 'assessorEmployeeId' });
  if (body.endDate !== null && body.endDate < body.startDate) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  if (body.assessorEmployeeId) {
    const assessor = await findEmployeeRow(executor, body.assessorEmployeeId);
    if (!assessor) throw invalid('Pegawai yang ditetapkan tidak ditemukan', { field: 'assessorEmployeeId' });
    if (!assessor.isActive) throw invalid('Pegawai yang ditetapkan sudah nonaktif', { field: 'assessorEmployeeId' });
    const theirPositions = await findPositionRefsOnDate(executor, [assessor.id], body.startDate);
    if (theirPositions.some((ref) => ref.positionId === body.positionId)) {
      throw invalid('Pemegang jabatan ini tidak dapat menjadi pejabat penilai atas jabatannya sendiri', { field: 'assessorEmployeeId' });
    }
  }
  const overlapping = (await findDesignationsOfPosition(executor, body.positionId)).find((row) => doPeriodsOverlap(row, body));
  if (overlapping) throw conflict(`Jabatan ini sudah memiliki pejabat penilai yang ditetapkan pada periode yang tumpang tindih (${describePeriod(overlapping)})`, { designationId: overlapping.id });
  const now = ctx.clock.now();
  const row = await insertDesignation(executor, { ...body, createdByUserId: ctx.actor?.userId ?? null, createdAt: now, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'create', entityType: ENTITY, entityId: row.id, after: auditDesignation(row), scopeUnitId: position.unitId });
  return { id: row.id };
}

/** Ends a designation on `endDate` (inclusive); only brings the end forward, a change of assessor is a new designation. */
export async function endAssessorDesignation(executor: Executor, ctx: RequestContext, id: string, endDate: string): Promise<{ id: string }> {
  const before = await findDesignationRow(executor, id, { lock: true });
  if (!before) throw notFound('Penetapan pejabat penilai');
  if (endDate < before.startDate) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  if (before.endDate !== null && endDate > before.endDate) throw conflict(`Penetapan ini sudah berakhir ${before.endDate}; untuk memperpanjang buat penetapan baru`);
  const after = await updateDesignation(executor, id, { endDate, updatedAt: ctx.clock.now() });
  const position = await findPositionRow(executor, after.positionId);
  await recordAudit(executor, ctx, { action: 'end', entityType: ENTITY, entityId: id, before: auditDesignation(before), after: auditDesignation(after), scopeUnitId: position?.unitId ?? null });
  return { id };
}

/**
 * Active employees who have no pejabat penilai on `date`: no superior of record and no designation
 * up their position chain. Their SKP cannot be approved until BKPSDM designates one. The superior
 * rule runs once for everyone (a few queries for the whole regency), designations only for the rest.
 */
export async function listEmployeesWithoutAssessor(executor: Executor, ctx: RequestContext, date: string | undefined): Promise<WithoutAssessorList> {
  requireActor(ctx);
  const on = date ?? regionToday(ctx);
  const people = await findActiveEmployeeRefs(executor);
  const resolve = createSuperiorResolver(await loadSuperiorData(executor, people.map((person) => person.id), on), on);
  const withoutSuperior = people.filter((person) => resolve(person.id).superiorEmployeeId === null);
  const refs = await findPositionRefsOnDate(executor, withoutSuperior.map((person) => person.id), on);
  const items: WithoutAssessorList['items'] = [];
  for (const person of withoutSuperior) {
    if (await findDesignatedAssessor(executor, person.id, on)) continue;
    const position = refs.find((ref) => ref.employeeId === person.id);
    items.push({ employeeId: person.id, nip: person.nip, name: person.fullName, positionId: position?.positionId ?? null, positionName: position?.positionName ?? null, unitName: person.unitName });
  }
  return { date: on, items };
}
