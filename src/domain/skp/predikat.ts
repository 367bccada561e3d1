import type { EmployeePredikat, Rating } from './vocabulary';

/**
 * Predikat kinerja pegawai from the two ratings (PermenPANRB 6/2022, rules.md §3):
 *
 * | hasil ↓ / perilaku → | Di Bawah        | Sesuai          | Di Atas         |
 * | Di Atas              | Kurang/Misconduct | Baik          | Sangat Baik     |
 * | Sesuai               | Kurang/Misconduct | Baik          | Baik            |
 * | Di Bawah             | Sangat Kurang   | Butuh Perbaikan | Butuh Perbaikan |
 */
const PREDIKAT_MATRIX: Record<Rating, Record<Rating, EmployeePredikat>> = {
  di_atas: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'sangat_baik' },
  sesuai: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'baik' },
  di_bawah: { di_bawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', di_atas: 'butuh_perbaikan' },
};

export function determinePredikat(hasilKerja: Rating, perilakuKerja: Rating): EmployeePredikat {
  return PREDIKAT_MATRIX[hasilKerja][perilakuKerja];
}
