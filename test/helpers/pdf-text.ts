import zlib from 'node:zlib';

/**
 * The text drawing operators of a PDF written by pdfkit (Flate streams, standard fonts, text as
 * hex strings), decoded back to characters: enough to assert what a generated document says.
 */
export function extractPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  // Each stream is read by the /Length of its dictionary, not up to the next "endstream": compressed
  // data may end in a carriage return, which a pattern ending in "\r?\nendstream" would cut off.
  const streams = [...raw.matchAll(/<<([^<>]*?)>>\s*stream\r?\n/g)].map((match) => {
    const length = /\/Length (\d+)/.exec(match[1] ?? '');
    if (!length) return '';
    const start = (match.index ?? 0) + match[0].length;
    try {
      return zlib.inflateSync(pdf.subarray(start, start + Number(length[1]))).toString('latin1');
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
