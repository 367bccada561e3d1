import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/web/api/api-error';
import { canCommitImport, rowErrorsOf, type ImportResult } from '../../../src/web/features/import/import-api';
import { formatMessage } from '../../../src/web/i18n/format-message';
import { id, type MessageKey } from '../../../src/web/i18n/id';
import { checkNewPassword } from '../../../src/web/lib/password-rules';
import { safeNextPath } from '../../../src/web/lib/safe-next-path';

const t = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(id[key], params);

const dryRun = (overrides: Partial<ImportResult> = {}): ImportResult => ({
  entity: 'units',
  dryRun: true,
  totalRows: 3,
  validRows: 3,
  created: 2,
  updated: 1,
  errors: [],
  isCommitted: false,
  ...overrides,
});

describe('canCommitImport', () => {
  it('allows the real import only after a clean dry run of the same file and entity', () => {
    expect(canCommitImport(dryRun(), 'units', true)).toBe(true);
    expect(canCommitImport(null, 'units', true)).toBe(false);
    expect(canCommitImport(dryRun({ errors: [{ row: 2, column: 'kode', message: 'Kode wajib diisi' }] }), 'units', true)).toBe(false);
    expect(canCommitImport(dryRun(), 'employees', true)).toBe(false);
    expect(canCommitImport(dryRun(), 'units', false)).toBe(false);
    expect(canCommitImport(dryRun({ totalRows: 0, validRows: 0 }), 'units', true)).toBe(false);
    expect(canCommitImport(dryRun({ dryRun: false }), 'units', true)).toBe(false);
  });
});

describe('rowErrorsOf', () => {
  it('reads row errors from a refused upload, as a list or inside { errors }', () => {
    const rows = [{ row: 1, column: 'nama_kolom', message: 'Kolom tidak dikenal: warna' }];
    expect(rowErrorsOf(new ApiError(422, 'IMPORT_FAILED', 'Berkas ditolak', rows))).toEqual(rows);
    expect(rowErrorsOf(new ApiError(422, 'IMPORT_FAILED', 'Berkas ditolak', { errors: [{ row: 4, message: 'x' }] }))).toEqual([{ row: 4, column: null, message: 'x' }]);
    expect(rowErrorsOf(new ApiError(415, 'UNSUPPORTED_FILE', 'Berkas bukan xlsx atau csv yang valid'))).toEqual([]);
  });
});

describe('checkNewPassword (mirror of the server rule)', () => {
  it.each([
    ['pendek1', 'Kata sandi minimal 10 karakter'],
    ['hanyahurufsaja', 'Kata sandi harus memuat huruf dan angka'],
    ['1234567890', 'Kata sandi harus memuat huruf dan angka'],
    ['x'.repeat(199) + '12', 'Kata sandi maksimal 200 karakter'],
  ])('refuses %s', (password, message) => {
    expect(checkNewPassword(password, t)).toBe(message);
  });

  it('accepts ten characters with letters and digits', () => {
    expect(checkNewPassword('rahasia2026', t)).toBeNull();
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/employees?q=siti', '/employees?q=siti'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['employees', '/'],
  ])('turns %s into %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
