import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installSecurityHeaders, securityHeaderOptions } from '../../../src/server/platform/security-headers';

/** The response headers of GET /page on a bare app set up by `install`, without the ones that vary per response. */
async function headersOf(install: (app: ReturnType<typeof Fastify>) => Promise<void> | void): Promise<Record<string, unknown>> {
  const app = Fastify();
  await install(app);
  app.get('/page', async () => 'ok');
  const response = await app.inject({ method: 'GET', url: '/page' });
  await app.close();
  const { date: _date, ...stable } = response.headers;
  return stable;
}

describe('security headers computed once', () => {
  for (const isHttpsOnly of [false, true]) {
    it(`are the headers @fastify/helmet sets with the app's options (HTTPS only: ${isHttpsOnly})`, async () => {
      const options = securityHeaderOptions({ isHttpsOnly });
      const expected = await headersOf((app) => app.register(helmet, options));
      const actual = await headersOf((app) => installSecurityHeaders(app, options));
      expect(actual).toEqual(expected);
      expect(actual['content-security-policy']).toContain("frame-ancestors 'none'");
      expect('strict-transport-security' in actual).toBe(isHttpsOnly);
    });
  }

  it('reach error responses and unknown routes too', async () => {
    const app = Fastify();
    installSecurityHeaders(app, securityHeaderOptions({ isHttpsOnly: false }));
    app.get('/fails', async () => {
      throw new Error('boom');
    });
    const failed = await app.inject({ method: 'GET', url: '/fails' });
    const missing = await app.inject({ method: 'GET', url: '/nowhere' });
    await app.close();
    expect(failed.statusCode).toBe(500);
    expect(missing.statusCode).toBe(404);
    for (const response of [failed, missing]) expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
