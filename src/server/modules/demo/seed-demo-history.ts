import { eq, sql } from 'drizzle-orm';
import { findOpdOf } from '../../../domain/org/unit-tree';
import { addDays, dateOfInstant, isoWeekday, zoneOffsetMs } from '../../../domain/attendance/calendar-zone';
import { createSuperiorResolver } from '../../../domain/org/hierarchy';
import { CopyWriter } from '../../db/binary-copy';
import { queryRows, type Database, type Executor } from '../../db/client';
import { openCopyChannel } from '../../db/copy-channel';
import { appSettings, attendanceRequests, devices, deviceUserMappings } from '../../db/schema';
import { systemContext, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { rebuildDailyAttendance } from '../attendance/daily/rebuild-daily-attendance';
import { resolveWorkDays } from '../attendance/schedules/resolve-work-days';
import { loadSuperiorData } from '../org/superiors.service';
import { createTppDisciplineDecision } from '../tpp/records/tpp-records.service';
import { findTppRuleSetForPeriod } from '../tpp/rule-sets/tpp-rule-sets.service';
import { DEMO_PEOPLE } from './demo-people';
import { findAllUnits, type UnitNode } from '../tpp/runs/tpp-sources.repository';
import { firstOfMonth } from './demo-dates';
import { isDemoRegencyPresent } from './seed-demo-regency';
import { SeededRandom } from './seeded-random';
import { findRegionZone } from '../../platform/region-zone';

/**
 * The demo regency's recent past, so that a fresh installation shows what a running one shows:
 * from the first day of the previous month to this moment, every employee punches on a fingerprint
 * machine of their OPD (most on time, some late, some leaving early, a few forgetting a punch or
 * absent without leave), takes the odd approved leave or duty trip, and records two or three daily
 * activities on each day present up to yesterday, approved by the superior except for the last days
 * (a queue to approve). Punches are stored as the ADMS ingestion stores a counted punch of an enrolled PIN (by
 * binary COPY: the embedded database would take half a minute through the ingestion's statements)
 * and daily attendance is derived from them by the attendance rebuild, as for a real machine:
 * nothing here decides a status. Deterministic for a given date (seeded), and done once:
 * app_settings remembers it.
 */

/** app_settings key: the history has been generated (its summary as the value). */
export const DEMO_HISTORY_SETTING_KEY = 'demo_history';
/** Activity entries of the last days before today stay submitted: the superiors' queue. */
const PENDING_DAYS = 3;
/** What an employee of average diligence records on a day (near the default daily norm of 300). */
const RECORDED_MINUTES = 300;
/** How far ahead leave may have been asked for, and how many have a request waiting. */
const UPCOMING_DAYS = 14;
const ASKS_LEAVE = 0.04;
/** Chances per working day (not on leave). */
const ABSENT = 0.01;
const FORGETS_OUT = 0.008;
const FORGETS_IN = 0.004;
/** For someone of average habits; ×0.4 for the punctual, ×3 for the habitually late. */
const LATE = 0.1;
/** Serialises generating the history when several processes start on one empty database. */
const HISTORY_LOCK_KEY = 7_231_003;
/** Staff under a discipline penalty from the first month. */
const DISCIPLINE_DECISIONS = 4;
/** The columns of the punches written, as the ADMS ingestion stores a counted punch. */
const PUNCH_COLUMNS = 'punches (serial_number, pin, local_time, instant, status_code, verify_code, source, employee_id, review_status, created_at)';
const ENTRY_COLUMNS =
  'activity_entries (employee_id, unit_id, work_date, start_time, end_time, catalogue_version_id, is_additional_task, title, volume, output_unit, ' +
  'standard_minutes, claimed_minutes, approved_minutes, status, submitted_at, decided_by_employee_id, decided_by_user_id, decided_at, decision_reason, created_by_user_id, created_at, updated_at)';

export interface DemoHistorySummary {
  from: string;
  /** Punches and daily attendance up to today (now); activities up to the day before. */
  to: string;
  devices: number;
  punches: number;
  /** Leave and duty requests: approved ones in the past, and some waiting for the superior. */
  requests: number;
  attendanceDays: number;
  entries: number;
  pendingEntries: number;
  /** Discipline penalties (PP 94/2021 decisions) in force from the first month. */
  disciplineDecisions: number;
}

interface DemoPerson {
  employeeId: string;
  unitId: string | null;
  positionId: string;
  opdId: string;
  userId: string | null;
}

export interface CatalogueChoice {
  versionId: string;
  title: string;
  outputUnit: string;
  standardMinutes: number;
}


const ADDITIONAL_TASKS = [
  'Rapat koordinasi lintas bidang',
  'Menyiapkan bahan paparan pimpinan',
  'Mendampingi kunjungan kerja',
  'Menyusun notulen rapat',
  'Piket layanan pengaduan',
];
const LEAVES = [
  { kind: 'cuti_tahunan', share: 0.22, maxDays: 3, reason: 'Keperluan keluarga' },
  { kind: 'sakit', share: 0.1, maxDays: 2, reason: 'Sakit, surat keterangan dokter terlampir' },
  { kind: 'dinas_luar', share: 0.12, maxDays: 2, reason: 'Perjalanan dinas ke provinsi' },
] as const;

/** Minutes after midnight of a local 'YYYY-MM-DD HH:MM:SS'. */
const DAY_MS = 86_400_000;
/** Minutes after midnight of a wall clock given as milliseconds (the wall clock read as UTC). */
const minuteOfDayOf = (wallMs: number) => Math.floor((((wallMs % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
const atMinutes = (instant: Date, minutes: number, seconds = 0) => new Date(instant.getTime() + minutes * 60_000 + seconds * 1_000);

/**
 * The COPYs below reference only rows read in this transaction (employees, their accounts, units,
 * catalogue versions), so their foreign keys cannot fail; checking ~1 million of them one row at a
 * time cost the embedded database 13 of 18 seconds. A superuser (PGlite always, a PostgreSQL
 * installation's owner often) switches the checks off for this transaction until
 * `session_replication_role` is set back to origin; any other role has them checked.
 */
export async function skipForeignKeyChecks(executor: Executor): Promise<boolean> {
  const [role] = await queryRows<{ isSuperuser: boolean }>(executor, sql`select current_setting('is_superuser') = 'on' as "isSuperuser"`);
  if (!role?.isSuperuser) return false;
  await executor.execute(sql`set local session_replication_role = replica`);
  return true;
}

/** Late minutes drawn mostly from the first band, rarely from the last. */
function lateMinutes(random: SeededRandom): number {
  const band = random.next();
  if (band < 0.7) return random.int(1, 30);
  if (band < 0.9) return random.int(31, 60);
  if (band < 0.98) return random.int(61, 90);
  return random.int(91, 150);
}

/** Active employees with their definitive position and account on `date`, each with the OPD whose machine they punch on. */
async function findPeople(executor: Executor, date: string): Promise<{ people: DemoPerson[]; opds: UnitNode[] }> {
  const rows = await queryRows<Omit<DemoPerson, 'opdId'>>(
    executor,
    sql`select distinct on (e.nip) e.id as "employeeId", e.unit_id as "unitId", a.position_id as "positionId", us.id as "userId"
        from employees e
        join assignments a on a.employee_id = e.id and a.kind = 'definitif' and a.start_date <= ${date} and (a.end_date is null or a.end_date >= ${date})
        left join users us on us.employee_id = e.id
        where e.is_active
        order by e.nip, a.start_date desc`,
  );
  const unitsById = await findAllUnits(executor);
  const opds = new Map<string, UnitNode>();
  const people: DemoPerson[] = [];
  for (const row of rows) {
    const opd = findOpdOf(unitsById, row.unitId);
    if (!opd) continue;
    opds.set(opd.id, opd);
    people.push({ ...row, opdId: opd.id });
  }
  return { people, opds: [...opds.values()].sort((a, b) => (a.code < b.code ? -1 : 1)) };
}

/** Each position's catalogue activities in force on `date`, and the general ones (key null). */
export async function findCatalogue(executor: Executor, date: string): Promise<Map<string | null, CatalogueChoice[]>> {
  const rows = await queryRows<CatalogueChoice & { positionId: string | null }>(
    executor,
    sql`select i.position_id as "positionId", v.id as "versionId", v.name as title, v.output_unit as "outputUnit", v.standard_minutes as "standardMinutes"
        from activity_catalogue_items i
        join activity_catalogue_versions v on v.item_id = i.id and v.version = i.current_version
        where i.is_active and v.effective_from <= ${date}
        order by i.code`,
  );
  const byPosition = new Map<string | null, CatalogueChoice[]>();
  for (const { positionId, ...choice } of rows) byPosition.set(positionId, [...(byPosition.get(positionId) ?? []), choice]);
  return byPosition;
}

/** One day's entries: catalogue work (the position's first) adding up to about `target` minutes, from `startMinute`. */
function planEntries(random: SeededRandom, catalogue: readonly CatalogueChoice[], target: number, startMinute: number) {
  const entries: { start: number; end: number; choice: CatalogueChoice | null; title: string; volume: number; claimed: number }[] = [];
  let at = startMinute;
  let left = target;
  const count = random.int(2, 3);
  for (let index = 0; index < count && left > 20; index++) {
    const share = index === count - 1 ? left : Math.round(left / (count - index)) + random.int(-20, 20);
    if (random.isChance(0.1) || catalogue.length === 0) {
      const minutes = Math.max(30, Math.min(share, 240));
      entries.push({ start: at, end: at + minutes, choice: null, title: random.pick(ADDITIONAL_TASKS), volume: 1, claimed: minutes });
      at += minutes + random.int(5, 20);
      left -= minutes;
      continue;
    }
    const choice = random.pick(catalogue);
    const volume = Math.max(1, Math.min(50, Math.round(share / choice.standardMinutes)));
    const claimed = volume * choice.standardMinutes;
    if (claimed > 480) continue;
    entries.push({ start: at, end: at + claimed, choice, title: choice.title, volume, claimed });
    at += claimed + random.int(5, 20);
    left -= claimed;
  }
  // The day's last entry ends before midnight, whatever the catalogue's minutes.
  return entries.filter((entry) => entry.end <= 23 * 60);
}

/**
 * A few staff under a PP 94/2021 penalty (TPP cut for some months) from a decision of the first
 * month, for unexcused absence earlier in the year: entered through BKPSDM's own service, with a
 * penalty the rule set of that month prices. None when that rule set prices no penalty.
 */
async function seedDisciplineDecisions(tx: Executor, ctx: RequestContext, people: readonly DemoPerson[], from: string, random: SeededRandom): Promise<number> {
  const period = from.slice(0, 7);
  const penalties = (await findTppRuleSetForPeriod(tx, period))?.ruleSet.adjustments.discipline.penalties ?? [];
  if (penalties.length === 0) return 0;
  const showcased = await queryRows<{ id: string }>(tx, sql`select id from employees where nip = any(${`{${Object.values(DEMO_PEOPLE).map((person) => person.nip).join(',')}}`}::text[])`);
  const excluded = new Set(showcased.map((row) => row.id));
  const chosen = new Set<DemoPerson>();
  while (chosen.size < Math.min(DISCIPLINE_DECISIONS, people.length - excluded.size)) {
    const person = random.pick(people);
    if (!excluded.has(person.employeeId)) chosen.add(person);
  }
  let number = 0;
  for (const person of chosen) {
    number++;
    const penalty = penalties[number % penalties.length] ?? penalties[0];
    if (!penalty) continue;
    await createTppDisciplineDecision(tx, ctx, {
      employeeId: person.employeeId,
      decisionNumber: `800.1.6.4/${String(100 + number)}/BKPSDM/${from.slice(0, 4)}`,
      decisionDate: `${period}-0${number + 1}`,
      penaltyCode: penalty.code,
      startPeriod: period,
      note: `Tidak masuk kerja tanpa alasan yang sah ${10 + number} hari kerja dalam tahun berjalan (PP 94/2021 Pasal 9) (data demo)`,
    });
  }
  return chosen.size;
}

/** One line for the console: the range and what was made. */
export const describeDemoHistory = (history: DemoHistorySummary): string =>
  `${history.from} s.d. ${history.to}, ${history.punches.toLocaleString('id-ID')} rekaman sidik jari dari ${history.devices} mesin, ` +
  `${history.attendanceDays.toLocaleString('id-ID')} hari presensi, ${history.requests} cuti/dinas luar, ` +
  `${history.entries.toLocaleString('id-ID')} aktivitas (${history.pendingEntries.toLocaleString('id-ID')} menunggu persetujuan), ` +
  `${history.disciplineDecisions} keputusan hukuman disiplin`;

/**
 * Generates the demo regency's recent attendance, leave and activities (see above). Returns null
 * without touching anything when the demo regency is absent or its history exists already.
 */
export async function seedDemoHistory(db: Database, clock: Clock): Promise<DemoHistorySummary | null> {
  const now = clock.now();
  const regionZone = await findRegionZone(db);
  const today = dateOfInstant(now, regionZone);
  const from = firstOfMonth(today, -1);
  // Punches run up to this moment (the OPD board has today's arrivals); activities end yesterday.
  const to = today;
  const lastActivityDate = addDays(today, -1);
  return db.transaction(async (tx) => {
    if (!(await isDemoRegencyPresent(tx))) return null;
    await tx.execute(sql`select pg_advisory_xact_lock(${HISTORY_LOCK_KEY})`);
    const [done] = await tx.select({ key: appSettings.key }).from(appSettings).where(eq(appSettings.key, DEMO_HISTORY_SETTING_KEY));
    if (done) return null;
    const channel = openCopyChannel(tx);
    if (!channel) throw new Error('no COPY channel on the transaction');
    const random = new SeededRandom(`demo-history:${from}:${to}`);
    const { people, opds } = await findPeople(tx, lastActivityDate);
    // Two weeks ahead too: the leave some have asked for and their superiors have yet to decide.
    const workDays = await resolveWorkDays(tx, people.map((person) => person.employeeId), from, addDays(today, UPCOMING_DAYS));
    const superiorOf = createSuperiorResolver(await loadSuperiorData(tx, people.map((person) => person.employeeId), lastActivityDate), lastActivityDate);
    const userOf = new Map(people.map((person) => [person.employeeId, person.userId]));
    const catalogue = await findCatalogue(tx, from);
    const nowText = now.toISOString();

    // One machine per OPD, every employee enrolled under a PIN.
    const deviceRows = opds.map((opd, index) => ({
      serialNumber: `DEMO${String(index + 1).padStart(3, '0')}`,
      name: `Mesin presensi ${opd.name}`,
      unitId: opd.id,
      location: 'Lobi kantor',
      timeZone: opd.timeZone,
      status: 'active',
      protocol: 'adms',
      createdAt: now,
      updatedAt: now,
    }));
    const insertedDevices = deviceRows.length ? await tx.insert(devices).values(deviceRows).onConflictDoNothing({ target: devices.serialNumber }).returning({ id: devices.id, unitId: devices.unitId, serialNumber: devices.serialNumber }) : [];
    const deviceOf = new Map(insertedDevices.map((device) => [device.unitId, device]));
    const zoneOf = new Map(opds.map((opd) => [opd.id, opd.timeZone]));
    const pins = new Map<string, string>();
    const mappings: (typeof deviceUserMappings.$inferInsert)[] = [];
    const enrolled = new Map<string, number>();
    for (const person of people) {
      const device = deviceOf.get(person.opdId);
      if (!device) continue;
      const number = (enrolled.get(device.id) ?? 0) + 1;
      enrolled.set(device.id, number);
      const pin = String(number);
      pins.set(person.employeeId, pin);
      mappings.push({ deviceId: device.id, pin, employeeId: person.employeeId, startDate: from, endDate: null, createdAt: now, updatedAt: now });
    }
    for (let start = 0; start < mappings.length; start += 1_000) await tx.insert(deviceUserMappings).values(mappings.slice(start, start + 1_000));

    const punchRows = new CopyWriter(people.length * 60 * 120);
    punchRows.header();
    const entryRows = new CopyWriter(people.length * 60 * 3 * 200);
    entryRows.header();
    let punches = 0;
    let entries = 0;
    let pendingEntries = 0;
    const requests: (typeof attendanceRequests.$inferInsert)[] = [];
    const pendingFrom = addDays(today, -PENDING_DAYS);
    for (const person of people) {
      const device = deviceOf.get(person.opdId);
      const pin = pins.get(person.employeeId);
      const zone = zoneOf.get(person.opdId) ?? regionZone;
      if (!device || !pin) continue;
      const planned = (workDays.get(person.employeeId) ?? []).filter((day) => day.isWorkingDay && day.plannedStart && day.plannedEnd);
      const days = planned.filter((day) => day.date <= to);
      // Habits: some are often late, some work more than others.
      const lateness = random.next() < 0.15 ? 3 : random.next() < 0.5 ? 1 : 0.4;
      const diligence = 0.8 + random.next() * 0.3;
      const superior = superiorOf(person.employeeId).superiorEmployeeId;

      // At most one leave or duty block each, over consecutive working days of one week.
      const onLeave = new Set<string>();
      const leave = LEAVES.find((candidate) => random.isChance(candidate.share));
      if (leave && days.length > 5) {
        const first = random.int(0, days.length - leave.maxDays - 1);
        const block = days.slice(first, first + random.int(1, leave.maxDays)).filter((day, index, list) => index === 0 || isoWeekday(day.date) > isoWeekday(list[0]?.date ?? day.date));
        const startDate = block[0]?.date;
        const endDate = block[block.length - 1]?.date;
        if (startDate && endDate) {
          for (const day of block) onLeave.add(day.date);
          const decided = atMinutes(block[0]?.plannedStart ?? now, -2 * 24 * 60 + 90);
          requests.push({
            employeeId: person.employeeId,
            kind: leave.kind,
            startDate,
            endDate,
            reason: leave.reason,
            status: 'disetujui',
            approverEmployeeId: superior,
            decidedByUserId: superior ? (userOf.get(superior) ?? null) : null,
            decidedAt: decided,
            workingDays: block.length,
            createdAt: atMinutes(decided, -24 * 60),
            updatedAt: decided,
          });
        }
      }

      const upcoming = planned.filter((day) => day.date > to);
      if (superior && upcoming.length > 0 && random.isChance(ASKS_LEAVE)) {
        const day = random.pick(upcoming);
        const asked = new Date(now.getTime() - random.int(1, 72) * 3_600_000);
        requests.push({
          employeeId: person.employeeId,
          kind: 'cuti_tahunan',
          startDate: day.date,
          endDate: day.date,
          reason: 'Menghadiri pernikahan saudara',
          status: 'diajukan',
          approverEmployeeId: superior,
          workingDays: 1,
          createdAt: asked,
          updatedAt: asked,
        });
      }

      /** Writes a punch; returns its wall clock (ms, read as UTC). `offset`: the zone's offset that day. */
      const punch = (instant: Date, offset: number, statusCode: number) => {
        const wallMs = instant.getTime() + offset;
        punchRows.reserve(2);
        punchRows.int16(10);
        punchRows.textField(device.serialNumber);
        punchRows.textField(pin);
        // timestamp without time zone: the wall clock, as if it were UTC.
        punchRows.timestampField(wallMs);
        punchRows.timestampField(instant.getTime());
        punchRows.int32Field(statusCode);
        punchRows.int32Field(1);
        punchRows.textField('adms');
        punchRows.uuidField(person.employeeId);
        punchRows.textField('ok');
        punchRows.timestampField(now.getTime());
        punches++;
        return wallMs;
      };
      for (const day of days) {
        if (onLeave.has(day.date) || !day.plannedStart || !day.plannedEnd) continue;
        // One draw decides the day: absent without leave (no punch at all), a forgotten check-out or
        // check-in, late (more often for the habitually late), otherwise on time.
        const roll = random.next();
        if (roll < ABSENT) continue;
        const forgetsOut = roll < ABSENT + FORGETS_OUT;
        const forgetsIn = !forgetsOut && roll < ABSENT + FORGETS_OUT + FORGETS_IN;
        const isLate = !forgetsOut && !forgetsIn && roll < ABSENT + FORGETS_OUT + FORGETS_IN + LATE * lateness;
        const leavesEarly = !isLate && random.isChance(0.05);
        const checkIn = isLate ? atMinutes(day.plannedStart, lateMinutes(random), random.int(0, 59)) : atMinutes(day.plannedStart, -random.int(5, 35), random.int(0, 59));
        const checkOut = leavesEarly ? atMinutes(day.plannedEnd, -random.int(1, 90), random.int(0, 59)) : atMinutes(day.plannedEnd, random.int(0, 50), random.int(0, 59));
        // Indonesia keeps no daylight saving: one offset for the whole day.
        const offset = zoneOffsetMs(day.plannedStart.getTime(), zone);
        const inTime = forgetsIn || checkIn > now ? null : punch(checkIn, offset, 0);
        if (!forgetsOut && checkOut <= now) punch(checkOut, offset, 1);
        if (day.date > lastActivityDate) continue;

        // The day's activities, laid out from shortly after arriving.
        const plannedMinute = minuteOfDayOf(day.plannedStart.getTime() + offset);
        const firstMinute = Math.max(inTime === null ? plannedMinute : minuteOfDayOf(inTime) + 15, plannedMinute);
        const target = Math.round(RECORDED_MINUTES * diligence * (0.85 + random.next() * 0.25));
        const choices = catalogue.get(person.positionId)?.length ? [...(catalogue.get(person.positionId) ?? []), ...(catalogue.get(null) ?? []).slice(0, 3)] : (catalogue.get(null) ?? []);
        const isPending = day.date >= pendingFrom || !superior;
        const submitted = atMinutes(day.plannedEnd, random.int(-30, 90));
        const decided = atMinutes(day.plannedStart, 24 * 60 + random.int(60, 300));
        for (const entry of planEntries(random, choices, target, Math.ceil(firstMinute / 15) * 15)) {
          const isRejected = !isPending && random.isChance(0.01);
          const status = isPending ? 'submitted' : isRejected ? 'rejected' : 'approved';
          const decidedByUser = isPending || !superior ? null : (userOf.get(superior) ?? null);
          entryRows.reserve(2);
          entryRows.int16(22);
          entryRows.uuidField(person.employeeId);
          entryRows.uuidField(person.unitId);
          entryRows.dateField(day.date);
          entryRows.timeField(entry.start);
          entryRows.timeField(entry.end);
          entryRows.uuidField(entry.choice?.versionId ?? null);
          entryRows.boolField(entry.choice === null);
          entryRows.textField(entry.title);
          entryRows.int32Field(entry.volume);
          entryRows.textField(entry.choice?.outputUnit ?? 'kegiatan');
          if (entry.choice) entryRows.int32Field(entry.choice.standardMinutes);
          else entryRows.nullField();
          entryRows.int32Field(entry.claimed);
          if (status === 'approved') entryRows.int32Field(entry.claimed);
          else entryRows.nullField();
          entryRows.textField(status);
          entryRows.timestampField(submitted.getTime());
          entryRows.uuidField(isPending ? null : superior);
          entryRows.uuidField(decidedByUser);
          entryRows.timestampField(isPending ? null : decided.getTime());
          entryRows.textField(isRejected ? 'Uraian kegiatan tidak sesuai dengan hasil kerja' : null);
          entryRows.uuidField(person.userId);
          entryRows.timestampField(submitted.getTime());
          entryRows.timestampField((isPending ? submitted : decided).getTime());
          entries++;
          if (isPending) pendingEntries++;
        }
      }
    }

    for (let start = 0; start < requests.length; start += 1_000) await tx.insert(attendanceRequests).values(requests.slice(start, start + 1_000));
    punchRows.trailer();
    const skipsKeyChecks = await skipForeignKeyChecks(tx);
    await channel.copyIn(PUNCH_COLUMNS, punchRows.done());
    await tx.execute(sql`update devices d set last_punch_at = p.latest, last_contact_at = ${nowText}, updated_at = ${nowText}
      from (select serial_number, max(instant) as latest from punches where serial_number = any(${`{${insertedDevices.map((device) => device.serialNumber).join(',')}}`}::text[]) group by serial_number) p
      where d.serial_number = p.serial_number`);
    if (skipsKeyChecks) await tx.execute(sql`set local session_replication_role = origin`);
    const rebuilt = await rebuildDailyAttendance(tx, { from, to, now });
    entryRows.trailer();
    if (skipsKeyChecks) await skipForeignKeyChecks(tx);
    await channel.copyIn(ENTRY_COLUMNS, entryRows.done());
    if (skipsKeyChecks) await tx.execute(sql`set local session_replication_role = origin`);

    const disciplineDecisions = await seedDisciplineDecisions(tx, systemContext('seed-demo', clock, await findRegionZone(tx)), people, from, random);
    const summary: DemoHistorySummary = {
      from,
      to,
      devices: insertedDevices.length,
      punches,
      requests: requests.length,
      attendanceDays: rebuilt.rows,
      entries,
      pendingEntries,
      disciplineDecisions,
    };
    await tx.insert(appSettings).values({ key: DEMO_HISTORY_SETTING_KEY, value: JSON.stringify(summary), updatedAt: now });
    await recordAudit(tx, systemContext('seed-demo', clock, await findRegionZone(tx)), { action: 'seed-demo-history', entityType: 'demo', after: { ...summary, at: nowText } });
    return summary;
  });
}
