import type { EvaluationView } from '../../../../contracts/skp-evaluation';
import type { RealisationBoard } from '../../../../contracts/skp-realisation';
import type { SkpRhkView, SkpView } from '../../../../contracts/skp';
import { BERAKHLAK_VALUES } from '../../../../domain/skp/berakhlak';
import { formatIndonesianDate } from '../../../../domain/calendar/indonesian-dates';
import { PP46_BEHAVIOUR_ASPECTS, PP46_BEHAVIOUR_LABELS, PP46_CREATIVITY_POINTS } from '../../../../domain/skp/pp46-formula';
import {
  EMPLOYEE_PREDIKAT_LABELS,
  JPT_PERSPECTIVE_LABELS,
  RATING_LABELS,
  UNIT_PREDIKAT_LABELS,
  type EmployeePredikat,
  type Rating,
  type UnitPredikat,
} from '../../../../domain/skp/vocabulary';
import type { Block, IdentityColumn, Signatory, TableColumn, TableRow } from '../../../platform/pdf-blocks';

/**
 * The SKP documents as blocks (PermenPANRB 6/2022 lampiran layouts): the SKP itself, the periodic
 * evaluation, and the annual performance document. Labels are Indonesian, as the forms are.
 */

const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
export const formatNumber = (value: number) => numberFormat.format(value);
const dash = (value: string | null | undefined) => (value && value.trim() !== '' ? value : '-');
/** A fields row only when there is something to print (a decision recorded on behalf, a creativity level). */
const optionalField = (label: string, value: string | null): [string, string][] => (value === null ? [] : [[label, value]]);
const NUMBER_COLUMN: TableColumn = { header: 'No', share: 0.05, align: 'center' };

export interface PersonRank {
  /** Pangkat/golongan ruang as recorded now (not snapshotted on the SKP). */
  employee: string | null;
  assessor: string | null;
  assessorSuperior: string | null;
}

const isKepalaDaerah = (person: SkpView['assessor']) => person.kind === 'kepala_daerah';

export function identityBlock(skp: SkpView, ranks: PersonRank): Block {
  const left: IdentityColumn = {
    heading: 'PEGAWAI YANG DINILAI',
    rows: [
      ['Nama', skp.employee.name ?? '-'],
      ['NIP', skp.employee.nip ?? '-'],
      ['Pangkat/Gol. Ruang', dash(ranks.employee)],
      ['Jabatan', dash(skp.employee.positionName)],
      ['Unit Kerja', dash(skp.employee.unitName)],
    ],
  };
  const right: IdentityColumn = {
    heading: 'PEJABAT PENILAI KINERJA',
    rows: [
      ['Nama', dash(skp.assessor.name)],
      ['NIP', dash(skp.assessor.nip)],
      ['Pangkat/Gol. Ruang', dash(ranks.assessor)],
      ['Jabatan', dash(skp.assessor.positionName)],
      // The kepala daerah heads the regency, not the employee's unit.
      ['Unit Kerja', isKepalaDaerah(skp.assessor) ? '-' : dash(skp.employee.unitName)],
    ],
  };
  return { kind: 'identity', left, right };
}

const signatories = (skp: SkpView): Signatory[] => [
  { role: 'Pegawai yang Dinilai', name: skp.employee.name ?? '-', nip: skp.employee.nip ?? '-' },
  { role: isKepalaDaerah(skp.assessor) ? `Pejabat Penilai Kinerja\n${dash(skp.assessor.positionName)}` : 'Pejabat Penilai Kinerja', name: dash(skp.assessor.name), nip: isKepalaDaerah(skp.assessor) ? null : dash(skp.assessor.nip) },
];

/** "Atas nama …, dicatat oleh … : dasar": a decision BKPSDM recorded for a kepala daerah, printed as such. */
const onBehalfText = (record: { officialName: string; reason: string; recordedByName: string | null }) =>
  `Dicatat oleh ${record.recordedByName ?? 'admin BKPSDM'} (admin BKPSDM) atas nama ${record.officialName}. Dasar: ${record.reason}`;

