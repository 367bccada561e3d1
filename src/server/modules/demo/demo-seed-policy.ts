import type { AppConfig } from '../../config';
import type { DatabaseKind } from '../../db/client';

/**
 * Whether the server seeds the demo regency at start-up. Only into an empty database, and into
 * PostgreSQL only when asked explicitly (SEED_DEMO=true): a production database must never get
 * fictional employees by accident. SEED_DEMO=false turns it off for the embedded database too.
 */
export function shouldSeedDemoOnStart(input: { kind: DatabaseKind; seedDemo: AppConfig['SEED_DEMO']; isDatabaseEmpty: boolean }): boolean {
  if (!input.isDatabaseEmpty || input.seedDemo === 'false') return false;
  return input.seedDemo === 'true' || input.kind === 'pglite';
}
