import { formatIndonesianMonth } from '../../../../domain/calendar/indonesian-dates';
import { formatChangeShare, formatThousands } from '../../../../domain/tpp/money';
import { renderBlocks, type Block, type TableColumn } from '../../../platform/pdf-blocks';
import type { TppSummary, TppSummaryRow } from './tpp-summary.service';

type Totals = Omit<TppSummaryRow, 'opdUnitId' | 'opdName'>;
/** Amounts without the symbol (the paragraph says rupiah once); "-" where last month has none. */
const amount = (value: number | null) => (value === null ? '-' : formatThousands(value));
/** " (+3,2 %)" of what it changed from, or nothing when there is nothing to compare with. */
const share = (row: Totals) => (row.change === null || !row.previousNet ? '' : ` (${formatChangeShare(row.change, row.previousNet)})`);

/**
 * The month's summary per OPD as a printed document (A4 landscape): for each OPD in the reader's
 * scope the employees, deductions, gross, PPh 21, employee BPJS, net, corrections paid with the month
 * and what is paid, beside last month's net and the change. The same figures as the xlsx.
 */
export function buildSummaryPdf(summary: TppSummary, printedAt: string): Promise<Buffer> {
  const month = formatIndonesianMonth(summary.period);
  const before = formatIndonesianMonth(summary.previousPeriod);
  const columns: TableColumn[] = [
    { header: 'No', share: 0.03, align: 'center' },
    { header: 'OPD', share: 0.19 },
    { header: 'Pegawai', share: 0.05, align: 'right' },
    { header: 'Potongan', share: 0.075, align: 'right' },
    { header: 'Jumlah bruto', share: 0.085, align: 'right' },
    { header: 'PPh 21', share: 0.07, align: 'right' },
    { header: 'BPJS 1 %', share: 0.07, align: 'right' },
    { header: 'Jumlah bersih', share: 0.085, align: 'right' },
    { header: 'Koreksi', share: 0.065, align: 'right' },
    { header: 'Dibayar', share: 0.085, align: 'right' },
    { header: `Bersih ${before}`, share: 0.085, align: 'right' },
    { header: 'Perubahan', share: 0.11, align: 'right' },
  ];
  const cells = (row: Totals) => [
    String(row.employees),
    amount(row.deductionTotal),
    amount(row.gross),
    amount(row.pph21),
    amount(row.bpjsEmployee),
    amount(row.net),
    amount(row.corrections),
    amount(row.net + row.corrections),
    amount(row.previousNet),
    row.change === null ? '-' : `${amount(row.change)}${share(row)}`,
  ];
  const blocks: Block[] = [
    { kind: 'title', lines: ['RINGKASAN TAMBAHAN PENGHASILAN PEGAWAI (TPP) PER OPD', `BULAN ${month.toUpperCase()}`] },
    {
      kind: 'paragraph',
      text: `${summary.isFrozen ? 'Bulan sudah ditutup: jumlah ini yang dibayarkan.' : 'Bulan belum ditutup: jumlah masih dapat berubah bila dihitung ulang.'} Semua jumlah dalam rupiah. Jumlah bersih dibandingkan dengan ${before}; koreksi adalah koreksi bulan yang sudah ditutup yang dibayarkan bersama bulan ini.`,
    },
    {
      kind: 'table',
      columns,
      rows: [...summary.opds.map((row, index) => ({ cells: [String(index + 1), row.opdName, ...cells(row)] })), { cells: ['', 'JUMLAH', ...cells(summary.region)], bold: true }],
    },
  ];
  return renderBlocks(blocks, { title: `Ringkasan TPP ${summary.period}`, footer: `e-Kinerja · Ringkasan TPP ${month} · dicetak ${printedAt}`, layout: 'landscape' });
}