const indicatorTarget = (indicator: SkpRhkView['indicators'][number]) =>
  `${formatNumber(indicator.targetValue)}${indicator.targetValueUpper === null ? '' : ` – ${formatNumber(indicator.targetValueUpper)}`} ${indicator.targetUnit}`;

/**
 * The RHK table: grouped as A. Utama / B. Tambahan (JPT: by perspective inside), one row per
 * indicator, numbered on the first row of an RHK; `columns` and `cellsOf` give what follows the number.
 */
function rhkTable(skp: SkpView, columns: TableColumn[], cellsOf: (rhk: SkpRhkView, indicator: SkpRhkView['indicators'][number] | null, isFirst: boolean) => string[]): Block {
  const rows: TableRow[] = [];
  for (const [kind, label] of [
    ['utama', 'A. UTAMA'],
    ['tambahan', 'B. TAMBAHAN'],
  ] as const) {
    rows.push({ group: label });
    const items = skp.rhk.filter((rhk) => rhk.kind === kind);
    if (items.length === 0) rows.push({ group: '(tidak ada)' });
    let lastPerspective: string | null = null;
    items.forEach((rhk, index) => {
      if (skp.isJpt && rhk.perspective && rhk.perspective !== lastPerspective) {
        rows.push({ group: JPT_PERSPECTIVE_LABELS[rhk.perspective] });
        lastPerspective = rhk.perspective;
      }
      const indicators = rhk.indicators.length > 0 ? rhk.indicators : [null];
      indicators.forEach((indicator, position) => rows.push({ cells: [position === 0 ? String(index + 1) : '', ...cellsOf(rhk, indicator, position === 0)] }));
    });
  }
  return { kind: 'table', columns: [NUMBER_COLUMN, ...columns], rows };
}

const cascadeText = (rhk: SkpRhkView) => rhk.supportedRhkText ?? (rhk.supportedAgreementText ? `Perjanjian kinerja: ${rhk.supportedAgreementText}` : '-');
const periodLine = (skp: Pick<SkpView, 'startDate' | 'endDate'>) => `PERIODE: ${formatIndonesianDate(skp.startDate).toUpperCase()} SAMPAI DENGAN ${formatIndonesianDate(skp.endDate).toUpperCase()}`;

/** The BerAKHLAK values with the leader's expectations, and on an evaluation (`notes`) the feedback on each. */
function behaviourTable(expectations: Record<string, string>, notes?: Record<string, string>): Block {
  const columns: TableColumn[] = notes
    ? [NUMBER_COLUMN, { header: 'Perilaku Kerja (BerAKHLAK)', share: 0.45 }, { header: 'Ekspektasi Khusus Pimpinan', share: 0.25 }, { header: 'Umpan Balik', share: 0.25 }]
    : [NUMBER_COLUMN, { header: 'Perilaku Kerja (BerAKHLAK)', share: 0.6 }, { header: 'Ekspektasi Khusus Pimpinan', share: 0.35 }];
  const rows = BERAKHLAK_VALUES.map((value, index): TableRow => {
    const guidance = `${value.name}\n${value.guidance.map((item) => `- ${item}`).join('\n')}`;
    const cells = [String(index + 1), guidance, dash(expectations[value.code])];
    return { cells: notes ? [...cells, dash(notes[value.code])] : cells };
  });
  return { kind: 'table', columns, rows };
}

export interface SkpDocumentInput {
  skp: SkpView;
  ranks: PersonRank;
  /** The leader's specific expectations, taken from the latest evaluation when there is one. */
  leaderExpectations: Record<string, string>;
  dateLine: string;
}

