import { normalizeHeader, type ImportColumn, type ImportRowError } from './import-columns';
import type { SheetRow } from './parse-sheet';

export type SheetHeader = { ok: true; indexByColumn: Map<string, number> } | { ok: false; errors: ImportRowError[] };

/**
 * The header row of a one-sheet import (activity catalogue, pay data): missing required, unknown,
 * duplicated or untitled-but-filled columns reject the whole file, with the known columns listed.
 * `importName` completes "tidak dikenal untuk impor …".
 */
export function mapSheetHeader(columns: readonly ImportColumn[], importName: string, header: readonly string[], rows: readonly SheetRow[]): SheetHeader {
  const known = new Set(columns.map((spec) => spec.name));
  const indexByColumn = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), header.length);
  for (let index = 0; index < width; index++) {
    const raw = (header[index] ?? '').trim();
    const name = normalizeHeader(raw);
    if (name === '') {
      if (rows.some((row) => (row.cells[index] ?? '') !== '')) errors.push({ row: 1, column: null, message: `Kolom ke-${index + 1} tidak berjudul tetapi berisi data` });
    } else if (!known.has(name)) {
      errors.push({ row: 1, column: raw, message: `Kolom "${raw}" tidak dikenal untuk impor ${importName}` });
    } else if (indexByColumn.has(name)) {
      errors.push({ row: 1, column: name, message: `Kolom "${name}" muncul lebih dari sekali` });
    } else {
      indexByColumn.set(name, index);
    }
  }
  for (const spec of columns) {
    if (spec.isRequired && !indexByColumn.has(spec.name)) errors.push({ row: 1, column: spec.name, message: `Kolom wajib "${spec.name}" tidak ada` });
  }
  if (errors.length === 0) return { ok: true, indexByColumn };
  const expected = columns.filter((spec) => !spec.isInformational).map((spec) => spec.name);
  return { ok: false, errors: [...errors, { row: 1, column: null, message: `Kolom yang dikenal: ${expected.join(', ')}` }] };
}
