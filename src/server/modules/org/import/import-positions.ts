import { createPositionRequest, jenisJabatanValues } from '../../../../contracts/org';
import type { Executor } from '../../../db/client';
import { canManageUnit } from '../../../platform/actor';
import { findPositionByCode } from '../positions.repository';
import { createPosition, findPositionIdByCode, findUnitIdByCode, updatePosition } from '../index';
import type { ImportRecord, ImportRowError } from './import-columns';
import { failRow, pickChanges, runRow, type ImportRun, type RowOutcome } from './import-run';
import { collectFailure, RowFailure, rowFailure, zodIssuesToRowErrors } from './row-errors';
import { RowReader } from './row-reader';
import { orderTreeRows, WrittenRows, type TreeRowPlan } from './self-references';

const columnByField = {
  code: 'kode',
  name: 'nama',
  jenis: 'jenis_jabatan',
  kelasJabatan: 'kelas_jabatan',
  unitId: 'kode_unit',
  superiorPositionId: 'kode_jabatan_atasan',
  isUnitHead: 'kepala_unit',
} as const;

interface PositionPlan extends TreeRowPlan {
  name: string | undefined;
  jenis: (typeof jenisJabatanValues)[number] | undefined;
  kelasJabatan: number | undefined;
  unitCode: string | undefined;
  isUnitHead: boolean | null | undefined;
}

function planPosition(run: ImportRun, record: ImportRecord): PositionPlan {
  const reader = new RowReader(record);
  const plan: PositionPlan = {
    rowNumber: record.rowNumber,
    key: reader.required('kode', reader.text('kode')) ?? null,
    name: reader.required('nama', reader.text('nama')),
    jenis: reader.required('jenis_jabatan', reader.choice('jenis_jabatan', jenisJabatanValues)),
    kelasJabatan: reader.required('kelas_jabatan', reader.integer('kelas_jabatan')),
    unitCode: reader.required('kode_unit', reader.text('kode_unit')),
    referenceKey: reader.text('kode_jabatan_atasan'),
    isUnitHead: reader.yesNo('kepala_unit'),
  };
  failRow(run, reader.errors);
  return plan;
}

async function writePosition(
  run: ImportRun,
  written: WrittenRows,
  plan: PositionPlan & { key: string; unitCode: string },
  tx: Executor,
): Promise<{ outcome: RowOutcome; id: string }> {
  const problems: ImportRowError[] = [];
  const unitId = await findUnitIdByCode(tx, plan.unitCode);
  if (!unitId) problems.push({ row: plan.rowNumber, column: 'kode_unit', message: `Unit dengan kode ${plan.unitCode} tidak ditemukan` });
  const superiorCode = plan.referenceKey;
  const superiorPositionId =
    typeof superiorCode === 'string'
      ? await collectFailure(problems, () =>
          written.resolve(superiorCode, plan.rowNumber, 'kode_jabatan_atasan', (code) => findPositionIdByCode(tx, code)),
        )
      : superiorCode;
  if (!unitId || problems.length) throw new RowFailure(problems);
  const stored = await findPositionByCode(tx, plan.key);
  if (stored && run.ctx.actor && !canManageUnit(run.ctx.actor, stored.unitId)) {
    throw rowFailure(plan.rowNumber, 'kode', `Jabatan ${plan.key} berada di unit di luar kewenangan Anda`);
  }
  const desired = createPositionRequest.safeParse({
    code: plan.key,
    name: plan.name,
    jenis: plan.jenis,
    kelasJabatan: plan.kelasJabatan,
    unitId,
    // Absent column: keep what is stored; empty cell: top of the tree / not a unit head.
    superiorPositionId: superiorPositionId === undefined ? (stored?.superiorPositionId ?? null) : superiorPositionId,
    isUnitHead: plan.isUnitHead === undefined ? (stored?.isUnitHead ?? false) : (plan.isUnitHead ?? false),
  });
  if (!desired.success) throw new RowFailure(zodIssuesToRowErrors(desired.error.issues, plan.rowNumber, columnByField));
  if (!stored) {
    const { id } = await createPosition(tx, run.ctx, desired.data);
    return { outcome: 'created', id };
  }
  const changes = pickChanges(stored, desired.data, ['name', 'jenis', 'kelasJabatan', 'unitId', 'superiorPositionId', 'isUnitHead']);
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', id: stored.id };
  await updatePosition(tx, run.ctx, stored.id, changes);
  return { outcome: 'updated', id: stored.id };
}

/** Positions, superiors before subordinates whatever the row order. Units must already exist. */
export async function importPositions(run: ImportRun): Promise<void> {
  const plans = run.records.map((record) => planPosition(run, record));
  const written = new WrittenRows('Jabatan atasan');
  for (const plan of plans) if (plan.key) written.declareRow(plan.key, plan.rowNumber);
  for (const plan of orderTreeRows(run, plans, 'kode_jabatan_atasan')) {
    const { key, unitCode } = plan;
    if (!key || !unitCode || run.failedRows.has(plan.rowNumber)) continue;
    const result = await runRow(run, plan.rowNumber, columnByField, (savepoint) =>
      writePosition(run, written, { ...plan, key, unitCode }, savepoint),
    );
    if (result) written.markWritten(key, plan.rowNumber, result.id);
  }
}