export function buildSkpDocument(input: SkpDocumentInput): Block[] {
  const { skp } = input;
  return [
    { kind: 'title', lines: ['SASARAN KINERJA PEGAWAI', skp.isJpt ? 'PENDEKATAN HASIL KERJA KUALITATIF (JPT)' : 'PENDEKATAN HASIL KERJA KUANTITATIF', periodLine(skp)] },
    {
      kind: 'fields',
      rows: [
        ['Status', `${skp.status === 'approved' ? 'Disetujui' : skp.status === 'submitted' ? 'Diajukan' : skp.status === 'returned' ? 'Dikembalikan' : 'Draf'} · revisi ke-${skp.revision}`],
        ...optionalField(skp.status === 'returned' ? 'Pengembalian' : 'Persetujuan', skp.decidedOnBehalf && onBehalfText(skp.decidedOnBehalf)),
      ],
    },
    identityBlock(skp, input.ranks),
    { kind: 'heading', text: 'HASIL KERJA' },
    rhkTable(
      skp,
      [
        { header: 'Rencana Hasil Kerja Pimpinan yang Diintervensi', share: 0.22 },
        { header: 'Rencana Hasil Kerja', share: 0.22 },
        { header: 'Aspek', share: 0.1 },
        { header: 'Indikator Kinerja Individu', share: 0.25 },
        { header: 'Target', share: 0.16 },
      ],
      (rhk, indicator, isFirst) => [
        isFirst ? cascadeText(rhk) : '',
        isFirst ? rhk.text : '',
        indicator ? indicator.aspect.charAt(0).toUpperCase() + indicator.aspect.slice(1) : '-',
        indicator?.text ?? '-',
        indicator ? indicatorTarget(indicator) : '-',
      ],
    ),
    { kind: 'heading', text: 'PERILAKU KERJA' },
    behaviourTable(input.leaderExpectations),
    { kind: 'heading', text: 'LAMPIRAN SASARAN KINERJA PEGAWAI' },
    {
      kind: 'fields',
      rows: [
        ['Dukungan Sumber Daya', dash(skp.dukunganSumberDaya)],
        ['Skema Pertanggungjawaban', dash(skp.skemaPertanggungjawaban)],
        ['Konsekuensi', dash(skp.konsekuensi)],
      ],
    },
    { kind: 'signatures', dateLine: input.dateLine, people: signatories(skp) },
  ];
}

const ratingText = (rating: Rating | null) => (rating ? RATING_LABELS[rating].toUpperCase() : 'BELUM DINILAI');
const predikatText = (predikat: EmployeePredikat | null) => (predikat ? EMPLOYEE_PREDIKAT_LABELS[predikat].toUpperCase() : 'BELUM DITETAPKAN');

export interface EvaluationDocumentInput {
  skp: SkpView;
  ranks: PersonRank;
  evaluation: EvaluationView;
  period: { startDate: string; endDate: string };
  board: RealisationBoard;
  unitPredikat: UnitPredikat | null;
  dateLine: string;
}

/** Realised values of an indicator through the evaluated period (a period's own values, the year's progress for the annual one). */
function realisedText(board: RealisationBoard, rhkId: string, indicatorId: string, periodKey: string, unit: string, isAnnual: boolean): string {
  const rhk = board.rhk.find((item) => item.rhkId === rhkId);
  if (!rhk) return '-';
  if (isAnnual) {
    const progress = rhk.progress.find((item) => item.indicatorId === indicatorId);
    return progress?.realised === null || progress === undefined ? '-' : `${formatNumber(progress.realised)} ${unit}`;
  }
  const value = rhk.periods.find((period) => period.periodKey === periodKey)?.indicatorValues.find((item) => item.indicatorId === indicatorId)?.value;
  return value === undefined ? '-' : `${formatNumber(value)} ${unit}`;
}

