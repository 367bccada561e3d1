import { describe, expect, it } from 'vitest';
import { determinePredikat } from '../../../src/domain/skp/predikat';
import type { EmployeePredikat, Rating } from '../../../src/domain/skp/vocabulary';

describe('determinePredikat (PermenPANRB 6/2022 matrix)', () => {
  it.each<[Rating, Rating, EmployeePredikat]>([
    ['di_atas', 'di_bawah', 'kurang'],
    ['di_atas', 'sesuai', 'baik'],
    ['di_atas', 'di_atas', 'sangat_baik'],
    ['sesuai', 'di_bawah', 'kurang'],
    ['sesuai', 'sesuai', 'baik'],
    ['sesuai', 'di_atas', 'baik'],
    ['di_bawah', 'di_bawah', 'sangat_kurang'],
    ['di_bawah', 'sesuai', 'butuh_perbaikan'],
    ['di_bawah', 'di_atas', 'butuh_perbaikan'],
  ])('hasil %s, perilaku %s → %s', (hasil, perilaku, expected) => {
    expect(determinePredikat(hasil, perilaku)).toBe(expected);
  });
});
