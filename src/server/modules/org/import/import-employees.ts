import { assignmentKinds, createAssignmentRequest, createEmployeeRequest, employeeStatuses, jenisAsnValues } from '../../../../contracts/org';
import { normalizeGolongan } from '../../../../domain/org/golongan';
import type { Executor } from '../../../db/client';
import { canManageUnit } from '../../../platform/actor';
import { findEmployeeByNip } from '../employees.repository';
import { createAssignment, createEmployee, findPositionIdByCode, findUnitIdByCode, updateAssignment, updateEmployee } from '../index';
import type { ImportRecord, ImportRowError } from './import-columns';
import { failRow, pickChanges, runRow, type ImportRun, type RowOutcome } from './import-run';
import { findDefinitifAssignmentsReplacedOn, hasAssignmentOn } from './import.repository';
import { RowFailure, rowFailure, toRowErrors, zodIssuesToRowErrors } from './row-errors';
import { RowReader } from './row-reader';

const columnByField = {
  nip: 'nip',
  jenisAsn: 'jenis_asn',
  name: 'nama',
  gelarDepan: 'gelar_depan',
  gelarBelakang: 'gelar_belakang',
  golongan: 'golongan',
  status: 'status',
  unitId: 'kode_unit',
  email: 'email',
  phone: 'telepon',
  positionId: 'kode_jabatan',
  kind: 'jenis_penugasan',
  startDate: 'tmt_jabatan',
  employeeId: 'nip',
} as const;

interface AssignmentPlan {
  positionCode: string;
  kind: (typeof assignmentKinds)[number];
  startDate: string;
}

interface EmployeePlan {
  rowNumber: number;
  nip: string;
  jenisAsn: (typeof jenisAsnValues)[number] | undefined;
  name: string | undefined;
  gelarDepan: string | null | undefined;
  gelarBelakang: string | null | undefined;
  golongan: string | null | undefined;
  status: (typeof employeeStatuses)[number] | null | undefined;
  unitCode: string | null | undefined;
  email: string | null | undefined;
  phone: string | null | undefined;
  /** null: the row does not touch assignments. */
  assignment: AssignmentPlan | null;
}

function planAssignment(reader: RowReader): AssignmentPlan | null {
  const positionCode = reader.text('kode_jabatan');
  const kind = reader.choice('jenis_penugasan', assignmentKinds);
  const startDate = reader.date('tmt_jabatan');
  if (!positionCode) {
    if (kind || startDate) reader.fail('kode_jabatan', 'Kode jabatan wajib diisi bila jenis_penugasan atau tmt_jabatan diisi');
    return null;
  }
  if (startDate === null || (startDate === undefined && !reader.errors.some((error) => error.column === 'tmt_jabatan'))) {
    reader.fail('tmt_jabatan', 'TMT jabatan wajib diisi bila kode_jabatan diisi');
  }
  return startDate ? { positionCode, kind: kind ?? 'definitif', startDate } : null;
}

function planEmployee(run: ImportRun, record: ImportRecord): EmployeePlan | null {
  const reader = new RowReader(record);
  // NIPs are often typed in groups ("19860926 201505 1 001"); the digits are what counts.
  const nip = reader.required('nip', reader.text('nip')?.replace(/\s+/g, ''));
  const plan = {
    rowNumber: record.rowNumber,
    jenisAsn: reader.required('jenis_asn', reader.choice('jenis_asn', jenisAsnValues)),
    name: reader.required('nama', reader.text('nama')),
    gelarDepan: reader.text('gelar_depan'),
    gelarBelakang: reader.text('gelar_belakang'),
    golongan: reader.text('golongan'),
    status: reader.choice('status', employeeStatuses),
    unitCode: reader.text('kode_unit'),
    email: reader.text('email'),
    phone: reader.text('telepon'),
    assignment: planAssignment(reader),
  };
  failRow(run, reader.errors);
  return nip && reader.errors.length === 0 ? { ...plan, nip } : null;
}

/** The calendar day before a `YYYY-MM-DD` date (UTC arithmetic: calendar dates carry no zone). */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Puts the employee in the position from `startDate`, unless they already hold it then (a
 * re-imported export repeats assignments in force). A new definitif position ends the previous
 * definitif one the day before, as a transfer (mutasi) does. Returns whether anything was written.
 */
async function writeAssignment(
  run: ImportRun,
  tx: Executor,
  rowNumber: number,
  input: { employeeId: string; positionId: string; kind: AssignmentPlan['kind']; startDate: string },
): Promise<boolean> {
  if (await hasAssignmentOn(tx, { ...input, date: input.startDate })) return false;
  const request = createAssignmentRequest.safeParse({ ...input, endDate: null });
  if (!request.success) throw new RowFailure(zodIssuesToRowErrors(request.error.issues, rowNumber, columnByField));
  try {
    if (input.kind === 'definitif') {
      for (const previous of await findDefinitifAssignmentsReplacedOn(tx, { ...input, date: input.startDate })) {
        await updateAssignment(tx, run.ctx, previous.id, { endDate: dayBefore(input.startDate) });
      }
    }
    await createAssignment(tx, run.ctx, request.data);
  } catch (error) {
    const rowErrors = toRowErrors(error, rowNumber, columnByField);
    if (!rowErrors) throw error;
    // Conflicts name no field; they are about the position given in this row.
    throw new RowFailure(rowErrors.map((rowError) => ({ ...rowError, column: rowError.column ?? 'kode_jabatan' })));
  }
  return true;
}

