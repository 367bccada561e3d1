import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import type { Clock } from '../../../platform/clock';
import { registerAdmsRoutes } from '../adms/adms.routes';
import type { OnPunchesIngested } from '../punches/punch-hooks';
import { registerPunchRoutes } from '../punches/punches.routes';
import { registerDeviceRegistryRoutes } from './devices.routes';

export interface AttendanceDeviceDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
  /** Recompute daily attendance for these employee days (wired by app.ts; optional). */
  onPunchesIngested?: OnPunchesIngested;
}

/** Everything machines need: the PUSH/ADMS endpoints, the registry API, held punches and file import. */
export function registerAttendanceDeviceRoutes(app: FastifyInstance, deps: AttendanceDeviceDeps) {
  const hook = deps.onPunchesIngested ? { onPunchesIngested: deps.onPunchesIngested } : {};
  registerAdmsRoutes(app, { db: deps.db, clock: deps.clock, ...hook, logError: (error) => app.log.error({ err: error }, 'recompute after ADMS upload failed') });
  registerDeviceRegistryRoutes(app, { db: deps.db, ...hook });
  registerPunchRoutes(app, { db: deps.db, uploadMaxMb: deps.uploadMaxMb, ...hook });
}
