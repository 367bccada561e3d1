import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR, toApiError } from '../../../src/web/api/api-error';
import { api, buildUrl, onUnauthenticated, setCsrfToken } from '../../../src/web/api/client';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('buildUrl', () => {
  it('drops empty values so the server applies its defaults', () => {
    expect(buildUrl('/api/employees', { q: 'siti', unitId: null, status: undefined, jenisAsn: '', page: 2, includeInactive: false })).toBe(
      '/api/employees?q=siti&page=2&includeInactive=false',
    );
    expect(buildUrl('/api/units', {})).toBe('/api/units');
  });
});

describe('toApiError', () => {
  it('reads the one error shape', () => {
    const error = toApiError(400, { error: { code: 'VALIDATION_FAILED', message: 'Data yang dikirim tidak valid', details: [{ field: 'nip', message: 'NIP harus 18 digit angka' }] } }, 'x');
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([400, 'VALIDATION_FAILED', 'Data yang dikirim tidak valid']);
    expect(error.fieldErrors).toEqual([{ field: 'nip', message: 'NIP harus 18 digit angka' }]);
  });

  it('turns a single named field into a field error carrying the main message', () => {
    const error = toApiError(400, { error: { code: 'VALIDATION_FAILED', message: 'Kata sandi minimal 10 karakter', details: { field: 'password' } } }, 'x');
    expect(error.fieldErrors).toEqual([{ field: 'password', message: 'Kata sandi minimal 10 karakter' }]);
  });

  it('falls back to a readable message for bodies of another shape', () => {
    const error = toApiError(502, '<html>Bad gateway</html>', 'Server tidak dapat dihubungi');
    expect([error.code, error.message, error.fieldErrors]).toEqual(['HTTP_502', 'Server tidak dapat dihubungi', []]);
  });
});

describe('api', () => {
  it('sends the CSRF token on writes but not on reads', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-123');
    await api.get('/api/units');
    await api.post('/api/units/1/deactivate');
    const [getCall, postCall] = fetchMock.mock.calls as unknown as [[string, RequestInit], [string, RequestInit]];
    expect((getCall[1].headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postCall[1].headers as Record<string, string>)['x-csrf-token']).toBe('token-123');
    expect(postCall[1].credentials).toBe('same-origin');
    expect(postCall[1].body).toBe('{}');
  });

  it('throws the server error and tells listeners when the session is gone', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu' } })));
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    await expect(api.get('/api/employees')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu' });
    unsubscribe();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong password as a lost session', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { error: { code: 'LOGIN_FAILED', message: 'NIP/nama pengguna atau kata sandi salah' } })));
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    await expect(api.post('/api/auth/login', { login: 'x', password: 'y' })).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    unsubscribe();
    expect(listener).not.toHaveBeenCalled();
  });

  it('reports a network failure with its own code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(api.get('/api/health')).rejects.toMatchObject({ code: NETWORK_ERROR, status: 0 });
  });

  it('sends uploads as multipart without a JSON content type', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { isCommitted: false }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('t');
    const form = new FormData();
    form.append('file', new Blob(['kode;nama']), 'units.csv');
    await api.upload('/api/import/units', form, { dryRun: 'true' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/import/units?dryRun=true');
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined();
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('t');
  });
});