/** "iii/a" and "III/a" are the same golongan: compare canonical spellings; the service rejects unknown ones. */
function canonicalGolongan(jenisAsn: (typeof jenisAsnValues)[number] | undefined, value: string | null): string | null {
  return value && jenisAsn ? (normalizeGolongan(jenisAsn, value) ?? value) : value;
}

/** Fields an import may change on a stored employee (NIP and jenis ASN identify the person). */
const updatableFields = ['name', 'gelarDepan', 'gelarBelakang', 'golongan', 'status', 'unitId', 'email', 'phone'] as const;

/**
 * Unit and position ids by code. An employee import never changes units or positions, so each
 * code is looked up once per import instead of once per row.
 */
interface ReferenceCache {
  unitIdByCode: Map<string, string | null>;
  positionIdByCode: Map<string, string | null>;
}

async function cachedId(cache: Map<string, string | null>, code: string, find: () => Promise<string | null>): Promise<string | null> {
  if (!cache.has(code)) cache.set(code, await find());
  return cache.get(code) ?? null;
}

async function resolveReferences(tx: Executor, cache: ReferenceCache, plan: EmployeePlan) {
  const problems: ImportRowError[] = [];
  const unitCode = plan.unitCode;
  let unitId: string | null | undefined = unitCode === null ? null : undefined;
  if (unitCode) {
    unitId = await cachedId(cache.unitIdByCode, unitCode, () => findUnitIdByCode(tx, unitCode));
    if (!unitId) problems.push({ row: plan.rowNumber, column: 'kode_unit', message: `Unit dengan kode ${unitCode} tidak ditemukan` });
  }
  let positionId: string | null = null;
  const positionCode = plan.assignment?.positionCode;
  if (positionCode) {
    positionId = await cachedId(cache.positionIdByCode, positionCode, () => findPositionIdByCode(tx, positionCode));
    if (!positionId) problems.push({ row: plan.rowNumber, column: 'kode_jabatan', message: `Jabatan dengan kode ${positionCode} tidak ditemukan` });
  }
  if (problems.length) throw new RowFailure(problems);
  return { unitId, positionId };
}

async function writeEmployee(run: ImportRun, cache: ReferenceCache, plan: EmployeePlan, tx: Executor): Promise<{ outcome: RowOutcome }> {
  const { unitId, positionId } = await resolveReferences(tx, cache, plan);
  const stored = await findEmployeeByNip(tx, plan.nip);
  if (stored && run.ctx.actor && !canManageUnit(run.ctx.actor, stored.unitId)) {
    throw rowFailure(plan.rowNumber, 'nip', `Pegawai ${plan.nip} terdaftar di unit di luar kewenangan Anda`);
  }
  if (stored && plan.jenisAsn && stored.jenisAsn !== plan.jenisAsn) {
    throw rowFailure(plan.rowNumber, 'jenis_asn', `Jenis ASN pegawai ${plan.nip} tercatat ${stored.jenisAsn} dan tidak dapat diubah melalui impor`);
  }
  // Absent column: keep what is stored (or the default for a new employee); empty cell: clear it.
  const keep = <T>(value: T | undefined, storedValue: T | null | undefined) => (value === undefined ? (storedValue ?? null) : value);
  const desired = createEmployeeRequest.safeParse({
    nip: plan.nip,
    jenisAsn: plan.jenisAsn,
    name: plan.name,
    gelarDepan: keep(plan.gelarDepan, stored?.gelarDepan),
    gelarBelakang: keep(plan.gelarBelakang, stored?.gelarBelakang),
    golongan: canonicalGolongan(plan.jenisAsn ?? stored?.jenisAsn, keep(plan.golongan, stored?.golongan)),
    status: plan.status ?? stored?.status ?? undefined,
    unitId: keep(unitId, stored?.unitId),
    email: keep(plan.email, stored?.email),
    phone: keep(plan.phone, stored?.phone),
  });
  if (!desired.success) throw new RowFailure(zodIssuesToRowErrors(desired.error.issues, plan.rowNumber, columnByField));

  let outcome: RowOutcome;
  let employeeId: string;
  if (stored) {
    employeeId = stored.id;
    const changes = pickChanges(stored, desired.data, updatableFields);
    outcome = Object.keys(changes).length ? 'updated' : 'unchanged';
    if (outcome === 'updated') await updateEmployee(tx, run.ctx, stored.id, changes);
  } else {
    employeeId = (await createEmployee(tx, run.ctx, desired.data)).id;
    outcome = 'created';
  }

  if (plan.assignment && positionId) {
    const isNew = await writeAssignment(run, tx, plan.rowNumber, { employeeId, positionId, ...plan.assignment });
    if (isNew && outcome === 'unchanged') outcome = 'updated';
  }
  return { outcome };
}

/** Employees and, where a position is given, their assignment. Units and positions must already exist. */
export async function importEmployees(run: ImportRun): Promise<void> {
  const cache: ReferenceCache = { unitIdByCode: new Map(), positionIdByCode: new Map() };
  for (const record of run.records) {
    if (run.failedRows.has(record.rowNumber)) continue;
    const plan = planEmployee(run, record);
    if (!plan) continue;
    await runRow(run, plan.rowNumber, columnByField, (savepoint) => writeEmployee(run, cache, plan, savepoint));
  }
}
