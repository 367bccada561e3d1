import type { IndicatorAspect, JptPerspective } from '../../../domain/skp/vocabulary';

/**
 * Wording of the demo regency's SKP: rencana hasil kerja (RHK) and their indicators as a regency's
 * plans phrase them (PermenPANRB 6/2022). Heads of OPD plan per perspective, structural heads plan
 * their unit's programme, staff plan the outputs of their own catalogue work.
 */

export interface DemoIndicator {
  aspect: IndicatorAspect;
  text: string;
  /** The year's target. */
  target: number;
  unit: string;
  /**
   * What a period's realisation reports: kuantitas adds up over the periods (each period its share),
   * kualitas is a standing level (the latest report counts), as domain/skp/progress.ts reads them.
   */
  valueOf: (periodIndex: number, periods: number, performance: number) => number;
}

export interface DemoRhk {
  kind: 'utama' | 'tambahan';
  text: string;
  perspective: JptPerspective | null;
  /** The regent's performance agreement the top of the tree supports (no RHK above it). */
  agreementText: string | null;
  indicators: DemoIndicator[];
  rencanaAksi: string;
  /** The catalogue work the RHK is made of: daily activities with this title serve it. */
  activityTitle: string | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
/** A period's share of a yearly quantity, scaled by how the person performs (≈ 0.8–1.15). */
const shareOf = (target: number) => (_index: number, periods: number, performance: number) => Math.max(0, Math.round((target / periods) * performance));
/** A level that climbs from `start` towards `goal` over the year. */
const climbing = (start: number, goal: number) => (index: number, periods: number, performance: number) =>
  round2(Math.min(goal * 1.1, start + ((goal - start) * (index + 1) * performance) / periods));

const JPT_PLAN: { perspective: JptPerspective; text: (unit: string) => string; agreement: string; indicator: (unit: string) => DemoIndicator; rencanaAksi: string }[] = [
  {
    perspective: 'penerima_layanan',
    text: (unit) => `Meningkatnya kepuasan masyarakat atas layanan ${unit}`,
    agreement: 'Meningkatnya kualitas pelayanan publik',
    indicator: (unit) => ({ aspect: 'kualitas', text: `Indeks kepuasan masyarakat atas layanan ${unit}`, target: 85, unit: 'indeks', valueOf: climbing(78, 85) }),
    rencanaAksi: 'Survei kepuasan masyarakat dan tindak lanjut pengaduan',
  },
  {
    perspective: 'proses_bisnis',
    text: (unit) => `Meningkatnya akuntabilitas kinerja ${unit}`,
    agreement: 'Meningkatnya akuntabilitas kinerja pemerintah daerah',
    indicator: (unit) => ({ aspect: 'kualitas', text: `Nilai evaluasi SAKIP ${unit}`, target: 75, unit: 'nilai', valueOf: climbing(68, 75) }),
    rencanaAksi: 'Pemantauan capaian indikator kinerja dan penyusunan laporan kinerja',
  },
  {
    perspective: 'penguatan_internal',
    text: (unit) => `Meningkatnya kompetensi aparatur ${unit}`,
    agreement: 'Meningkatnya kapasitas aparatur daerah',
    indicator: (unit) => ({ aspect: 'kualitas', text: `Persentase pegawai ${unit} yang mengikuti pengembangan kompetensi`, target: 80, unit: 'persen', valueOf: climbing(0, 80) }),
    rencanaAksi: 'Pengiriman pegawai pada pelatihan dan bimbingan teknis',
  },
  {
    perspective: 'anggaran',
    text: (unit) => `Terkendalinya realisasi anggaran ${unit}`,
    agreement: 'Meningkatnya kualitas pengelolaan keuangan daerah',
    indicator: (unit) => ({ aspect: 'kualitas', text: `Persentase realisasi anggaran ${unit}`, target: 95, unit: 'persen', valueOf: climbing(0, 95) }),
    rencanaAksi: 'Pengendalian realisasi belanja bulanan',
  },
];

/** A head of OPD (or the Sekda): one RHK per perspective. */
export function jptPlan(unitName: string, regentTitle: string, year: number, isTop: boolean): DemoRhk[] {
  return JPT_PLAN.map((item) => ({
    kind: 'utama',
    text: item.text(unitName),
    perspective: item.perspective,
    agreementText: isTop ? `Perjanjian Kinerja ${regentTitle} Tahun ${year}: ${item.agreement}` : null,
    indicators: [item.indicator(unitName)],
    rencanaAksi: item.rencanaAksi,
    activityTitle: null,
  }));
}

/** A structural head below the OPD head (kepala bidang, kepala seksi, camat's staff heads): the unit's programme and its reports. */
export function structuralPlan(unitName: string): DemoRhk[] {
  return [
    {
      kind: 'utama',
      text: `Terlaksananya program dan kegiatan ${unitName}`,
      perspective: null,
      agreementText: null,
      indicators: [{ aspect: 'kuantitas', text: `Kegiatan ${unitName} yang terlaksana sesuai rencana`, target: 24, unit: 'kegiatan', valueOf: shareOf(24) }],
      rencanaAksi: `Pelaksanaan dan pengendalian kegiatan ${unitName}`,
      activityTitle: null,
    },
    {
      kind: 'utama',
      text: `Tersusunnya laporan kinerja ${unitName} tepat waktu`,
      perspective: null,
      agreementText: null,
      indicators: [{ aspect: 'kuantitas', text: `Laporan kinerja bulanan ${unitName}`, target: 12, unit: 'laporan', valueOf: (_index, periods) => Math.round(12 / periods) }],
      rencanaAksi: 'Penghimpunan data capaian dan penyusunan laporan bulanan',
      activityTitle: null,
    },
  ];
}

/** "Menyusun laporan kegiatan" → "Tersusunnya laporan kegiatan": the output an activity yields. */
const RESULT_OF_VERB: Record<string, string> = {
  Menyusun: 'Tersusunnya',
  Memutakhirkan: 'Termutakhirkannya',
  Menyiapkan: 'Tersedianya',
  Memverifikasi: 'Terverifikasinya',
  Melayani: 'Terlayaninya',
  Mencatat: 'Tercatatnya',
  Mendeskripsikan: 'Terdeskripsikannya',
  Mendistribusikan: 'Terdistribusikannya',
  Melaksanakan: 'Terlaksananya',
  Mengarsipkan: 'Terarsipkannya',
  Mengatur: 'Teraturnya',
  Mengetik: 'Terketiknya',
  Menggandakan: 'Tergandakannya',
  Menginput: 'Terinputnya',
  Mengolah: 'Terolahnya',
  Menindaklanjuti: 'Tertindaklanjutinya',
  Menyetorkan: 'Tersetorkannya',
  Mengagendakan: 'Teragendakannya',
  Membukukan: 'Terbukukannya',
  Memeriksa: 'Terperiksanya',
  Memproses: 'Terprosesnya',
  Menata: 'Tertatanya',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function resultOfActivity(activity: string): string {
  const [verb = '', ...rest] = activity.split(' ');
  const noun = RESULT_OF_VERB[verb];
  return noun && rest.length > 0 ? `${noun} ${rest.join(' ')}` : `Terlaksananya kegiatan ${lowerFirst(activity)}`;
}

/** Roughly forty hours a month of the activity, in its output unit, over the year. */
export function yearlyVolume(standardMinutes: number): number {
  const monthly = Math.max(1, Math.min(400, Math.round(2_400 / Math.max(1, standardMinutes))));
  return monthly * 12;
}

/** A staff member's RHK from the catalogue work of their position. */
export function activityRhk(activity: { title: string; outputUnit: string; standardMinutes: number }): DemoRhk {
  const target = yearlyVolume(activity.standardMinutes);
  return {
    kind: 'utama',
    text: resultOfActivity(activity.title),
    perspective: null,
    agreementText: null,
    indicators: [{ aspect: 'kuantitas', text: `Jumlah ${activity.outputUnit} yang diselesaikan`, target, unit: activity.outputUnit, valueOf: shareOf(target) }],
    rencanaAksi: activity.title,
    activityTitle: activity.title,
  };
}

/** A functional post whose work the catalogue does not list (teachers, doctors, nurses …): the duties of the post. */
export function functionalDutyRhk(positionName: string): DemoRhk {
  return {
    kind: 'utama',
    text: `Terlaksananya tugas jabatan ${positionName} sesuai standar kompetensi dan butir kegiatan`,
    perspective: null,
    agreementText: null,
    indicators: [{ aspect: 'kuantitas', text: 'Laporan pelaksanaan tugas jabatan', target: 12, unit: 'laporan', valueOf: (_index, periods) => Math.round(12 / periods) }],
    rencanaAksi: `Pelaksanaan tugas pokok ${positionName}`,
    activityTitle: null,
  };
}

export const ADDITIONAL_RHK: DemoRhk = {
  kind: 'tambahan',
  text: 'Mendukung pelaksanaan kegiatan lintas bidang sesuai penugasan pimpinan',
  perspective: null,
  agreementText: null,
  indicators: [{ aspect: 'kuantitas', text: 'Kegiatan lintas bidang yang didukung', target: 4, unit: 'kegiatan', valueOf: (index) => (index % 3 === 2 ? 1 : 0) }],
  rencanaAksi: 'Dukungan kegiatan lintas bidang',
  activityTitle: null,
};

/** What a realisation says, and what the assessor answers, by how the period went. */
export function realisationText(rencanaAksi: string, performance: number): string {
  if (performance >= 1.05) return `${rencanaAksi} terlaksana melebihi rencana periode ini`;
  if (performance >= 0.9) return `${rencanaAksi} terlaksana sesuai rencana`;
  return `${rencanaAksi} terlaksana sebagian; sisa dijadwalkan pada periode berikutnya`;
}

export function feedbackText(performance: number): string {
  if (performance >= 1.05) return 'Hasil sangat baik, pertahankan dan bagikan caranya kepada rekan kerja';
  if (performance >= 0.9) return 'Sudah sesuai rencana; lengkapi bukti dukung tepat waktu';
  return 'Belum mencapai rencana; mohon percepat dan laporkan kendalanya';
}
