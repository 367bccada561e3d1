import { openPdfDocument, writePageFooters } from '../../../platform/pdf-document';
import type { TppExplanationView } from '../../../../contracts/tpp';
import { formatRupiah } from '../../../../domain/tpp/money';
import { toPdfStandardFontText as safe } from '../../../platform/pdf-safe-text';

const MARGIN = 36;
const SECTION_TITLES: Record<string, string> = {
  earning: 'Penghasilan',
  deduction: 'Potongan',
  adjustment: 'Penyesuaian',
  allowance: 'Tunjangan',
  withholding: 'Potongan setoran',
  rounding: 'Pembulatan',
};

/**
 * Slip TPP of one employee for one month (A4 portrait): identity, every line of the explanation
 * (what was measured, the rule, its citation, the rupiah effect), the totals and corrections paid.
 */
export function buildTppSlipPdf(explanation: TppExplanationView, printedAt: string): Promise<Buffer> {
  return buildTppSlipsPdf([explanation], printedAt, `Slip TPP ${explanation.employee.nip} ${explanation.period}`);
}

/**
 * Several slips in one document (an OPD's month, for the treasurer to print and hand out): each
 * slip begins on a page of its own and its pages are numbered within it.
 */
export function buildTppSlipsPdf(explanations: readonly TppExplanationView[], printedAt: string, title: string): Promise<Buffer> {
  const { doc, done } = openPdfDocument({ title, margin: MARGIN });
  const firstPages: number[] = [];
  explanations.forEach((explanation, index) => {
    if (index > 0) doc.addPage();
    firstPages.push(doc.bufferedPageRange().count - 1);
    drawSlip(doc, explanation, printedAt);
  });
  // Each slip's pages are numbered within it: slip k starts on firstPages[k].
  writePageFooters(doc, { margin: MARGIN, offset: 6 }, (index, count) => {
    const slip = firstPages.findLastIndex((first) => first <= index);
    const first = firstPages[slip] ?? 0;
    const end = firstPages[slip + 1] ?? count;
    const prefix = explanations.length > 1 ? `Slip ${slip + 1} dari ${explanations.length} · ` : '';
    return safe(`${prefix}Halaman ${index - first + 1} dari ${end - first}`);
  });
  doc.end();
  return done;
}

function drawSlip(doc: PDFKit.PDFDocument, explanation: TppExplanationView, printedAt: string): void {
  const width = doc.page.width - MARGIN * 2;
  const amountWidth = 90;
  const textWidth = width - amountWidth - 8;
  const { employee, result } = explanation;

  doc.font('Helvetica-Bold').fontSize(13).text(safe(`SLIP TAMBAHAN PENGHASILAN PEGAWAI — ${explanation.period}`));
  doc.font('Helvetica').fontSize(9).text(safe(`${result.ruleSet.name} (${result.ruleSet.regulation})`));
  if (explanation.isEstimate) doc.font('Helvetica-Bold').text(safe('PERKIRAAN — belum dihitung resmi'));
  else if (!explanation.isFrozen) doc.text(safe('Bulan belum ditutup: jumlah masih dapat berubah'));
  doc.moveDown(0.5);
  const identity: [string, string][] = [
    ['Nama', employee.name],
    ['NIP', employee.nip],
    ['Golongan', employee.golongan ?? '-'],
    ['Jabatan', `${employee.positionName ?? '-'} (kelas ${employee.kelasJabatan})`],
    ['Unit / OPD', [employee.unitName, employee.opdName].filter(Boolean).join(' / ') || '-'],
  ];
  for (const [label, value] of identity) doc.font('Helvetica').fontSize(9).text(safe(`${label}: ${value}`));
  doc.moveDown(0.5);

  let section = '';
  for (const line of result.lines) {
    if (line.section !== section) {
      section = line.section;
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(safe(SECTION_TITLES[section] ?? section), MARGIN);
    }
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8).text(safe(line.label), MARGIN, y, { width: textWidth });
    doc.font('Helvetica').fontSize(7.5).text(safe(`${line.input} · ${line.rule}${line.citation ? ` · ${line.citation}` : ''}`), MARGIN, doc.y, { width: textWidth });
    const bottom = doc.y;
    doc.font('Helvetica').fontSize(8.5).text(safe(formatRupiah(line.effect)), MARGIN + textWidth + 8, y, { width: amountWidth, align: 'right' });
    doc.y = Math.max(bottom, doc.y) + 2;
    doc.x = MARGIN;
  }

  doc.moveDown(0.5);
  const totals: [string, number][] = [
    ['TPP', result.tpp],
    ['Jumlah bruto', result.gross],
    ['Jumlah bersih', result.net],
    ...explanation.corrections.map((correction): [string, number] => [`Koreksi ${correction.correctsPeriod}: ${correction.reason}`, correction.amount]),
    ['Dibayar', explanation.netPayable],
  ];
  for (const [label, amount] of totals) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9.5).text(safe(label), MARGIN, y, { width: textWidth });
    doc.text(safe(formatRupiah(amount)), MARGIN + textWidth + 8, y, { width: amountWidth, align: 'right' });
    doc.x = MARGIN;
  }
  for (const note of explanation.notes) doc.moveDown(0.2).font('Helvetica-Oblique').fontSize(7.5).text(safe(`Catatan: ${note}`), MARGIN);
  doc.moveDown(0.5).font('Helvetica').fontSize(7).text(safe(`Dicetak ${printedAt} dari e-Kinerja.`), MARGIN);
}
