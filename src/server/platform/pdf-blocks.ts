import { openPdfDocument, writePageFooters } from './pdf-document';
import { toPdfStandardFontText as safe } from './pdf-safe-text';

/**
 * A small block layout for printed documents (the SKP forms, the TPP summary: A4, bordered tables as
 * Indonesian offices print them): documents are lists of blocks built from data, and this renders
 * them. Keeping the builders free of pdfkit keeps them short and the layout in one place. Every text
 * goes through `toPdfStandardFontText`: the standard fonts print Windows-1252 only.
 */
export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'identity'; left: IdentityColumn; right: IdentityColumn }
  | { kind: 'table'; columns: TableColumn[]; rows: TableRow[] }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'signatures'; dateLine: string; people: Signatory[] };

export interface IdentityColumn {
  heading: string;
  rows: [label: string, value: string][];
}
export interface TableColumn {
  header: string;
  /** Share of the page width; the shares of a table add up to 1. */
  share: number;
  /** Amounts right, numbers of order centred, text left (the default). */
  align?: Align;
}
type Align = 'left' | 'center' | 'right';
/** A row of cells (a total in bold), or a group heading across the table. */
export type TableRow = { cells: string[]; bold?: boolean } | { group: string };
interface RowOptions {
  bold?: boolean;
  aligns?: Align[];
  fill?: boolean;
}
export interface Signatory {
  role: string;
  name: string;
  /** Null for an official without a NIP (a kepala daerah): the NIP line is left out. */
  nip: string | null;
}

const MARGIN = 36;
const PAD = 3;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 8;

/** Every string of plain block data in the characters the standard fonts print. */
function printable<T>(value: T): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => printable(item)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printable(item)])) as T;
  return value;
}

export function renderBlocks(blocks: readonly Block[], meta: { title: string; footer: string; layout?: 'portrait' | 'landscape' }): Promise<Buffer> {
  const { doc, done } = openPdfDocument({ title: meta.title, margin: MARGIN, layout: meta.layout });
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN - 14;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) {
      doc.addPage();
      doc.y = MARGIN;
      return true;
    }
    return false;
  };

  const rowHeight = (cells: string[], widths: number[], isBold: boolean) => {
    doc.font(isBold ? BOLD : FONT).fontSize(SIZE);
    return Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: (widths[index] ?? 0) - PAD * 2 }))) + PAD * 2;
  };
  /**
   * One bordered row of cells, on a new page when it does not fit there; `onNewPage` draws what
   * the new page needs first (a table's header again, so every page of a table can be read alone).
   */
  const drawRow = (cells: string[], widths: number[], options: RowOptions, onNewPage?: () => void) => {
    const isBold = options.bold ?? false;
    const height = rowHeight(cells, widths, isBold);
    if (ensureRoom(height)) onNewPage?.();
    doc.font(isBold ? BOLD : FONT).fontSize(SIZE);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const cellWidth = widths[index] ?? 0;
      if (options.fill) doc.save().rect(x, y, cellWidth, height).fill('#eeeeee').restore();
      doc.rect(x, y, cellWidth, height).lineWidth(0.5).stroke();
      doc.fillColor('black').text(cell, x + PAD, y + PAD, { width: cellWidth - PAD * 2, align: options.aligns?.[index] ?? 'left' });
      x += cellWidth;
    });
    doc.y = y + height;
  };

  doc.y = MARGIN;
  for (const block of printable(blocks)) {
    switch (block.kind) {
      case 'title':
        doc.font(BOLD).fontSize(11);
        for (const line of block.lines) doc.text(line, MARGIN, doc.y, { width, align: 'center' });
        doc.moveDown(0.8);
        break;
      case 'heading':
        ensureRoom(40);
        doc.moveDown(0.4);
        doc.font(BOLD).fontSize(9).text(block.text, MARGIN, doc.y, { width });
        doc.moveDown(0.2);
        break;
      case 'paragraph':
        doc.font(FONT).fontSize(SIZE).text(block.text, MARGIN, doc.y, { width });
        doc.moveDown(0.4);
        break;
      case 'fields': {
        const widths = [width * 0.3, width * 0.7];
        for (const [label, value] of block.rows) drawRow([label, value], widths, {});
        doc.moveDown(0.4);
        break;
      }
      case 'identity': {
        // Two side-by-side label/value tables: the person assessed and the assessor.
        const half = width / 2;
        const widths = [half * 0.32, half * 0.68, half * 0.32, half * 0.68];
        drawRow([block.left.heading, '', block.right.heading, ''], widths, { bold: true, fill: true });
        const count = Math.max(block.left.rows.length, block.right.rows.length);
        for (let index = 0; index < count; index++) {
          const [leftLabel = '', leftValue = ''] = block.left.rows[index] ?? [];
          const [rightLabel = '', rightValue = ''] = block.right.rows[index] ?? [];
          drawRow([leftLabel, leftValue, rightLabel, rightValue], widths, {});
        }
        doc.moveDown(0.6);
        break;
      }
      case 'table': {
        const widths = block.columns.map((column) => column.share * width);
        const aligns = block.columns.map((column) => column.align ?? 'left');
        const header = block.columns.map((column) => column.header);
        const drawHeader = () => drawRow(header, widths, { bold: true, fill: true, aligns: header.map(() => 'center') });
        // Room for the header and the start of a row, so a header never ends a page alone.
        ensureRoom(rowHeight(header, widths, true) + 20);
        drawHeader();
        for (const row of block.rows) {
          if ('group' in row) drawRow([row.group], [width], { bold: true }, drawHeader);
          else drawRow(row.cells, widths, { aligns, bold: row.bold }, drawHeader);
        }
        doc.moveDown(0.6);
        break;
      }
      case 'signatures': {
        ensureRoom(110);
        doc.moveDown(1);
        const columnWidth = width / block.people.length;
        const top = doc.y;
        doc.font(FONT).fontSize(9);
        // The date sits above the last signatory (the assessor), as on printed forms.
        doc.text(block.dateLine, MARGIN + columnWidth * (block.people.length - 1), top, { width: columnWidth, align: 'center' });
        block.people.forEach((person, index) => {
          const x = MARGIN + columnWidth * index;
          doc.text(person.role, x, top + 12, { width: columnWidth, align: 'center' });
          doc.font(BOLD).text(person.name, x, top + 70, { width: columnWidth, align: 'center', underline: true });
          if (person.nip !== null) doc.font(FONT).text(`NIP. ${person.nip}`, x, doc.y, { width: columnWidth, align: 'center' });
          doc.font(FONT);
        });
        doc.y = top + 100;
        break;
      }
    }
  }

  writePageFooters(doc, { margin: MARGIN, offset: 8 }, (index, count) => `${safe(meta.footer)} · Halaman ${index + 1} dari ${count}`);
  doc.end();
  return done;
}
