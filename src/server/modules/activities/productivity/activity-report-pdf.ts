import { openPdfDocument, writePageFooters } from '../../../platform/pdf-document';
import { entryStatusLabels, evidenceVerdictLabels, type ActivityEntryView } from '../../../../contracts/activities';
import type { EmployeeProductivity } from '../../../../contracts/activities-productivity';
import { formatBasisPoints } from '../../../../domain/activities/productivity';

const MARGIN = 36;
const ROW_GAP = 3;
/** Date, time, activity, output, claimed, approved, status: widths on A4 portrait (523 pt of text). */
const COLUMNS = [
  { key: 'date', label: 'Tanggal', width: 52 },
  { key: 'time', label: 'Jam', width: 56 },
  { key: 'activity', label: 'Kegiatan', width: 185 },
  { key: 'output', label: 'Hasil', width: 70 },
  { key: 'claimed', label: 'Diklaim', width: 40 },
  { key: 'approved', label: 'Disetujui', width: 44 },
  { key: 'status', label: 'Status', width: 76 },
] as const;

export interface ActivityReportInput {
  productivity: EmployeeProductivity;
  entries: readonly ActivityEntryView[];
  unitName: string | null;
  printedAt: string;
}

const minutesText = (minutes: number) => `${minutes} menit`;

/**
 * Laporan aktivitas harian bulanan of one employee (A4 portrait): who, which month, the
 * productivity figure with its parts, every entry of the month with its decision, signature lines.
 */
export function buildActivityReportPdf(input: ActivityReportInput): Promise<Buffer> {
  const { productivity: p, entries } = input;
  const { doc, done } = openPdfDocument({ title: `Laporan aktivitas ${p.employeeName} ${p.month}`, margin: MARGIN });
  const width = doc.page.width - MARGIN * 2;

  doc.font('Helvetica-Bold').fontSize(13).text('LAPORAN AKTIVITAS HARIAN PEGAWAI', MARGIN, MARGIN, { width, align: 'center' });
  doc.font('Helvetica').fontSize(10).text(`Bulan ${p.month}${p.isPartial ? ` (s.d. ${p.throughDate})` : ''}`, { width, align: 'center' });
  doc.moveDown();
  doc.fontSize(9);
  doc.text(`Nama: ${p.employeeName}`);
  doc.text(`NIP: ${p.employeeNip}`);
  if (input.unitName) doc.text(`Unit kerja: ${input.unitName}`);
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').text(`Produktivitas: ${formatBasisPoints(p.percentBasisPoints)}`);
  doc.font('Helvetica').text(
    `Menit disetujui ${p.approvedMinutes}; dihitung (maks. norma per hari) ${p.countedMinutes}; dikreditkan cuti ${p.creditedMinutes}; ` +
      `target ${p.targetMinutes} (${p.effectiveWorkingDays} hari kerja efektif, ${p.leaveDays} hari cuti/dinas); menunggu persetujuan ${p.pendingMinutes}.`,
    { width },
  );
  doc.moveDown();

  const drawHeader = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8);
    let x = MARGIN;
    for (const column of COLUMNS) {
      doc.text(column.label, x, y, { width: column.width - 4 });
      x += column.width;
    }
    doc.moveTo(MARGIN, y + 11).lineTo(MARGIN + width, y + 11).stroke();
    doc.y = y + 14;
    doc.font('Helvetica').fontSize(8);
  };
  drawHeader();
  if (entries.length === 0) doc.text('Tidak ada aktivitas yang diajukan pada bulan ini.', MARGIN, doc.y, { width });
  for (const entry of entries) {
    const verdict = entry.evidenceVerdict ? ` · bukti ${evidenceVerdictLabels[entry.evidenceVerdict].toLowerCase()}` : '';
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      date: entry.workDate,
      time: `${entry.startTime}-${entry.endTime}`,
      activity: entry.description ? `${entry.title}: ${entry.description}` : entry.title,
      output: `${entry.volume} ${entry.outputUnit}`,
      claimed: String(entry.claimedMinutes),
      approved: entry.approvedMinutes === null ? '-' : String(entry.approvedMinutes),
      status: `${entryStatusLabels[entry.status]}${verdict}`,
    };
    const height = Math.max(...COLUMNS.map((column) => doc.heightOfString(cells[column.key], { width: column.width - 4 })));
    if (doc.y + height > doc.page.height - MARGIN - 20) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = MARGIN;
    for (const column of COLUMNS) {
      doc.text(cells[column.key], x, y, { width: column.width - 4 });
      x += column.width;
    }
    doc.y = y + height + ROW_GAP;
  }
  doc.moveDown();
  doc.fontSize(9).text(`Jumlah menit disetujui: ${minutesText(p.approvedMinutes)}`, MARGIN, doc.y, { width });
  doc.moveDown(2);
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  const signY = doc.y;
  doc.text('Pegawai yang melaporkan,', MARGIN, signY, { width: width / 2 });
  doc.text('Atasan langsung,', MARGIN + width / 2, signY, { width: width / 2 });
  doc.text(p.employeeName, MARGIN, signY + 60, { width: width / 2 });
  doc.text('(.................................)', MARGIN + width / 2, signY + 60, { width: width / 2 });

  writePageFooters(doc, { margin: MARGIN, offset: 8 }, (index, count) => `Dicetak ${input.printedAt} · Halaman ${index + 1} dari ${count}`);
  doc.end();
  return done;
}
