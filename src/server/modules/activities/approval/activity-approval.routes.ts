import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import type { Clock } from '../../../platform/clock';

export interface ActivityApprovalRoutesDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
}

export function registerActivityApprovalRoutes(app: FastifyInstance, deps: ActivityApprovalRoutesDeps): void {
  void app;
  void deps;
}
