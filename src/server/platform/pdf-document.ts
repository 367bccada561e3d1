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
