import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/modules/users/users.service';
import { systemContext } from '../../src/server/platform/actor';
import { createTestApp, loginAs, type TestApp } from '../helpers/test-app';

describe('login, sessions and CSRF', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await createUser(t.handle.db, systemContext('test', t.clock, 'Asia/Jakarta'), {
      username: 'bkpsdm',
      password: 'Rahasia12345',
      mustChangePassword: false,
      roles: [{ role: 'admin_bkpsdm', unitId: null }],
    });
  });
  afterEach(async () => t.close());

  it('reports health with the database in use', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { kind: t.handle.kind, isReachable: true } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs in with a username, sets an httpOnly SameSite cookie, and logs out', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'BKPSDM', password: 'Rahasia12345' } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'ekinerja_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = await loginAs(t.app, 'bkpsdm', 'Rahasia12345');
    expect(session.me.roles).toEqual(['admin_bkpsdm']);
    const logout = await session.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(200);
    const after = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await loginAs(t.app, 'bkpsdm', 'Rahasia12345');
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_INVALID');
  });

  it('locks an account after repeated failures and unlocks after the lockout period', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bkpsdm', password: 'salah-salah-1' } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toContain('salah');
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bkpsdm', password: 'Rahasia12345' } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(16 * 60_000);
    await expect(loginAs(t.app, 'bkpsdm', 'Rahasia12345')).resolves.toBeDefined();
  });

  it('throttles a login flood from one address across accounts', async () => {
    let lastStatus = 0;
    for (let attempt = 0; attempt < 31; attempt++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: `tidakada${attempt}`, password: 'x' } });
      lastStatus = response.statusCode;
    }
    expect(lastStatus).toBe(429);
  });

  it('changes the password and ends the other sessions', async () => {
    const first = await loginAs(t.app, 'bkpsdm', 'Rahasia12345');
    const second = await loginAs(t.app, 'bkpsdm', 'Rahasia12345');
    const weak = await first.inject({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'Rahasia12345', newPassword: 'pendek' } });
    expect(weak.statusCode).toBe(400);
    const ok = await first.inject({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'Rahasia12345', newPassword: 'SandiBaru2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await first.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await second.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(loginAs(t.app, 'bkpsdm', 'SandiBaru2026')).resolves.toBeDefined();
  });

  it('records logins in the append-only audit trail', async () => {
    const session = await loginAs(t.app, 'bkpsdm', 'Rahasia12345');
    const response = await session.inject({ method: 'GET', url: '/api/audit?action=login' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { action: string; actorLabel: string; requestId: string }[] }>();
    expect(body.items[0]).toMatchObject({ action: 'login', actorLabel: 'bkpsdm' });
    await expect(t.handle.db.execute('delete from audit_log' as never)).rejects.toThrow();
  });

  it('answers requests of several sessions made at the same moment each with its own account', async () => {
    // The sessions of concurrent requests are read by one statement (coalesced): each must still get its own.
    const logins = ['bkpsdm', 'operator1', 'operator2', 'operator3'];
    for (const username of logins.slice(1)) {
      await createUser(t.handle.db, systemContext('test', t.clock, 'Asia/Jakarta'), { username, password: 'Rahasia12345', mustChangePassword: false, roles: [{ role: 'admin_bkpsdm', unitId: null }] });
    }
    const sessions = await Promise.all(logins.map((login) => loginAs(t.app, login, 'Rahasia12345')));
    const stranger = t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'ekinerja_session=bukan-sesi-yang-ada' } });
    const [unknown, ...answers] = await Promise.all([stranger, ...sessions.map((session) => session.inject({ method: 'GET', url: '/api/auth/me' }))]);
    expect(unknown?.statusCode).toBe(401);
    expect(answers.map((response) => response.json<{ username: string; userId: string }>().username)).toEqual(logins);
    expect(answers.map((response) => response.json<{ userId: string }>().userId)).toEqual(sessions.map((session) => session.me.userId));
    // A logout in between: the next requests of the same moment see it for that session only.
    expect((await sessions[1]?.inject({ method: 'POST', url: '/api/auth/logout' }))?.statusCode).toBe(200);
    const after = await Promise.all(sessions.map((session) => session.inject({ method: 'GET', url: '/api/auth/me' })));
    expect(after.map((response) => response.statusCode)).toEqual([200, 401, 200, 200]);
  });

  it('names what is wrong with a request in Indonesian, field by field', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bkpsdm', password: 42 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Data yang dikirim tidak valid',
      details: [
        { field: 'login', message: 'Input tidak valid: diharapkan string, diterima undefined' },
        { field: 'password', message: 'Input tidak valid: diharapkan string, diterima number' },
      ],
    });
    // A query string is refused the same way, with the field named.
    const session = await loginAs(t.app, 'bkpsdm', 'Rahasia12345');
    const badQuery = await session.inject({ method: 'GET', url: '/api/units?kind=planet&pageSize=abc' });
    expect(badQuery.statusCode).toBe(400);
    const details = badQuery.json().error.details as { field: string; message: string }[];
    expect(details.map((detail) => detail.field)).toEqual(['kind', 'pageSize']);
    expect(details[0]?.message).toMatch(/^Pilihan tidak valid: diharapkan salah satu dari/);
    expect(details[1]?.message).toMatch(/^Input tidak valid/);
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths['/api/auth/login']).toBeDefined();
  });
});
