import { formatIndonesianDate, formatIndonesianMonth } from '../../../../domain/calendar/indonesian-dates';
import { formatThousands } from '../../../../domain/tpp/money';
import { renderBlocks, type Block, type Signatory, type TableColumn } from '../../../platform/pdf-blocks';
import type { PayrollData, PayrollRow } from './payroll-rows';

/** What a row pays, in the columns of the printed list (a row without a result pays its corrections only). */
function moneyOf(row: PayrollRow) {
  const { result } = row;
  return {
    earned: result?.earned ?? 0,
    deductions: result?.deductionTotal ?? 0,
    adjustments: result?.adjustmentTotal ?? 0,
    pph21: result?.pph21.amount ?? 0,
    bpjsEmployee: result?.bpjs.employee ?? 0,
    net: result?.net ?? 0,
    corrections: row.corrections,
    paid: (result?.net ?? 0) + row.corrections,
  };
}
type Money = ReturnType<typeof moneyOf>;
const MONEY_KEYS = ['earned', 'deductions', 'adjustments', 'pph21', 'bpjsEmployee', 'net', 'corrections', 'paid'] as const satisfies readonly (keyof Money)[];

export interface PayrollSigners {
  /** The unit printed on the list, and its head who acknowledges it (null when the post is empty). */
  unitName: string;
  head: { positionName: string; name: string; nip: string } | null;
  /** The treasurer in office on the month's last day (null: a line to write the name by hand). */
  treasurer: { title: string; name: string; nip: string } | null;
  /** The day the list is signed: "Kota, 30 November 2026" is written by hand; the date is printed. */
  date: string;
}

/**
 * Daftar pembayaran TPP of one unit for one month (A4 landscape), as an OPD prints it for the
 * treasurer and BPKAD: one row per employee with what was earned, cut, adjusted, withheld and paid
 * and the account paid into, the total, and the signatures (the head of the unit acknowledges, the
 * treasurer pays). The same figures as the xlsx recap; account numbers masked as there.
 */
export function buildPayrollPdf(data: PayrollData, signers: PayrollSigners, printedAt: string): Promise<Buffer> {
  const month = formatIndonesianMonth(data.period);
  const columns: TableColumn[] = [
    { header: 'No', share: 0.03, align: 'center' },
    { header: 'Nama / NIP', share: 0.17 },
    { header: 'Gol.', share: 0.04, align: 'center' },
    { header: 'Jabatan (kelas)', share: 0.14 },
    { header: 'TPP sebelum potongan', share: 0.07, align: 'right' },
    { header: 'Potongan', share: 0.06, align: 'right' },
    { header: 'Penyesuaian', share: 0.075, align: 'right' },
    { header: 'PPh 21', share: 0.06, align: 'right' },
    { header: 'BPJS 1 %', share: 0.055, align: 'right' },
    { header: 'Jumlah bersih', share: 0.07, align: 'right' },
    { header: 'Koreksi', share: 0.055, align: 'right' },
    { header: 'Dibayar', share: 0.07, align: 'right' },
    { header: 'Rekening', share: 0.105 },
  ];
  const totals = Object.fromEntries(MONEY_KEYS.map((key) => [key, 0])) as Money;
  const rows = data.rows.map((row, index) => {
    const money = moneyOf(row);
    for (const key of MONEY_KEYS) totals[key] += money[key];
    return {
      cells: [
        String(index + 1),
        `${row.name}\nNIP ${row.nip}`,
        row.golongan ?? '-',
        `${row.positionName ?? '-'} (${row.kelasJabatan})`,
        ...MONEY_KEYS.map((key) => formatThousands(money[key])),
        row.bank ? `${row.bank.bankName}\n${row.bank.accountNumber}` : 'Belum tercatat',
      ],
    };
  });
  const signatories: Signatory[] = [
    signers.head ? { role: `Mengetahui,\n${signers.head.positionName}`, name: signers.head.name, nip: signers.head.nip } : { role: `Mengetahui,\nKepala ${signers.unitName}`, name: '(..................................)', nip: '' },
    signers.treasurer
      ? { role: signers.treasurer.title, name: signers.treasurer.name, nip: signers.treasurer.nip }
      : { role: 'Bendahara Pengeluaran', name: '(..................................)', nip: '' },
  ];
  const blocks: Block[] = [
    { kind: 'title', lines: ['DAFTAR PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)', signers.unitName.toUpperCase(), `BULAN ${month.toUpperCase()}`] },
    {
      kind: 'paragraph',
      text: [
        data.isFrozen ? 'Bulan sudah ditutup: jumlah ini yang dibayarkan.' : 'Bulan belum ditutup: jumlah masih dapat berubah bila dihitung ulang.',
        'Semua jumlah dalam rupiah; dibayar = jumlah bersih + koreksi bulan sebelumnya.',
        data.hasMaskedAccounts ? 'Nomor rekening disamarkan: nomor lengkap hanya untuk admin BKPSDM dan admin OPD yang mengelola pegawai tersebut.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    },
    { kind: 'table', columns, rows: [...rows, { cells: ['', 'JUMLAH', '', '', ...MONEY_KEYS.map((key) => formatThousands(totals[key])), ''], bold: true }] },
    { kind: 'signatures', dateLine: formatIndonesianDate(signers.date), people: signatories },
  ];
  return renderBlocks(blocks, { title: `Daftar pembayaran TPP ${signers.unitName} ${data.period}`, footer: `e-Kinerja · Daftar pembayaran TPP ${signers.unitName} ${month} · dicetak ${printedAt}`, layout: 'landscape' });
}
