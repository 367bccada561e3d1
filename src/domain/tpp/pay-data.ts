import { formatRupiah } from './money';

/** One stored row of an employee's pay data (in force from its TMT until the next row). */
export interface PayDataSource {
  effectiveFrom: string;
  isCpns: boolean;
  baseSalary: number;
  familyAllowance: number;
  positionAllowance: number;
  professionAllowance: number;
  decreeNumber: string | null;
}

/**
 * The monthly income the BPJS Kesehatan cap counts before TPP (Perpres 82/2018 art. 30 as amended:
 * gaji pokok, tunjangan keluarga, tunjangan jabatan or umum, tunjangan profesi; TPP is added by the
 * engine).
 */
export const sumBpjsIncome = (row: Pick<PayDataSource, 'baseSalary' | 'familyAllowance' | 'positionAllowance' | 'professionAllowance'>): number =>
  row.baseSalary + row.familyAllowance + row.positionAllowance + row.professionAllowance;

/**
 * The row governing a month: the latest whose TMT is on or before the month's last day, like the
 * month's position (the one held on its last day). Pay TMTs fall on the first of a month in
 * practice, so a mid-month TMT is rare; when it happens the new row governs its whole month.
 */
export function selectPayDataForPeriod<T extends Pick<PayDataSource, 'effectiveFrom'>>(rows: readonly T[], period: string): T | null {
  let chosen: T | null = null;
  for (const row of rows) {
    if (row.effectiveFrom.slice(0, 7) <= period && (chosen === null || row.effectiveFrom > chosen.effectiveFrom)) chosen = row;
  }
  return chosen;
}

/** "gaji pokok Rp 3.000.000 + tunjangan keluarga Rp 300.000 = Rp 3.300.000" (zero parts left out). */
export function describeBpjsIncome(row: PayDataSource): string {
  const parts: [string, number][] = [
    ['gaji pokok', row.baseSalary],
    ['tunjangan keluarga', row.familyAllowance],
    ['tunjangan jabatan/umum', row.positionAllowance],
    ['tunjangan profesi', row.professionAllowance],
  ];
  const shown = parts.filter(([, amount]) => amount > 0).map(([label, amount]) => `${label} ${formatRupiah(amount)}`);
  return `${shown.join(' + ')} = ${formatRupiah(sumBpjsIncome(row))}`;
}
