import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import type { Clock } from '../../../platform/clock';
import { registerCatalogueRoutes } from './catalogue/catalogue.routes';
import { registerDeadlineExtensionRoutes } from './deadline-extensions/deadline-extensions.routes';
import { registerPeriodClosureRoutes } from './period-closures/period-closures.routes';
import { registerActivityRuleSetRoutes } from './rule-sets/activity-rule-sets.routes';

export interface ActivityAdminRoutesDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
}

/** Administration of daily activities: catalogue, rule sets, deadline extensions and month closing. */
export function registerActivityAdminRoutes(app: FastifyInstance, deps: ActivityAdminRoutesDeps): void {
  registerCatalogueRoutes(app, deps);
  registerActivityRuleSetRoutes(app, deps);
  registerDeadlineExtensionRoutes(app, deps);
  registerPeriodClosureRoutes(app, deps);
}
