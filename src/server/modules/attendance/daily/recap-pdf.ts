import { openPdfDocument, writePageFooters } from '../../../platform/pdf-document';
import type { AttendanceRecap } from '../../../../contracts/attendance-daily';
import { EARLY_BANDS, LATE_BANDS, type ExcusedStatus } from '../../../../contracts/attendance-daily';

/** Leave and duty columns, shortened to fit an A4 landscape page; the xlsx keeps the full labels. */
const EXCUSED_SHORT: readonly (readonly [key: ExcusedStatus | 'dinas_luar_sebagian', label: string])[] = [
  ['izin', 'Izin'],
  ['sakit', 'Sakit'],
  ['cuti_tahunan', 'CT'],
  ['cuti_besar', 'CB'],
  ['cuti_sakit', 'CS'],
  ['cuti_melahirkan', 'CM'],
  ['cuti_alasan_penting', 'CAP'],
  ['cuti_bersama', 'CBr'],
  ['cuti_dltn', 'CLTN'],
  ['dinas_luar', 'DL'],
  ['dinas_luar_sebagian', 'DLs'],
  ['tugas_belajar', 'TB'],
  ['diklat', 'Diklat'],
  ['wfh', 'WFH'],
  ['wfa', 'WFA'],
];

const MARGIN = 28;
const NIP_WIDTH = 92;
const NAME_WIDTH = 150;
const ROW_HEIGHT = 14;

/**
 * Rekap kehadiran as PDF (A4 landscape): title, one row per employee with days present, TL1–4,
 * PSW1–4, no check-in/out, TK and each leave type, a legend of abbreviations, page numbers.
 */
export function buildRecapPdf(recap: AttendanceRecap, unitName: string, printedAt: string): Promise<Buffer> {
  const { doc, done } = openPdfDocument({ title: `Rekap kehadiran ${unitName} ${recap.month}`, layout: 'landscape', margin: MARGIN });

  const countHeaders = ['HK', 'Hadir', ...LATE_BANDS, ...EARLY_BANDS, 'TAM', 'TAP', 'TK', ...EXCUSED_SHORT.map(([, label]) => label)];
  const pageWidth = doc.page.width - MARGIN * 2;
  const countWidth = (pageWidth - NIP_WIDTH - NAME_WIDTH) / countHeaders.length;

  const drawHeader = () => {
    doc.font('Helvetica-Bold').fontSize(12).text(`REKAP KEHADIRAN PEGAWAI — ${unitName.toUpperCase()}`, MARGIN, MARGIN);
    doc.font('Helvetica').fontSize(9).text(`Bulan ${recap.month} · dicetak ${printedAt}`, MARGIN, doc.y + 2);
    const y = doc.y + 8;
    doc.font('Helvetica-Bold').fontSize(7);
    doc.text('NIP', MARGIN, y, { width: NIP_WIDTH });
    doc.text('Nama', MARGIN + NIP_WIDTH, y, { width: NAME_WIDTH });
    countHeaders.forEach((label, index) => doc.text(label, MARGIN + NIP_WIDTH + NAME_WIDTH + index * countWidth, y, { width: countWidth, align: 'center' }));
    doc.moveTo(MARGIN, y + ROW_HEIGHT - 3).lineTo(MARGIN + pageWidth, y + ROW_HEIGHT - 3).stroke();
    return y + ROW_HEIGHT;
  };

  let y = drawHeader();
  doc.font('Helvetica').fontSize(7);
  for (const row of recap.rows) {
    if (y > doc.page.height - MARGIN - ROW_HEIGHT * 3) {
      doc.addPage();
      y = drawHeader();
      doc.font('Helvetica').fontSize(7);
    }
    const counts = [
      row.workingDays,
      row.present,
      ...LATE_BANDS.map((band) => row.late[band] ?? 0),
      ...EARLY_BANDS.map((band) => row.early[band] ?? 0),
      row.noCheckIn,
      row.noCheckOut,
      row.tk,
      ...EXCUSED_SHORT.map(([key]) => row.excused[key] ?? 0),
    ];
    doc.text(row.nip, MARGIN, y, { width: NIP_WIDTH });
    doc.text(row.name, MARGIN + NIP_WIDTH, y, { width: NAME_WIDTH - 4, height: ROW_HEIGHT, ellipsis: true });
    counts.forEach((value, index) =>
      doc.text(value === 0 ? '·' : String(value), MARGIN + NIP_WIDTH + NAME_WIDTH + index * countWidth, y, { width: countWidth, align: 'center' }),
    );
    y += ROW_HEIGHT;
  }

  doc.fontSize(6.5).text(
    'HK hari kerja · TL terlambat · PSW pulang sebelum waktunya · TAM/TAP tidak absen masuk/pulang · TK tanpa keterangan · ' +
      EXCUSED_SHORT.map(([key, label]) => `${label} ${key.replaceAll('_', ' ')}`).join(' · '),
    MARGIN,
    y + 8,
    { width: pageWidth },
  );

  writePageFooters(doc, { margin: MARGIN, offset: 6 }, (index, count) => `Halaman ${index + 1} dari ${count}`);
  doc.end();
  return done;
}
