import PDFDocument from 'pdfkit';

/**
 * A pdfkit document of ours (pages buffered so page numbers can be written at the end, e-Kinerja as
 * the creator) and the bytes it will have produced once `doc.end()` is called.
 */
export function openPdfDocument(options: { title: string; layout?: 'portrait' | 'landscape'; margin: number }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', layout: options.layout ?? 'portrait', margin: options.margin, bufferPages: true, info: { Title: options.title, Creator: 'e-Kinerja' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * A footer line on every page (page numbers, when printed), written once the content is laid out.
 * It sits in the bottom margin, where pdfkit would otherwise start a new page for it: a blank page
 * after each one, the footer on it. The margin is lifted while it is written.
 */
export function writePageFooters(
  doc: PDFKit.PDFDocument,
  options: { margin: number; offset: number; fontSize?: number },
  text: (pageIndex: number, pageCount: number) => string,
): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(options.fontSize ?? 7)
      .text(text(index, range.count), options.margin, doc.page.height - options.margin + options.offset, { width: doc.page.width - options.margin * 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
