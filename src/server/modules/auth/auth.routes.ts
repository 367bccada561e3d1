import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordRequest, loginRequest, meResponse } from '../../../contracts/auth';
import { errorResponse, okResponse } from '../../../contracts/common';
import type { Database } from '../../db/client';
import { regionToday } from '../../platform/actor';
import { requireSession } from '../../platform/http';
import { loadActor } from './actor.repository';
import { SESSION_COOKIE, type SessionStore } from '../../platform/sessions';
import { changePassword, login, logout, type LoginPolicy } from './auth.service';

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { db: Database; sessions: SessionStore; policy: LoginPolicy; cookieSecure: 'true' | 'false' | 'auto' },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  routes.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Masuk dengan NIP atau nama pengguna', body: loginRequest, response: { 200: meResponse, 401: errorResponse, 423: errorResponse, 429: errorResponse } },
    },
    async (request, reply) => {
      const session = await login(deps, request.ctx, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      const isSecure = deps.cookieSecure === 'true' || (deps.cookieSecure === 'auto' && request.protocol === 'https');
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure,
        expires: session.expiresAt,
      });
      const actor = await loadActor(deps.db, session.userId, regionToday(request.ctx));
      if (!actor) throw new Error('user vanished right after login');
      return { ...actor, csrfToken: session.csrfToken };
    },
  );

  routes.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Keluar', response: { 200: okResponse } } },
    async (request, reply) => {
      const { token } = requireSession(request);
      await logout(deps, request.ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  routes.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Pengguna yang sedang masuk', response: { 200: meResponse } } },
    async (request) => {
      const { actor } = requireSession(request);
      return { ...actor, csrfToken: request.csrfToken ?? '' };
    },
  );

  routes.post(
    '/api/auth/change-password',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Ganti kata sandi', body: changePasswordRequest, response: { 200: okResponse, 400: errorResponse } },
    },
    async (request) => {
      const { actor, token } = requireSession(request);
      await changePassword(deps, request.ctx, { userId: actor.userId, ...request.body, keepSessionToken: token });
      return { ok: true as const };
    },
  );
}
