import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { DatabaseHandle } from '../../src/server/db/client';
import { fixedClock } from '../../src/server/platform/clock';
import { SESSION_COOKIE } from '../../src/server/platform/sessions';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function createTestApp(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const handle = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2026-03-02T02:00:00Z');
  const config = loadConfig({ SESSION_SECRET: 'test-secret-test-secret-test-secret-00', LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({ db: handle.db, databaseKind: handle.kind, clock, config });
  await app.ready();
  return {
    app,
    handle,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A logged-in HTTP client: carries the session cookie and the CSRF header like the web UI does. */
export interface Session {
  cookie: string;
  csrfToken: string;
  me: { userId: string; roles: string[]; employeeId: string | null };
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function loginAs(app: FastifyInstance, login: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!setCookie) throw new Error('no session cookie');
  const body = response.json<{ csrfToken: string; userId: string; roles: string[]; employeeId: string | null }>();
  const cookie = `${SESSION_COOKIE}=${setCookie.value}`;
  return {
    cookie,
    csrfToken: body.csrfToken,
    me: body,
    inject: (options) =>
      app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), cookie, 'x-csrf-token': body.csrfToken },
      }),
  };
}