export function buildEvaluationDocument(input: EvaluationDocumentInput): Block[] {
  const { skp, evaluation, board } = input;
  const isAnnual = evaluation.periodKind === 'annual';
  const periodOf = (rhkId: string) => board.rhk.find((item) => item.rhkId === rhkId)?.periods.find((period) => period.periodKey === evaluation.periodKey);
  const blocks: Block[] = [
    {
      kind: 'title',
      lines: [isAnnual ? 'EVALUASI KINERJA PEGAWAI TAHUNAN' : 'EVALUASI KINERJA PEGAWAI PERIODIK', periodLine(input.period)],
    },
    {
      kind: 'fields',
      rows: [
        ['Status penilaian', evaluation.isFinal ? `Final (${evaluation.finalisedAt?.slice(0, 10) ?? ''})` : 'Draf (belum final)'],
        ...optionalField('Penilaian', evaluation.onBehalf && onBehalfText(evaluation.onBehalf)),
      ],
    },
    identityBlock(skp, input.ranks),
    { kind: 'heading', text: 'CAPAIAN KINERJA ORGANISASI' },
    { kind: 'paragraph', text: input.unitPredikat ? UNIT_PREDIKAT_LABELS[input.unitPredikat].toUpperCase() : 'Belum ditetapkan' },
    { kind: 'heading', text: 'HASIL KERJA' },
    rhkTable(
      skp,
      [
        { header: 'Rencana Hasil Kerja', share: 0.22 },
        { header: 'Indikator Kinerja Individu', share: 0.22 },
        { header: 'Target', share: 0.12 },
        { header: 'Realisasi', share: 0.19 },
        { header: 'Umpan Balik', share: 0.2 },
      ],
      (rhk, indicator, isFirst) => {
        const period = periodOf(rhk.id);
        return [
          isFirst ? rhk.text : '',
          indicator?.text ?? '-',
          indicator ? indicatorTarget(indicator) : '-',
          indicator ? realisedText(board, rhk.id, indicator.id, evaluation.periodKey, indicator.targetUnit, isAnnual) + (isFirst && !isAnnual && period?.realisasi ? `\n${period.realisasi}` : '') : '-',
          isFirst && !isAnnual ? dash(period?.feedback) + (period?.feedbackOnBehalf ? `\n(${onBehalfText(period.feedbackOnBehalf)})` : '') : '',
        ];
      },
    ),
    { kind: 'fields', rows: [['RATING HASIL KERJA', ratingText(evaluation.hasilKerjaRating)]] },
    { kind: 'heading', text: 'PERILAKU KERJA' },
    behaviourTable(evaluation.leaderExpectations, evaluation.behaviourNotes),
    { kind: 'fields', rows: [['RATING PERILAKU KERJA', ratingText(evaluation.perilakuKerjaRating)]] },
    { kind: 'heading', text: 'PREDIKAT KINERJA PEGAWAI' },
    { kind: 'paragraph', text: predikatText(evaluation.predikat) },
  ];
  if (evaluation.pp46) blocks.push(...pp46Blocks(evaluation.pp46));
  blocks.push({ kind: 'signatures', dateLine: input.dateLine, people: signatories(skp) });
  return blocks;
}

/** PP 46/2011 scores are printed with two decimals, as computed (pp46-formula.ts). */
const scoreFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const score = (value: number) => scoreFormat.format(value);

/**
 * PP 46/2011 as on its form: each perilaku aspect, their jumlah and nilai rata-rata (the mean that
 * weighs 40 %), then the SKP score and the final. A rating stored before the aspects were kept
 * prints the mean only.
 */
function pp46Blocks(pp46: NonNullable<EvaluationView['pp46']>): Block[] {
  const behaviour = pp46.behaviour;
  const aspectRows: TableRow[] = behaviour
    ? [
        ...PP46_BEHAVIOUR_ASPECTS.flatMap((aspect, index) => {
          const value = behaviour[aspect];
          return value === null ? [] : [{ cells: [String(index + 1), PP46_BEHAVIOUR_LABELS[aspect], score(value)] }];
        }),
        { cells: ['', 'Jumlah', score(behaviour.jumlah)] },
        { cells: ['', `Nilai rata-rata (${behaviour.aspectCount} aspek)`, score(pp46.behaviourScore)] },
      ]
    : [{ cells: ['', 'Nilai rata-rata (nilai per aspek tidak tersimpan)', score(pp46.behaviourScore)] }];
  return [
    { kind: 'heading', text: 'PENILAIAN PERILAKU KERJA (PP 46/2011)' },
    { kind: 'table', columns: [{ header: 'No', share: 0.08, align: 'center' }, { header: 'Aspek', share: 0.62 }, { header: 'Nilai', share: 0.3, align: 'center' }], rows: aspectRows },
    { kind: 'heading', text: 'NILAI PRESTASI KERJA (PP 46/2011)' },
    {
      kind: 'fields',
      rows: [
        ['Nilai capaian SKP', score(pp46.skpScore)],
        ...optionalField('Kreativitas', pp46.creativity && `${pp46.creativity.replace('_', ' ')} (+${PP46_CREATIVITY_POINTS[pp46.creativity]})`),
        ['Nilai perilaku kerja', score(pp46.behaviourScore)],
        ['Nilai prestasi kerja (60 % SKP + 40 % perilaku)', `${score(pp46.finalScore)} (${pp46.band})`],
      ],
    },
  ];
}

