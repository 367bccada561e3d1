import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { dateOfInstant } from '../../domain/attendance/calendar-zone';
import { createRegionZoneReader } from './region-zone';
import { loadSessionActor } from '../modules/auth/actor.repository';
import type { Clock } from './clock';
import { AppError } from './errors';
import { isSafeMethod, sendError, type RouteAccess } from './http';
import { SESSION_COOKIE, type SessionStore } from './sessions';

function isAllowed(access: RouteAccess, roles: readonly string[]): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return access.some((role) => roles.includes(role));
}

/**
 * Resolves the session cookie into an actor, enforces CSRF on cookie-authenticated writes and
 * checks each route's declared access. Scope (which unit, which employee) is checked by services.
 */
export function installAuthHooks(app: FastifyInstance, deps: { db: Database; sessions: SessionStore; clock: Clock }) {
  app.decorateRequest('ctx');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    }
  });

  const regionZone = createRegionZoneReader(deps.db);
  app.addHook('onRequest', async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    // Pages, assets and device pushes do not use the region's zone: they do not wait for the database.
    request.ctx = { actor: null, requestId: request.id, ip: request.ip, clock: deps.clock, regionZone: isApi ? await regionZone.read() : regionZone.latest() };
    if (!isApi) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = deps.clock.now();
      const tokenHash = deps.sessions.hashToken(token);
      // Session and actor in one round trip; roles are those in force on the region's date (dateOfInstant caches its zone formatter).
      const found = await loadSessionActor(deps.db, tokenHash, now, dateOfInstant(now, request.ctx.regionZone));
      if (found) {
        await deps.sessions.slideExpiry(deps.db, tokenHash, found.session.lastSeenAt, now);
        if (found.actor) {
          request.ctx.actor = found.actor;
          request.sessionToken = token;
          request.csrfToken = found.session.csrfToken;
        }
      }
    }
    if (request.ctx.actor && !isSafeMethod(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (header !== request.csrfToken) {
        return sendError(reply, new AppError('CSRF_INVALID', 'Token CSRF tidak valid. Muat ulang halaman lalu coba lagi.'));
      }
    }
  });

  // preValidation: who you are is checked before what you sent (no validation details for outsiders).
  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const actor = request.ctx.actor;
    if (!actor) return sendError(reply, new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu'));
    const isPasswordRoute = request.url.startsWith('/api/auth/');
    if (actor.mustChangePassword && !isPasswordRoute) {
      return sendError(reply, new AppError('FORBIDDEN', 'Anda harus mengganti kata sandi terlebih dahulu', { mustChangePassword: true }));
    }
    if (!isAllowed(access, actor.roles)) {
      return sendError(reply, new AppError('FORBIDDEN', 'Anda tidak berwenang mengakses fitur ini'));
    }
  });
}
