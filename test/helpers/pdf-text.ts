import zlib from 'node:zlib';

/**
 * The text drawing operators of a PDF written by pdfkit (Flate streams, standard fonts, text as
 * hex strings), decoded back to characters: enough to assert what a generated document says.
 */
export function extractPdfText(pdf: Buffer): string {
  const streams = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    try {
      return zlib.inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      return '';
    }
  });
  return streams
    .flatMap((content) => [...content.matchAll(/<([0-9a-fA-F]+)>/g)].map((match) => Buffer.from(match[1] ?? '', 'hex').toString('latin1')))
    .join('');
}

/** The number of pages a PDF written by pdfkit has (its page objects: "/Type /Page", not "/Pages"). */
export function countPdfPages(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}
