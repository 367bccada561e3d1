import { createUnitRequest, timeZones, unitKinds } from '../../../../contracts/org';
import type { Executor } from '../../../db/client';
import { canManageUnit } from '../../../platform/actor';
import { createUnit, findUnitIdByCode, updateUnit } from '../index';
import { findUnitByCode } from '../units.repository';
import type { ImportRecord } from './import-columns';
import { failRow, pickChanges, runRow, type ImportRun, type RowOutcome } from './import-run';
import { RowFailure, rowFailure, zodIssuesToRowErrors } from './row-errors';
import { RowReader } from './row-reader';
import { orderTreeRows, WrittenRows, type TreeRowPlan } from './self-references';

const columnByField = {
  code: 'kode',
  name: 'nama',
  kind: 'jenis',
  parentId: 'kode_induk',
  siasnCode: 'kode_siasn',
  timeZone: 'zona_waktu',
} as const;

const timeZoneAliases = { wib: 'Asia/Jakarta', wita: 'Asia/Makassar', wit: 'Asia/Jayapura' } as const;

interface UnitPlan extends TreeRowPlan {
  name: string | undefined;
  kind: (typeof unitKinds)[number] | undefined;
  siasnCode: string | null | undefined;
  timeZone: (typeof timeZones)[number] | null | undefined;
}

function planUnit(run: ImportRun, record: ImportRecord): UnitPlan {
  const reader = new RowReader(record);
  const key = reader.required('kode', reader.text('kode')) ?? null;
  const plan: UnitPlan = {
    rowNumber: record.rowNumber,
    key,
    name: reader.required('nama', reader.text('nama')),
    kind: reader.required('jenis', reader.choice('jenis', unitKinds)),
    referenceKey: reader.text('kode_induk'),
    siasnCode: reader.text('kode_siasn'),
    timeZone: reader.choice('zona_waktu', timeZones, timeZoneAliases),
  };
  failRow(run, reader.errors);
  return plan;
}

async function writeUnit(run: ImportRun, written: WrittenRows, plan: UnitPlan & { key: string }, tx: Executor): Promise<{ outcome: RowOutcome; id: string }> {
  const parentId =
    typeof plan.referenceKey === 'string'
      ? await written.resolve(plan.referenceKey, plan.rowNumber, 'kode_induk', (code) => findUnitIdByCode(tx, code))
      : plan.referenceKey;
  const stored = await findUnitByCode(tx, plan.key);
  if (stored && run.ctx.actor && !canManageUnit(run.ctx.actor, stored.id)) {
    throw rowFailure(plan.rowNumber, 'kode', `Unit ${plan.key} di luar kewenangan Anda`);
  }
  const desired = createUnitRequest.safeParse({
    code: plan.key,
    name: plan.name,
    kind: plan.kind,
    // Absent column: keep what is stored (or the default for a new unit); empty cell: clear it.
    parentId: parentId === undefined ? (stored?.parentId ?? null) : parentId,
    siasnCode: plan.siasnCode === undefined ? (stored?.siasnCode ?? null) : plan.siasnCode,
    timeZone: plan.timeZone ?? stored?.timeZone ?? undefined,
  });
  if (!desired.success) throw new RowFailure(zodIssuesToRowErrors(desired.error.issues, plan.rowNumber, columnByField));
  if (!stored) {
    const { id } = await createUnit(tx, run.ctx, desired.data);
    // A unit created below an admin OPD's unit is theirs too: later rows may build inside it.
    if (run.ctx.actor && desired.data.parentId && run.ctx.actor.adminUnitIds.includes(desired.data.parentId)) {
      run.ctx.actor.adminUnitIds.push(id);
    }
    return { outcome: 'created', id };
  }
  const changes = pickChanges(stored, desired.data, [
    'name',
    'kind',
    'parentId',
    'siasnCode',
    'timeZone',
  ]);
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', id: stored.id };
  await updateUnit(tx, run.ctx, stored.id, changes);
  return { outcome: 'updated', id: stored.id };
}

/** Units, parents before children whatever the row order; a parent may be defined further down. */
export async function importUnits(run: ImportRun): Promise<void> {
  const plans = run.records.map((record) => planUnit(run, record));
  const written = new WrittenRows('Unit induk');
  for (const plan of plans) if (plan.key) written.declareRow(plan.key, plan.rowNumber);
  for (const plan of orderTreeRows(run, plans, 'kode_induk')) {
    if (!plan.key || run.failedRows.has(plan.rowNumber)) continue;
    const key = plan.key;
    const result = await runRow(run, plan.rowNumber, columnByField, (savepoint) => writeUnit(run, written, { ...plan, key }, savepoint));
    if (result) written.markWritten(key, plan.rowNumber, result.id);
  }
}
