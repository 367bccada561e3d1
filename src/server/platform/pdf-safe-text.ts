/**
 * The slip is written with PDF standard fonts (Helvetica), which print Latin-1 and the few extra
 * characters of Windows-1252 only; anything else comes out as two garbage bytes (pdfkit writes the
 * code unit as is). Explanations use a handful of mathematical signs (the minus of negative amounts
 * above all), and rule sets are free text: those signs get ASCII equivalents, the rest a "?".
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '−': '-',
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '≈': '~',
  'Σ': 'jumlah ',
  '─': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/** Windows-1252's printable characters beyond Latin-1 (0x80–0x9F). */
const WINDOWS_1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function toPdfStandardFontText(text: string): string {
  let result = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || code === 0x0a || WINDOWS_1252_EXTRA.has(character)) result += character;
    else result += REPLACEMENTS[character] ?? (code < 0x20 ? ' ' : '?');
  }
  return result;
}
