import { describe, expect, it } from 'vitest';
import { createAssignmentRequest, createPositionRequest } from '../../../src/contracts/org';
import { ApiError } from '../../../src/web/api/api-error';
import { formatMessage } from '../../../src/web/i18n/format-message';
import { id, type MessageKey } from '../../../src/web/i18n/id';
import { serverFieldErrors, validateWithSchema } from '../../../src/web/lib/form-errors';

const t = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(id[key], params);

describe('validateWithSchema', () => {
  it('keeps the contract’s own Indonesian messages', () => {
    const errors = validateWithSchema(createPositionRequest, { code: 'J-1', name: 'Analis', jenis: 'pelaksana', kelasJabatan: 18, unitId: crypto.randomUUID(), superiorPositionId: null }, t);
    expect(errors).toEqual({ kelasJabatan: 'Kelas jabatan 1–17' });
  });

  it('says "required" for an empty select the contract states no message for', () => {
    const errors = validateWithSchema(createAssignmentRequest, { employeeId: crypto.randomUUID(), positionId: null, kind: 'definitif', startDate: '2026-01-02', endDate: null }, t);
    expect(errors).toEqual({ positionId: 'Wajib diisi' });
  });

  it('says "required" for an empty number field, which a coercing schema sees as NaN', () => {
    const errors = validateWithSchema(createPositionRequest, { code: 'J-1', name: 'Analis', jenis: 'pelaksana', kelasJabatan: Number.NaN, unitId: crypto.randomUUID(), superiorPositionId: null }, t);
    expect(errors).toEqual({ kelasJabatan: 'Wajib diisi' });
  });

  it('returns no errors for a valid request', () => {
    expect(validateWithSchema(createAssignmentRequest, { employeeId: crypto.randomUUID(), positionId: crypto.randomUUID(), kind: 'plt', startDate: '2026-01-02', endDate: null }, t)).toEqual({});
  });
});

describe('serverFieldErrors', () => {
  it('maps server paths onto form fields', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
      { field: 'body.nip', message: 'NIP harus 18 digit angka' },
      { field: 'email', message: 'Email tidak valid' },
    ]);
    expect(serverFieldErrors(error)).toEqual({ nip: 'NIP harus 18 digit angka', email: 'Email tidak valid' });
  });

  it('ignores errors that are not API errors', () => {
    expect(serverFieldErrors(new Error('boom'))).toEqual({});
  });
});
