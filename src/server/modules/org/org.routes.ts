import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import { registerAssignmentRoutes } from './assignments.routes';
import { registerEmployeeRoutes } from './employees.routes';
import { registerImportExportRoutes } from './import/import.routes';
import { registerPositionRoutes } from './positions.routes';
import { registerReferenceRoutes } from './reference.routes';
import { registerUnitRoutes } from './units.routes';

/** Organisation master data: units, positions, employees, assignments, superiors, reference lists, import/export. */
export function registerOrgRoutes(app: FastifyInstance, deps: { db: Database; uploadMaxMb: number }) {
  registerUnitRoutes(app, deps);
  registerPositionRoutes(app, deps);
  registerEmployeeRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerReferenceRoutes(app);
  registerImportExportRoutes(app, deps);
}