export interface AnnualDocumentInput {
  skp: SkpView;
  ranks: PersonRank;
  annual: EvaluationView | null;
  periodic: EvaluationView[];
  unitPredikat: UnitPredikat | null;
  dateLine: string;
}

/**
 * Dokumen evaluasi kinerja tahunan: identity of the employee, the assessor and the assessor's
 * superior, the periodic ratings of the year, the annual ratings and predikat, signed by the
 * assessor and acknowledged by the employee.
 */
export function buildAnnualDocument(input: AnnualDocumentInput): Block[] {
  const { skp, annual } = input;
  const blocks: Block[] = [
    { kind: 'title', lines: ['DOKUMEN EVALUASI KINERJA PEGAWAI', `PERIODE PENILAIAN: TAHUNAN ${skp.year}`, periodLine(skp)] },
    identityBlock(skp, input.ranks),
    {
      kind: 'identity',
      left: { heading: 'ATASAN PEJABAT PENILAI KINERJA', rows: [['Nama', dash(skp.assessorSuperior.name)], ['NIP', dash(skp.assessorSuperior.nip)], ['Pangkat/Gol. Ruang', dash(input.ranks.assessorSuperior)], ['Jabatan', dash(skp.assessorSuperior.positionName)]] },
      right: { heading: 'CAPAIAN KINERJA ORGANISASI', rows: [['Predikat unit', input.unitPredikat ? UNIT_PREDIKAT_LABELS[input.unitPredikat] : 'Belum ditetapkan'], ['Unit kerja', dash(skp.employee.unitName)]] },
    },
    { kind: 'heading', text: 'PENILAIAN PERIODIK' },
    {
      kind: 'table',
      columns: [
        { header: 'Periode', share: 0.16 },
        { header: 'Rating Hasil Kerja', share: 0.24 },
        { header: 'Rating Perilaku Kerja', share: 0.24 },
        { header: 'Predikat', share: 0.2 },
        { header: 'Status', share: 0.16 },
      ],
      rows:
        input.periodic.length === 0
          ? [{ group: 'Belum ada penilaian periodik' }]
          : input.periodic.map((evaluation) => ({
              cells: [
                evaluation.periodKey,
                evaluation.hasilKerjaRating ? RATING_LABELS[evaluation.hasilKerjaRating] : '-',
                evaluation.perilakuKerjaRating ? RATING_LABELS[evaluation.perilakuKerjaRating] : '-',
                evaluation.predikat ? EMPLOYEE_PREDIKAT_LABELS[evaluation.predikat] : '-',
                evaluation.isFinal ? 'Final' : 'Draf',
              ],
            })),
    },
    { kind: 'heading', text: 'PENILAIAN TAHUNAN' },
    {
      kind: 'fields',
      rows: [
        ['Rating hasil kerja', ratingText(annual?.hasilKerjaRating ?? null)],
        ['Rating perilaku kerja', ratingText(annual?.perilakuKerjaRating ?? null)],
        ['Predikat kinerja pegawai', predikatText(annual?.predikat ?? null)],
        ['Status', annual ? (annual.isFinal ? 'Final' : 'Draf (belum final)') : 'Belum dinilai'],
        ...optionalField('Penilaian', annual?.onBehalf ? onBehalfText(annual.onBehalf) : null),
      ],
    },
    ...(annual?.pp46 ? pp46Blocks(annual.pp46) : []),
    { kind: 'signatures', dateLine: input.dateLine, people: signatories(skp) },
  ];
  return blocks;
}
