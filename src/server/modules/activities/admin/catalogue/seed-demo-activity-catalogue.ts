import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { activityCatalogueItems, activityCatalogueVersions, positions } from '../../../../db/schema';
import { systemContext } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import { dateInZone, type Clock } from '../../../../platform/clock';
import { DEMO_GENERAL_ACTIVITIES, DEMO_POSITION_ACTIVITIES, type DemoActivity } from './demo-activity-catalogue-data';
import { findRegionZone } from '../../../../platform/region-zone';

/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters. */
const CHUNK_SIZE = 500;
/** PGlite runs on the main thread: a macrotask break between chunks lets timers (the data-dir lock heartbeat) run. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface PlannedItem extends DemoActivity {
  id: string;
  code: string;
  positionId: string | null;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Gives the demo regency a catalogue: ~25 general activities and a few for every position whose
 * name is a common one in the demo. Codes are fixed (UMUM-001, K-<position code>-01 …), so a second
 * run finds them and adds nothing: idempotent, and safe on a database without the demo regency
 * (then only the general activities are added). Versions start on 1 January of the current year.
 */
export async function seedDemoActivityCatalogue(db: Database, clock: Clock): Promise<{ created: number }> {
  const now = clock.now();
  const effectiveFrom = `${dateInZone(now, await findRegionZone(db)).slice(0, 4)}-01-01`;
  return db.transaction(async (tx) => {
    const common = await tx
      .select({ id: positions.id, code: positions.code, name: positions.name })
      .from(positions)
      .where(and(inArray(positions.name, Object.keys(DEMO_POSITION_ACTIVITIES)), eq(positions.isActive, true)));
    const planned: PlannedItem[] = [
      ...DEMO_GENERAL_ACTIVITIES.map((activity, index) => ({ ...activity, id: randomUUID(), code: `UMUM-${pad(index + 1, 3)}`, positionId: null })),
      ...common.flatMap((position) =>
        (DEMO_POSITION_ACTIVITIES[position.name] ?? []).map((activity, index) => ({ ...activity, id: randomUUID(), code: `K-${position.code}-${pad(index + 1, 2)}`, positionId: position.id })),
      ),
    ];

    let created = 0;
    for (let offset = 0; offset < planned.length; offset += CHUNK_SIZE) {
      const chunk = planned.slice(offset, offset + CHUNK_SIZE);
      const inserted = await tx
        .insert(activityCatalogueItems)
        .values(chunk.map((item) => ({ id: item.id, code: item.code, positionId: item.positionId, currentVersion: 1, isActive: true, createdAt: now, updatedAt: now })))
        .onConflictDoNothing({ target: activityCatalogueItems.code })
        .returning({ id: activityCatalogueItems.id });
      const insertedIds = new Set(inserted.map((row) => row.id));
      const versions = chunk
        .filter((item) => insertedIds.has(item.id))
        .map((item) => ({
          itemId: item.id,
          version: 1,
          name: item.name,
          description: item.description ?? null,
          outputUnit: item.outputUnit,
          standardMinutes: item.standardMinutes,
          effectiveFrom,
          createdAt: now,
        }));
      if (versions.length) await tx.insert(activityCatalogueVersions).values(versions);
      created += versions.length;
      await yieldToEventLoop();
    }
    if (created > 0) {
      await recordAudit(tx, systemContext('seed-demo', clock, await findRegionZone(tx)), { action: 'seed-demo-catalogue', entityType: 'activity_catalogue', after: { created, effectiveFrom } });
    }
    return { created };
  });
}
