import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import type { Clock } from '../../../platform/clock';

export interface ActivityEntryRoutesDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
}

export function registerActivityEntryRoutes(app: FastifyInstance, deps: ActivityEntryRoutesDeps): void {
  void app;
  void deps;
}
