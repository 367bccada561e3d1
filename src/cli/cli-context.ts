import os from 'node:os';
import { systemContext, type RequestContext } from '../server/platform/actor';
import { systemClock } from '../server/platform/clock';

/** Audit label of CLI changes: which operating-system account ran the command. */
function operatorLabel(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** The CLI is a trusted caller (whoever can run it can read the database directly). */
export const cliContext = (): RequestContext => systemContext(operatorLabel(), systemClock);
