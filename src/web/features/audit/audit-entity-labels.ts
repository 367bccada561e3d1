import type { Locale } from '../../i18n/i18n-context';

/**
 * What each kind of audited data is called, for readers of the trail (Inspektorat auditors, BKPSDM):
 * Bahasa Indonesia, English. A kind not listed here (a new module's) shows as its code.
 */
const LABELS: Readonly<Record<string, readonly [id: string, en: string]>> = {
  unit: ['Unit organisasi', 'Organisation unit'],
  position: ['Jabatan', 'Position'],
  employee: ['Pegawai', 'Employee'],
  assignment: ['Penempatan jabatan', 'Position assignment'],
  superior_override: ['Atasan pengganti', 'Superior override'],
  user: ['Akun pengguna', 'User account'],
  demo: ['Data demo', 'Demo data'],
  'import:units': ['Impor unit', 'Unit import'],
  'import:positions': ['Impor jabatan', 'Position import'],
  'import:employees': ['Impor pegawai', 'Employee import'],
  holiday: ['Hari libur', 'Holiday'],
  work_schedule: ['Jadwal kerja', 'Work schedule'],
  schedule_assignment: ['Penugasan jadwal', 'Schedule assignment'],
  shift_roster: ['Roster shift', 'Shift roster'],
  device: ['Mesin absensi', 'Attendance device'],
  device_mapping: ['Pemetaan PIN mesin', 'Device PIN mapping'],
  punch: ['Absensi (punch)', 'Punch'],
  punch_file: ['Berkas absensi', 'Punch file'],
  attendance_request: ['Permohonan cuti/izin/dinas', 'Leave or duty request'],
  attendance_rule_set: ['Aturan presensi', 'Attendance rules'],
  apel_schedule: ['Jadwal apel', 'Ceremony schedule'],
  apel_attendance: ['Kehadiran apel', 'Ceremony attendance'],
  activity_entry: ['Aktivitas harian', 'Daily activity'],
  activity_template: ['Templat aktivitas', 'Activity template'],
  activity_catalogue: ['Katalog aktivitas', 'Activity catalogue'],
  activity_catalogue_item: ['Butir katalog aktivitas', 'Activity catalogue item'],
  'import:activity_catalogue': ['Impor katalog aktivitas', 'Activity catalogue import'],
  activity_rule_set: ['Aturan aktivitas harian', 'Daily activity rules'],
  activity_deadline_extension: ['Perpanjangan batas input', 'Entry deadline extension'],
  attachment: ['Lampiran', 'Attachment'],
  period_closure: ['Penutupan bulan', 'Month closing'],
  skp: ['SKP', 'SKP'],
  skp_rhk: ['Rencana hasil kerja (RHK)', 'Planned work result (RHK)'],
  skp_realisation: ['Realisasi SKP', 'SKP realisation'],
  skp_evaluation: ['Penilaian SKP', 'SKP evaluation'],
  skp_settings: ['Pengaturan SKP', 'SKP settings'],
  skp_assessor_designation: ['Penetapan pejabat penilai', 'Assessor designation'],
  skp_unit_predikat: ['Predikat kinerja unit', 'Unit performance rating'],
  tpp_rule_set: ['Aturan TPP', 'TPP rules'],
  tpp_run: ['Perhitungan TPP', 'TPP run'],
  tpp_adjustment: ['Koreksi TPP', 'TPP correction'],
  tpp_discipline_decision: ['Hukuman disiplin (TPP)', 'Discipline decision (TPP)'],
  tpp_compliance_item: ['Butir kepatuhan TPP', 'TPP compliance item'],
  tpp_bank_account: ['Rekening pembayaran TPP', 'TPP bank account'],
  'import:tpp_bank_accounts': ['Impor rekening TPP', 'TPP bank account import'],
  tpp_pay_data: ['Data gaji & CPNS', 'Pay data & CPNS'],
  'import:tpp_pay_data': ['Impor data gaji', 'Pay data import'],
  tpp_treasurer: ['Bendahara TPP', 'TPP treasurer'],
};

/** The name of a kind of data in the reader's language, or its code when it has none yet. */
export function entityTypeLabel(entityType: string, locale: Locale): string {
  const labels = LABELS[entityType];
  return labels ? labels[locale === 'en' ? 1 : 0] : entityType;
}
