import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import { registerHolidayRoutes } from '../holidays/holidays.routes';
import { registerRuleSetRoutes } from '../rule-sets/rule-sets.routes';
import { registerScheduleRoutes } from './schedules.routes';

/** Work schedules, assignments, shift rosters, planned work days, holidays and attendance rule sets. */
export function registerWorkCalendarRoutes(app: FastifyInstance, deps: { db: Database }) {
  registerScheduleRoutes(app, deps);
  registerHolidayRoutes(app, deps);
  registerRuleSetRoutes(app, deps);
}
