import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase, type Database, type DatabaseKind } from '../../db/client';

const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgresql']), isReachable: z.boolean() }),
  version: z.string(),
  time: z.string(),
});

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Database; kind: DatabaseKind; version: string }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Status layanan dan basis data', response: { 200: healthResponse, 503: healthResponse } } },
    async (request, reply) => {
      let isReachable = true;
      try {
        await pingDatabase(deps.db);
      } catch (error) {
        request.log.error({ err: error }, 'database ping failed');
        isReachable = false;
      }
      const body = {
        status: isReachable ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.kind, isReachable },
        version: deps.version,
        time: request.ctx.clock.now().toISOString(),
      };
      return reply.status(isReachable ? 200 : 503).send(body);
    },
  );
}
