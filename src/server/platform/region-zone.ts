import { sql } from 'drizzle-orm';
import type { timeZones } from '../../contracts/org';
import { queryRows, type Executor } from '../db/client';

export type RegionZone = (typeof timeZones)[number];

/** Before the region's tree exists (a fresh database): WIB, the default of a new unit. */
export const DEFAULT_REGION_ZONE: RegionZone = 'Asia/Jakarta';

/**
 * The region's time zone: that of its pemda, the root of the unit tree (the earliest root of kind
 * pemda, else the earliest root). It decides the region's "today" — roles in force, master-data and
 * catalogue dates, TPP's month and its report-submission day, what a printed document says it was
 * printed on — so that a kabupaten in WITA or WIT counts its days on its own clock. A unit's own
 * zone (attendance, a device) stays the unit's.
 */
export async function findRegionZone(executor: Executor): Promise<RegionZone> {
  const [row] = await queryRows<{ zone: RegionZone }>(
    executor,
    sql`select time_zone as zone from units where parent_id is null order by (kind = 'pemda') desc, created_at, id limit 1`,
  );
  return row?.zone ?? DEFAULT_REGION_ZONE;
}

export interface RegionZoneReader {
  read(): Promise<RegionZone>;
  /** The zone last read (the default before any read), without waiting: for requests that do not use it. */
  latest(): RegionZone;
}

/**
 * The region's zone as a request needs it, read again after `ttlMs`: a zone is set once when the
 * region is set up, and every request should not pay a query for it. Each process keeps its own
 * copy; after an admin changes the pemda's zone, other processes follow within `ttlMs`.
 */
export function createRegionZoneReader(executor: Executor, ttlMs = 10_000): RegionZoneReader {
  let cached: { zone: RegionZone; readAt: number } | null = null;
  let pending: Promise<RegionZone> | null = null;
  return {
    read: async () => {
      if (cached && performance.now() - cached.readAt < ttlMs) return cached.zone;
      pending ??= findRegionZone(executor)
        .then((zone) => {
          cached = { zone, readAt: performance.now() };
          return zone;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    latest: () => cached?.zone ?? DEFAULT_REGION_ZONE,
  };
}
