import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { registerTppExportRoutes } from './exports/tpp-exports.routes';
import { registerTppRecordRoutes } from './records/tpp-records.routes';
import { registerTppResultRoutes } from './results/tpp-results.routes';
import { registerTppRuleSetRoutes } from './rule-sets/tpp-rule-sets.routes';
import { registerTppRunRoutes } from './runs/tpp-runs.routes';

export interface TppRoutesDeps {
  db: Database;
  clock: Clock;
}

/** TPP (issue 6): rule sets, monthly runs, results with explanation and simulator, exports. */
export function registerTppRoutes(app: FastifyInstance, deps: TppRoutesDeps): void {
  registerTppRuleSetRoutes(app, deps);
  registerTppRunRoutes(app, deps);
  registerTppResultRoutes(app, deps);
  registerTppExportRoutes(app, deps);
  registerTppRecordRoutes(app, deps);
}
