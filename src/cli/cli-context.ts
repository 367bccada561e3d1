import os from 'node:os';
import { systemContext, type RequestContext } from '../server/platform/actor';
import { systemClock } from '../server/platform/clock';
import type { Executor } from '../server/db/client';
import { findRegionZone } from '../server/platform/region-zone';

/** Audit label of CLI changes: which operating-system account ran the command. */
function operatorLabel(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** The CLI is a trusted caller (whoever can run it can read the database directly), on the region's calendar. */
export const cliContext = async (executor: Executor): Promise<RequestContext> => systemContext(operatorLabel(), systemClock, await findRegionZone(executor));
