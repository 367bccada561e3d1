import type { assignments, employees, positions, superiorOverrides, units } from '../../db/schema';
import { ADMIN_OPD_UNIT_NAME, DEMO_OPDS, REGENCY_CODE, REGENCY_NAME } from './demo-catalog';
import { addDays, daysBetween, firstOfMonth, lastOfMonth, laterOf } from './demo-dates';
import { createIdentity, jobProfile, type Identity, type PostProfile } from './demo-identity';
import { JOBS } from './demo-jobs';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people';
import { chooseHeadField, chooseStaff } from './demo-staffing';
import type { OpdSpec, UnitSpec, VacancySpec } from './demo-unit-spec';
import { SeededRandom } from './seeded-random';

type WithId<T> = T & { id: string };
export type UnitRow = WithId<typeof units.$inferInsert>;
export type PositionRow = WithId<typeof positions.$inferInsert>;
export type EmployeeRow = WithId<typeof employees.$inferInsert>;
export type AssignmentRow = WithId<typeof assignments.$inferInsert>;
export type OverrideRow = WithId<typeof superiorOverrides.$inferInsert>;

export interface DemoRegency {
  units: UnitRow[];
  positions: PositionRow[];
  employees: EmployeeRow[];
  assignments: AssignmentRow[];
  overrides: OverrideRow[];
  /** The OPD whose admin account is created (Dinas Kesehatan). */
  adminOpdUnitId: string;
}

/** Changing the seed (or the catalogue) changes every NIP and id: documentation quotes them. */
const SEED = 'pemerintah-kabupaten-contoh/1';
/** Definitif assignments in force began within this window (TMT jabatan). */
const TENURE_START = '2019-01-02';
const TENURE_END = '2025-07-01';
const HEAD_VACANCY_CHANCE = 0.05;
const HISTORY_CHANCE = 0.3;

const pad2 = (value: number) => String(value).padStart(2, '0');

interface OpdBuild {
  spec: OpdSpec;
  unitIdByName: Map<string, string>;
  actings: { positionId: string; vacancy: Extract<VacancySpec, { acting: 'plt' | 'plh' }>; title: string }[];
  reportsTo: { position: PositionRow; unitName: string }[];
}

class RegencyBuilder {
  readonly units: UnitRow[] = [];
  readonly positions: PositionRow[] = [];
  readonly employees: EmployeeRow[] = [];
  readonly assignments: AssignmentRow[] = [];
  readonly overrides: OverrideRow[] = [];
  private readonly usedNips = new Set<string>(Object.values(DEMO_PEOPLE).map((person) => person.nip));
  /** unit id → its head position and that position's definitif holder. */
  private readonly heads = new Map<string, { positionId: string; holderId: string | null }>();
  private readonly unitIdsByName = new Map<string, string[]>();
  private readonly staffHolders = new Map<string, { job: string; employeeIds: string[] }[]>();

  constructor(
    private readonly random: SeededRandom,
    private readonly referenceDate: string,
  ) {}

  build(): DemoRegency {
    const root = this.addUnit({ code: REGENCY_CODE, name: REGENCY_NAME, kind: 'pemda', parentId: null });
    let sekdaPositionId: string | null = null;
    DEMO_OPDS.forEach((spec, index) => {
      const opd: OpdBuild = { spec, unitIdByName: new Map(), actings: [], reportsTo: [] };
      const opdUnitId = this.addUnitTree(spec, root.id, `${REGENCY_CODE}.${pad2(index + 1)}`, sekdaPositionId, opd);
      sekdaPositionId ??= this.headOf(opdUnitId).positionId;
      this.resolveOpdReferences(opd);
    });
    this.addOverrides();
    return {
      units: this.units,
      positions: this.positions,
      employees: this.employees,
      assignments: this.assignments,
      overrides: this.overrides,
      adminOpdUnitId: this.uniqueUnitId(ADMIN_OPD_UNIT_NAME),
    };
  }

  private addUnit(input: Pick<UnitRow, 'code' | 'name' | 'kind' | 'parentId'>): UnitRow {
    const row: UnitRow = { id: this.random.uuid(), ...input };
    this.units.push(row);
    this.unitIdsByName.set(input.name, [...(this.unitIdsByName.get(input.name) ?? []), row.id]);
    return row;
  }

