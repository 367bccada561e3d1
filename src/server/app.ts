import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import type { Database, DatabaseKind } from './db/client';
import { registerAttendanceRecordRoutes } from './modules/attendance/daily/daily.routes';
import { recomputeAffectedDays } from './modules/attendance/daily/rebuild-daily-attendance';
import { registerApelRoutes } from './modules/attendance/apel/apel.routes';
import { registerSubordinateAttendanceRoutes } from './modules/attendance/daily/subordinates-attendance.routes';
import { registerAttendanceDeviceRoutes } from './modules/attendance/devices/register-device-routes';
import type { OnPunchesIngested } from './modules/attendance/punches';
import { registerWorkCalendarRoutes } from './modules/attendance/schedules';
import { registerActivityAdminRoutes } from './modules/activities/admin/activity-admin.routes';
import { registerActivityApprovalRoutes } from './modules/activities/approval/activity-approval.routes';
import { registerActivityEntryRoutes } from './modules/activities/entries/activity-entries.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerOrgRoutes } from './modules/org/org.routes';
import { registerSkpRoutes } from './modules/skp/skp.routes';
import { registerPayDataRoutes } from './modules/tpp/pay-data/pay-data.routes';
import { registerTppRoutes } from './modules/tpp/tpp.routes';
import { registerUserRoutes } from './modules/users/users.routes';
import { installAuthHooks } from './platform/auth-hooks';
import { AccessLogController } from './platform/access-log';
import type { Clock } from './platform/clock';
import { indonesianValidatorCompiler, installErrorHandling } from './platform/http';
import { installSecurityHeaders, securityHeaderOptions } from './platform/security-headers';
import { resolveSessionSecret, SessionStore } from './platform/sessions';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.join(rootDir, 'dist/web');
const version = (JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;

export interface AppDeps {
  db: Database;
  databaseKind: DatabaseKind;
  clock: Clock;
  config: AppConfig;
  logger?: FastifyServerOptions['logger'];
  /** An extra subscriber to newly ingested punches (after the daily-attendance recompute). */
  onPunchesIngested?: OnPunchesIngested;
}

/** The only composition root: main.ts and the tests build the app through here. */
export async function buildApp(deps: AppDeps) {
  const { db, clock, config } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.TRUST_PROXY === 'true',
    bodyLimit: 1024 * 1024,
    logController: new AccessLogController(),
  });
  app.setValidatorCompiler(indonesianValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set when the request arrives (every response passes through onRequest, errors and 404 too):
  // an async onSend hook per response cost more than the header.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  installErrorHandling(app);

  await app.register(cookie);
  installSecurityHeaders(app, securityHeaderOptions({ isHttpsOnly: config.COOKIE_SECURE === 'true' }));
  await app.register(multipart, { limits: { fileSize: Math.round(config.UPLOAD_MAX_MB * 1024 * 1024), files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'e-Kinerja API', version, description: 'API e-Kinerja. Semua galat berbentuk { error: { code, message, details } }.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ekinerja_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const sessions = new SessionStore(await resolveSessionSecret(db, config.SESSION_SECRET), config.SESSION_TTL_HOURS * 3_600_000);
  installAuthHooks(app, { db, sessions, clock });

  registerHealthRoutes(app, { db, kind: deps.databaseKind, version });
  registerAuthRoutes(app, {
    db,
    sessions,
    policy: { maxFailures: config.LOGIN_MAX_FAILURES, lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES, maxFailuresPerIp: config.LOGIN_MAX_FAILURES * 6 },
    cookieSecure: config.COOKIE_SECURE,
  });
  registerUserRoutes(app, { db, sessions });
  registerOrgRoutes(app, { db, uploadMaxMb: config.UPLOAD_MAX_MB });
  registerAuditRoutes(app, { db });
  // New punches recompute the daily attendance of the days they touch.
  registerAttendanceDeviceRoutes(app, {
    db,
    clock,
    uploadMaxMb: config.UPLOAD_MAX_MB,
    onPunchesIngested: async (affected) => {
      try {
        await recomputeAffectedDays(db, affected, clock.now());
      } finally {
        await deps.onPunchesIngested?.(affected);
      }
    },
  });
  registerAttendanceRecordRoutes(app, { db });
  registerWorkCalendarRoutes(app, { db });
  registerSubordinateAttendanceRoutes(app, { db });
  registerApelRoutes(app, { db });
  const activityDeps = { db, clock, uploadMaxMb: config.UPLOAD_MAX_MB };
  registerActivityAdminRoutes(app, activityDeps);
  registerActivityEntryRoutes(app, activityDeps);
  registerActivityApprovalRoutes(app, activityDeps);
  registerSkpRoutes(app, { db, clock });
  registerTppRoutes(app, { db, clock });
  registerPayDataRoutes(app, { db, uploadMaxMb: config.UPLOAD_MAX_MB });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    const sendIndex = (reply: { type: (t: string) => { send: (b: Buffer) => unknown } }) =>
      reply.type('text/html; charset=utf-8').send(fs.readFileSync(path.join(webDir, 'index.html')));
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
      if (urlPath.startsWith('/api/')) return reply.callNotFound();
      const candidate = path.join(webDir, path.normalize(urlPath));
      if (candidate.startsWith(webDir + path.sep) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
        if (urlPath.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(path.relative(webDir, candidate));
      }
      return sendIndex(reply);
    });
  }

  return app;
}
