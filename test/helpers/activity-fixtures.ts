/**
 * Activity data written straight into the tables (catalogue items and versions, entries in any
 * state, approved leave, rule sets, closed months), so that approval and productivity tests do not
 * depend on the entry module's rules. Values obey the table constraints.
 */
import type { Database } from '../../src/server/db/client';
import { activityCatalogueItems, activityCatalogueVersions, activityEntries, activityRuleSets, attendanceRequests, periodClosures } from '../../src/server/db/schema';
import type { EntryStatus } from '../../src/contracts/activities';
import { DEFAULT_ACTIVITY_RULES, type ActivityRules } from '../../src/domain/activities/rules';

let counter = 0;

export interface CatalogueFixture {
  itemId: string;
  versionId: string;
  name: string;
  outputUnit: string;
  standardMinutes: number;
}

export async function createCatalogueFixture(db: Database, options: { positionId?: string | null; name?: string; standardMinutes?: number; outputUnit?: string } = {}): Promise<CatalogueFixture> {
  const n = ++counter;
  const name = options.name ?? `Kegiatan uji ${n}`;
  const outputUnit = options.outputUnit ?? 'dokumen';
  const standardMinutes = options.standardMinutes ?? 60;
  const [item] = await db.insert(activityCatalogueItems).values({ code: `AKT-${n}-${Date.now() % 100000}`, positionId: options.positionId ?? null }).returning();
  if (!item) throw new Error('catalogue item not created');
  const [version] = await db
    .insert(activityCatalogueVersions)
    .values({ itemId: item.id, version: 1, name, outputUnit, standardMinutes, effectiveFrom: '2020-01-01' })
    .returning();
  if (!version) throw new Error('catalogue version not created');
  return { itemId: item.id, versionId: version.id, name, outputUnit, standardMinutes };
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export interface EntryFixtureInput {
  employee: { id: string; unitId: string | null };
  catalogue: CatalogueFixture;
  workDate: string;
  startTime: string;
  endTime: string;
  volume?: number;
  description?: string | null;
  status?: EntryStatus;
  /** For approved entries: default the claimed minutes. */
  approvedMinutes?: number | null;
  submittedAt?: Date;
  evidenceLink?: string | null;
}

export type EntryFixture = typeof activityEntries.$inferSelect;

/** An entry of a catalogue activity; claimed = min(volume × standard minutes, time span). */
export async function createEntryFixture(db: Database, input: EntryFixtureInput): Promise<EntryFixture> {
  const volume = input.volume ?? 1;
  const span = toMinutes(input.endTime) - toMinutes(input.startTime);
  const claimedMinutes = Math.min(volume * input.catalogue.standardMinutes, span);
  const status = input.status ?? 'submitted';
  const [row] = await db
    .insert(activityEntries)
    .values({
      employeeId: input.employee.id,
      unitId: input.employee.unitId,
      workDate: input.workDate,
      startTime: input.startTime,
      endTime: input.endTime,
      catalogueVersionId: input.catalogue.versionId,
      isAdditionalTask: false,
      title: input.catalogue.name,
      volume,
      outputUnit: input.catalogue.outputUnit,
      description: input.description ?? null,
      standardMinutes: input.catalogue.standardMinutes,
      claimedMinutes,
      approvedMinutes: status === 'approved' ? (input.approvedMinutes ?? claimedMinutes) : null,
      evidenceLink: input.evidenceLink ?? null,
      status,
      submittedAt: status === 'draft' ? null : (input.submittedAt ?? new Date(`${input.workDate}T10:00:00Z`)),
      decidedAt: status === 'approved' || status === 'rejected' ? new Date(`${input.workDate}T12:00:00Z`) : null,
    })
    .returning();
  if (!row) throw new Error('entry not created');
  return row;
}

/** An approved whole-day leave or duty request (as if decided), for routing and productivity. */
export async function createApprovedLeaveFixture(db: Database, input: { employeeId: string; kind?: string; startDate: string; endDate: string }): Promise<void> {
  await db.insert(attendanceRequests).values({
    employeeId: input.employeeId,
    kind: input.kind ?? 'cuti_tahunan',
    startDate: input.startDate,
    endDate: input.endDate,
    reason: 'Cuti uji',
    status: 'disetujui',
  });
}

export async function createRuleSetFixture(db: Database, input: { effectiveFrom: string; rules?: Partial<ActivityRules> }): Promise<void> {
  await db.insert(activityRuleSets).values({
    name: `Aturan uji ${input.effectiveFrom}`,
    effectiveFrom: input.effectiveFrom,
    regulation: 'Peraturan uji',
    rules: { ...DEFAULT_ACTIVITY_RULES, ...input.rules },
  });
}

export async function closePeriodFixture(db: Database, period: string, closedAt: Date): Promise<void> {
  await db.insert(periodClosures).values({ period, closedAt, note: 'Penutupan uji' });
}
