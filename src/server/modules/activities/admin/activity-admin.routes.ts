import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import type { Clock } from '../../../platform/clock';

export interface ActivityAdminRoutesDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
}

export function registerActivityAdminRoutes(app: FastifyInstance, deps: ActivityAdminRoutesDeps): void {
  void app;
  void deps;
}