  private addUnitTree(spec: UnitSpec, parentId: string, code: string, superiorPositionId: string | null, opd: OpdBuild): string {
    const unit = this.addUnit({ code, name: spec.name, kind: spec.kind, parentId });
    opd.unitIdByName.set(spec.name, unit.id);
    let positionSeq = 0;
    const positionCode = () => `${code}-${pad2(++positionSeq)}`;

    const head = this.addPosition({
      code: positionCode(),
      name: spec.head.title,
      jenis: spec.head.jenis,
      kelasJabatan: spec.head.kelas,
      unitId: unit.id,
      superiorPositionId,
      isUnitHead: true,
    });
    if (spec.head.reportsToHeadOf) opd.reportsTo.push({ position: head, unitName: spec.head.reportsToHeadOf });

    const staffPositions = chooseStaff(this.random, spec, opd.spec).map((staff) => ({
      staff,
      position: this.addPosition({
        code: positionCode(),
        name: JOBS[staff.job].name,
        jenis: JOBS[staff.job].jenis,
        kelasJabatan: JOBS[staff.job].kelas,
        unitId: unit.id,
        superiorPositionId: head.id,
        isUnitHead: false,
      }),
    }));

    const vacancy = spec.head.vacancy ?? (this.isRandomVacancy(spec) ? ({ acting: null } as const) : undefined);
    let headHolderId: string | null = null;
    if (vacancy) {
      if (vacancy.acting) opd.actings.push({ positionId: head.id, vacancy, title: spec.head.title });
    } else {
      const profile: PostProfile = { jenis: spec.head.jenis, kelas: spec.head.kelas, field: chooseHeadField(spec, opd.spec), level: 'sarjana', isPppk: false };
      const holder = this.hire(profile, unit.id, spec.head.holder);
      headHolderId = holder.id;
      const start = this.appointDefinitif(holder, head.id, true);
      const earlierPost = staffPositions[0]?.position;
      if (earlierPost && (spec.head.jenis === 'administrator' || spec.head.jenis === 'pengawas') && this.random.isChance(HISTORY_CHANCE)) {
        this.addHistory(holder, earlierPost.id, start);
      }
    }
    this.heads.set(unit.id, { positionId: head.id, holderId: headHolderId });

    const holdersByJob: { job: string; employeeIds: string[] }[] = [];
    for (const { staff, position } of staffPositions) {
      const spec = JOBS[staff.job];
      const pppkChance = spec.isPppkFormation ? 0.6 : spec.jenis === 'pelaksana' ? 0.12 : 0.04;
      const employeeIds: string[] = [];
      for (let index = 0; index < staff.count; index++) {
        const fixed = staff.holders?.[index];
        const holder = this.hire(jobProfile(staff.job, !fixed && this.random.isChance(pppkChance)), unit.id, fixed);
        this.appointDefinitif(holder, position.id, false);
        employeeIds.push(holder.id);
      }
      holdersByJob.push({ job: staff.job, employeeIds });
    }
    this.staffHolders.set(unit.id, holdersByJob);

    spec.children.forEach((child, index) => this.addUnitTree(child, unit.id, `${code}.${pad2(index + 1)}`, head.id, opd));
    return unit.id;
  }

  /** Now and then a seksi or subbagian head post is empty: approvals then go one level up. */
  private isRandomVacancy(spec: UnitSpec): boolean {
    return spec.head.jenis === 'pengawas' && !spec.head.holder && this.random.isChance(HEAD_VACANCY_CHANCE);
  }

  private addPosition(input: Omit<PositionRow, 'id'>): PositionRow {
    const row: PositionRow = { id: this.random.uuid(), ...input };
    this.positions.push(row);
    return row;
  }

  private hire(profile: PostProfile, unitId: string, fixed?: DemoPerson): EmployeeRow & { appointedOn: string } {
    const identity: Identity = fixed ? { ...fixed, jenisAsn: 'PNS' } : createIdentity(this.random, profile, this.usedNips);
    const row: EmployeeRow = {
      id: this.random.uuid(),
      nip: identity.nip,
      jenisAsn: identity.jenisAsn,
      name: identity.name,
      gelarDepan: identity.gelarDepan,
      gelarBelakang: identity.gelarBelakang,
      birthDate: identity.birthDate,
      gender: identity.gender,
      golongan: identity.golongan,
      status: 'aktif',
      unitId,
    };
    this.employees.push(row);
    // TMT CPNS (PNS) or the appointment year (PPPK) comes from the number itself.
    const appointedOn = identity.jenisAsn === 'PNS' ? `${identity.nip.slice(8, 12)}-${identity.nip.slice(12, 14)}-01` : `${identity.nip.slice(8, 12)}-03-01`;
    return { ...row, appointedOn };
  }

