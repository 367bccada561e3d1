import { useMutation } from '@tanstack/react-query';
import type { ImportResult, importEntities, importRowError } from '../../../contracts/org';
import type { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';

export type ImportEntity = (typeof importEntities)[number];
export type ImportRowError = z.infer<typeof importRowError>;
export type { ImportResult };

function isRowError(value: unknown): value is ImportRowError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.row === 'number' && typeof candidate.message === 'string';
}

/** Row errors carried by a refused upload (e.g. IMPORT_FAILED with the rows in `details`). */
export function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!isApiError(error)) return [];
  const details = error.details;
  const list = Array.isArray(details) ? details : typeof details === 'object' && details !== null && 'errors' in details ? (details as { errors: unknown }).errors : [];
  return Array.isArray(list) ? list.filter(isRowError).map((row) => ({ row: row.row, column: row.column ?? null, message: row.message })) : [];
}

export function useRunImport() {
  return useMutation({
    mutationFn: ({ entity, file, dryRun }: { entity: ImportEntity; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportResult>(`/api/import/${entity}`, form, { dryRun: String(dryRun) });
    },
    meta: { isErrorShownInline: true },
  });
}

/** "Impor sekarang" is offered only after a dry run of this very file and entity found no error. */
export function canCommitImport(dryRun: ImportResult | null, entity: ImportEntity, isSameFile: boolean): boolean {
  return dryRun !== null && dryRun.dryRun && dryRun.entity === entity && isSameFile && dryRun.errors.length === 0 && dryRun.totalRows > 0;
}
