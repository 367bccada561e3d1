import { selectPrimaryAssignment, type AssignmentRecord } from '../../../../domain/org/assignments';
import { createSuperiorResolver } from '../../../../domain/org/hierarchy';
import type { Executor } from '../../../db/client';
import { hasRole, regionToday, type RequestContext } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';
import { findEmployeeSummaries } from '../employees.repository';
import { importColumns, type ImportEntity } from '../import/import-columns';
import { loadSuperiorData } from '../index';
import { unitScopeOf } from '../org-scope';
import { findEmployeesForExport, findPositionCodes, findPositionsForExport, findUnitsForExport } from './export.repository';
import { writeWorkbook } from './write-workbook';

type ExportRow = Readonly<Record<string, string | null>>;

const yesNo = (value: boolean) => (value ? 'ya' : 'tidak');

async function exportUnitRows(executor: Executor, scopeUnitIds: string[] | null): Promise<ExportRow[]> {
  const rows = await findUnitsForExport(executor, scopeUnitIds);
  return rows.map((row) => ({
    kode: row.code,
    nama: row.name,
    jenis: row.kind,
    kode_induk: row.parentCode,
    kode_siasn: row.siasnCode,
    zona_waktu: row.timeZone,
    nama_induk: row.parentName,
    aktif: yesNo(row.isActive),
  }));
}

async function exportPositionRows(executor: Executor, scopeUnitIds: string[] | null): Promise<ExportRow[]> {
  const rows = await findPositionsForExport(executor, scopeUnitIds);
  return rows.map((row) => ({
    kode: row.code,
    nama: row.name,
    jenis_jabatan: row.jenis,
    kelas_jabatan: String(row.kelasJabatan),
    kode_unit: row.unitCode,
    kode_jabatan_atasan: row.superiorCode,
    kepala_unit: yesNo(row.isUnitHead),
    nama_unit: row.unitName,
    nama_jabatan_atasan: row.superiorName,
    aktif: yesNo(row.isActive),
  }));
}

/** Employees with the position they work from today and their direct superior today. */
async function exportEmployeeRows(executor: Executor, scopeUnitIds: string[] | null, today: string): Promise<ExportRow[]> {
  const rows = await findEmployeesForExport(executor, scopeUnitIds);
  const superiorData = await loadSuperiorData(executor, rows.map((row) => row.id), today);
  const resolveSuperior = createSuperiorResolver(superiorData, today);
  const assignmentsOf = new Map<string, AssignmentRecord[]>();
  for (const record of superiorData.assignments) {
    const list = assignmentsOf.get(record.employeeId);
    if (list) list.push(record);
    else assignmentsOf.set(record.employeeId, [record]);
  }
  const primaryOf = new Map(rows.map((row) => [row.id, selectPrimaryAssignment(assignmentsOf.get(row.id) ?? [], today)]));
  const superiorOf = new Map(rows.map((row) => [row.id, resolveSuperior(row.id).superiorEmployeeId]));
  const [positionsById, superiors] = await Promise.all([
    findPositionCodes(executor, [...primaryOf.values()].flatMap((primary) => (primary ? [primary.positionId] : []))),
    findEmployeeSummaries(executor, [...superiorOf.values()].filter((id): id is string => id !== null)),
  ]);
  return rows.map((row) => {
    const primary = primaryOf.get(row.id) ?? null;
    const position = primary ? positionsById.get(primary.positionId) : undefined;
    const superiorId = superiorOf.get(row.id) ?? null;
    return {
      nip: row.nip,
      jenis_asn: row.jenisAsn,
      nama: row.name,
      gelar_depan: row.gelarDepan,
      gelar_belakang: row.gelarBelakang,
      golongan: row.golongan,
      status: row.status,
      kode_unit: row.unitCode,
      kode_jabatan: position?.code ?? null,
      jenis_penugasan: primary && position ? primary.kind : null,
      tmt_jabatan: primary && position ? primary.startDate : null,
      email: row.email,
      telepon: row.phone,
      nama_unit: row.unitName,
      nama_jabatan: position?.name ?? null,
      nama_atasan: superiorId ? (superiors.get(superiorId)?.fullName ?? null) : null,
      aktif: yesNo(row.isActive),
    };
  });
}

const sheetNames: Record<ImportEntity, string> = { units: 'Unit', positions: 'Jabatan', employees: 'Pegawai' };

function assertMayExport(ctx: RequestContext) {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor')) throw forbidden();
}

/**
 * Units, positions or employees the caller may see (BKPSDM, pimpinan, auditor: all; admin OPD:
 * their subtrees) as xlsx, with the import's column names so the file can be edited and
 * re-imported; name columns are informational and ignored by the import.
 */
export async function exportMasterData(executor: Executor, ctx: RequestContext, entity: ImportEntity): Promise<Buffer> {
  assertMayExport(ctx);
  const scope = unitScopeOf(ctx);
  const scopeUnitIds = scope.isAll ? null : scope.unitIds;
  const rows =
    entity === 'units'
      ? await exportUnitRows(executor, scopeUnitIds)
      : entity === 'positions'
        ? await exportPositionRows(executor, scopeUnitIds)
        : await exportEmployeeRows(executor, scopeUnitIds, regionToday(ctx));
  const columns = importColumns[entity].map((column) => column.name);
  return writeWorkbook([
    { name: sheetNames[entity], header: columns, rows: rows.map((row) => columns.map((name) => row[name] ?? '')), isText: true },
  ]);
}

export const exportFileName = (entity: ImportEntity, date: string) => `ekspor-${sheetNames[entity].toLowerCase()}-${date}.xlsx`;