  private appointDefinitif(holder: { id: string; appointedOn: string }, positionId: string, isStructural: boolean): string {
    const earliest = laterOf(holder.appointedOn, TENURE_START);
    const span = daysBetween(earliest, TENURE_END);
    const startDate = span > 0 ? addDays(earliest, this.random.int(0, span)) : earliest;
    this.assignments.push({
      id: this.random.uuid(),
      employeeId: holder.id,
      positionId,
      kind: 'definitif',
      startDate,
      endDate: null,
      decreeNumber: isStructural ? `800.1.3.3/${this.random.int(100, 999)}/BKPSDM/${startDate.slice(0, 4)}` : null,
    });
    return startDate;
  }

  /** The head's earlier post in the same unit, ended the day before the promotion. */
  private addHistory(holder: { id: string; appointedOn: string }, positionId: string, promotedOn: string) {
    const endDate = addDays(promotedOn, -1);
    const startDate = laterOf(holder.appointedOn, addDays(promotedOn, -this.random.int(700, 2000)));
    if (startDate >= endDate) return;
    this.assignments.push({ id: this.random.uuid(), employeeId: holder.id, positionId, kind: 'definitif', startDate, endDate, decreeNumber: null });
  }

  private headOf(unitId: string) {
    const head = this.heads.get(unitId);
    if (!head) throw new Error(`demo catalogue: unit ${unitId} has no head`);
    return head;
  }

  private resolveOpdReferences(opd: OpdBuild) {
    const unitIdIn = (name: string) => {
      const id = opd.unitIdByName.get(name);
      if (!id) throw new Error(`demo catalogue: ${opd.spec.name} has no unit ${name}`);
      return id;
    };
    for (const { position, unitName } of opd.reportsTo) position.superiorPositionId = this.headOf(unitIdIn(unitName)).positionId;
    for (const { positionId, vacancy, title } of opd.actings) {
      const actingId = this.headOf(unitIdIn(vacancy.actingHeadOf)).holderId;
      if (!actingId) throw new Error(`demo catalogue: the acting head for ${title} is vacant`);
      const isPlt = vacancy.acting === 'plt';
      this.assignments.push({
        id: this.random.uuid(),
        employeeId: actingId,
        positionId,
        kind: vacancy.acting,
        // Plt runs until a definitif official is installed; Plh covers a short absence (SE BKN 1/2021).
        startDate: firstOfMonth(this.referenceDate, isPlt ? -2 : 0),
        endDate: isPlt ? null : lastOfMonth(this.referenceDate, 1),
        decreeNumber: `800.1.3.3/${this.random.int(100, 999)}/BKPSDM/${this.referenceDate.slice(0, 4)}`,
        note: isPlt ? `Plt. ${title} sampai pejabat definitif dilantik` : `Plh. ${title} selama jabatan lowong`,
      });
    }
  }

  private uniqueUnitId(name: string): string {
    const ids = this.unitIdsByName.get(name) ?? [];
    if (ids.length !== 1 || !ids[0]) throw new Error(`demo catalogue: expected one unit named ${name}, found ${ids.length}`);
    return ids[0];
  }

  /** Two secondments where the superior of record differs from the position tree. */
  private addOverrides() {
    const secondments = [
      {
        from: 'Seksi Komunikasi Publik dan Media',
        job: null,
        to: 'Bagian Protokol dan Komunikasi Pimpinan',
        startDate: firstOfMonth(this.referenceDate, -1),
        endDate: lastOfMonth(this.referenceDate, 2),
        reason: 'Diperbantukan pada Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah',
      },
      {
        from: 'UPTD Puskesmas Sungai Jernih',
        job: 'perawatTerampil',
        to: 'Bidang Keperawatan',
        startDate: firstOfMonth(this.referenceDate, 0),
        endDate: null,
        reason: 'Penugasan sementara di RSUD untuk memenuhi kebutuhan tenaga keperawatan',
      },
    ];
    for (const secondment of secondments) {
      const employeeId = this.staffHolders
        .get(this.uniqueUnitId(secondment.from))
        ?.filter((group) => secondment.job === null || group.job === secondment.job)
        .flatMap((group) => group.employeeIds)[0];
      const superiorEmployeeId = this.headOf(this.uniqueUnitId(secondment.to)).holderId;
      if (!employeeId || !superiorEmployeeId) throw new Error(`demo catalogue: cannot second staff of ${secondment.from}`);
      this.overrides.push({ id: this.random.uuid(), employeeId, superiorEmployeeId, startDate: secondment.startDate, endDate: secondment.endDate, reason: secondment.reason });
    }
  }
}

/**
 * The whole demo regency as rows, built in memory without I/O. Deterministic: the same
 * `referenceDate` (today in WIB, from the seeding clock) gives the same rows, ids and NIPs; only
 * the acting assignments and secondments are dated relative to it, so they are in force.
 */
export function buildDemoRegency(referenceDate: string): DemoRegency {
  return new RegencyBuilder(new SeededRandom(SEED), referenceDate).build();
}
