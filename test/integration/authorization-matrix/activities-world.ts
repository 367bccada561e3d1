/**
 * What the daily-activity rows need on top of the org world: the default rule set, catalogue
 * activities, a submitted entry of A's staff member (the pegawai) carrying evidence, whose superior
 * is the atasan, a template of theirs, and preparers that make a fresh target per request (a draft,
 * a submitted entry, a catalogue activity, an extension…) so that one allowed write never spoils
 * the next cell. Built once per world, on first use.
 */
import { asc } from 'drizzle-orm';
import { addDays } from '../../../src/domain/attendance/calendar-zone';
import { activityRuleSets } from '../../../src/server/db/schema';
import { setCatalogueItemActive } from '../../../src/server/modules/activities/admin/catalogue/catalogue.service';
import { createDeadlineExtension } from '../../../src/server/modules/activities/admin/deadline-extensions/deadline-extensions.service';
import { seedActivityReferenceData } from '../../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { systemContext } from '../../../src/server/platform/actor';
import { multipart } from '../../fixtures/import/sheets';
import { createCatalogueFixture, createEntryFixture, type CatalogueFixture } from '../../helpers/activity-fixtures';
import type { EmployeeFixture, OpdFixture } from '../../helpers/factories';
import { PNG } from './attendance-world';
import type { SignedInCaller, World } from './world';

/** A free half hour of one employee: entries of a person may not overlap, nor pass the daily cap. */
export interface Slot {
  workDate: string;
  startTime: string;
  endTime: string;
}

export interface ActivitiesWorld {
  /** A general activity (every position), 30 minutes per unit: what every employee may record. */
  general: CatalogueFixture;
  /** An activity of A's staff position (unit: A's bidang). */
  positionItemA: CatalogueFixture;
  /** Submitted by the pegawai through the API, with evidence they uploaded; decider: the atasan. */
  entryA: { id: string; workDate: string; evidenceId: string };
  /** A template of the pegawai, with times. */
  templateA: string;
  /** The default rule set (seeded). */
  ruleSetId: string;
  nextSlot(employeeId: string): Slot;
  /** A day of the employee with nothing on it, for copying a day onto. */
  nextCopyTarget(employeeId: string): string;
  /** A draft of the pegawai in a free slot (revision 1). */
  createDraft(): Promise<{ id: string; slot: Slot }>;
  /** A submitted entry of the pegawai waiting for the atasan (outside the slot days: nothing judges it again). */
  createSubmitted(employee?: EmployeeFixture): Promise<string>;
  /** A template of the pegawai, made through the API. */
  createTemplate(): Promise<string>;
  /** An activity of `opd`'s staff position. */
  createPositionItem(opd: OpdFixture, options?: { isActive?: boolean }): Promise<string>;
  /** A deadline extension for `opd`'s OPD unit. */
  createExtension(opd: OpdFixture): Promise<string>;
  /** The next unused effective date for an activity rule set (far after every real one). */
  nextRuleSetDate(): string;
  /** The next month nobody uses (long over), for closing. */
  nextClosurePeriod(): string;
  /** A valid entry body of the catalogue activity `itemId` in `slot`. */
  entryBody(slot: Slot, itemId?: string): Record<string, unknown>;
}

/** Entries of the slot days are judged again on every write; the pile day is for entries only decided on. */
const FIRST_SLOT_DAY = '2026-02-02';
const SLOT_DAYS = 25;
const SLOTS_PER_DAY = 14;
const PILE_DAY = '2026-02-27';
const COPY_TARGET_DAYS = ['2026-03-02', '2026-03-01', '2026-02-28'];

const wallTimeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const settings = new WeakMap<World, Promise<ActivitiesWorld>>();

/** The daily-activity setting of `w`, built on first call. */
export function activitiesOf(w: World): Promise<ActivitiesWorld> {
  let setting = settings.get(w);
  if (!setting) {
    setting = buildActivitiesWorld(w);
    settings.set(w, setting);
  }
  return setting;
}

/** The id of a 201 answer, or a clear failure of the setting (not of a cell). */
export async function expectCreatedId(w: World, caller: SignedInCaller, options: Parameters<World['send']>[1]): Promise<string> {
  const response = await w.send(caller, options);
  if (response.statusCode !== 201) throw new Error(`setting up ${String(options.url)} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

async function buildActivitiesWorld(w: World): Promise<ActivitiesWorld> {
  const { db } = w.t.handle;
  const system = () => systemContext('authorization-matrix', w.t.clock, 'Asia/Jakarta');
  await seedActivityReferenceData(db, w.t.clock);
  const [ruleSet] = await db.select({ id: activityRuleSets.id }).from(activityRuleSets).orderBy(asc(activityRuleSets.effectiveFrom)).limit(1);
  if (!ruleSet) throw new Error('no activity rule set seeded');

  const general = await createCatalogueFixture(db, { name: 'Menyusun konsep surat dinas', standardMinutes: 30 });
  const positionItemA = await createCatalogueFixture(db, { positionId: w.a.staffPosition.id, name: 'Menganalisis data kepegawaian', standardMinutes: 30 });

  const usedSlots = new Map<string, number>();
  const nextSlot = (employeeId: string): Slot => {
    const index = usedSlots.get(employeeId) ?? 0;
    usedSlots.set(employeeId, index + 1);
    const day = Math.floor(index / SLOTS_PER_DAY);
    if (day >= SLOT_DAYS) throw new Error(`no free activity slot left for ${employeeId}`);
    const start = 7 * 60 + (index % SLOTS_PER_DAY) * 30;
    return { workDate: addDays(FIRST_SLOT_DAY, day), startTime: wallTimeOf(start), endTime: wallTimeOf(start + 30) };
  };
  const usedCopyTargets = new Map<string, number>();
  const nextCopyTarget = (employeeId: string) => {
    const index = usedCopyTargets.get(employeeId) ?? 0;
    usedCopyTargets.set(employeeId, index + 1);
    const date = COPY_TARGET_DAYS[index];
    if (!date) throw new Error(`no free copy target day left for ${employeeId}`);
    return date;
  };
  const entryBody = (slot: Slot, itemId = general.itemId) => ({ ...slot, catalogueItemId: itemId, volume: 1, description: 'Konsep surat undangan rapat koordinasi' });

  const upload = multipart(PNG, 'bukti-kegiatan.png');
  const evidenceId = await expectCreatedId(w, 'pegawai', { method: 'POST', url: '/api/activities/evidence', payload: upload.payload, headers: upload.headers });
  const firstSlot = nextSlot(w.a.staff.id);
  const entryId = await expectCreatedId(w, 'pegawai', {
    method: 'POST',
    url: '/api/activities/entries',
    payload: { ...entryBody(firstSlot, positionItemA.itemId), evidenceAttachmentId: evidenceId, submit: true },
  });

  const createTemplate = () =>
    expectCreatedId(w, 'pegawai', {
      method: 'POST',
      url: '/api/activities/templates',
      payload: { name: `Templat ${w.unique('rutin')}`, catalogueItemId: general.itemId, volume: 1, startTime: '13:00', endTime: '13:30' },
    });

  let ruleSetDays = 0;
  let closedMonths = 0;

  return {
    general,
    positionItemA,
    entryA: { id: entryId, workDate: firstSlot.workDate, evidenceId },
    templateA: await createTemplate(),
    ruleSetId: ruleSet.id,
    nextSlot,
    nextCopyTarget,
    async createDraft() {
      const slot = nextSlot(w.a.staff.id);
      return { id: (await createEntryFixture(db, { employee: w.a.staff, catalogue: general, ...slot, status: 'draft' })).id, slot };
    },
    async createSubmitted(employee = w.a.staff) {
      return (await createEntryFixture(db, { employee, catalogue: general, workDate: PILE_DAY, startTime: '08:00', endTime: '08:30', status: 'submitted' })).id;
    },
    createTemplate,
    async createPositionItem(opd, options = {}) {
      const { itemId } = await createCatalogueFixture(db, { positionId: opd.staffPosition.id, standardMinutes: 45 });
      if (options.isActive === false) await db.transaction((tx) => setCatalogueItemActive(tx, system(), itemId, false));
      return itemId;
    },
    async createExtension(opd) {
      const input = { unitId: opd.unit.id, workDateFrom: '2026-02-09', workDateTo: '2026-02-10', extendedUntil: '2026-03-20T23:59:59+07:00', reason: 'Gangguan jaringan di kantor dinas' };
      return (await db.transaction((tx) => createDeadlineExtension(tx, system(), input))).id;
    },
    nextRuleSetDate: () => addDays('2035-01-01', ruleSetDays++),
    nextClosurePeriod() {
      const month = ++closedMonths;
      if (month > 12) throw new Error('no unused month left to close');
      return `2024-${String(month).padStart(2, '0')}`;
    },
    entryBody,
  };
}
