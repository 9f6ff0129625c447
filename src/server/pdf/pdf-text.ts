/**
 * The built-in PDF fonts (Helvetica) encode text as WinAnsi: Latin-1 plus a few typographic
 * characters. Dutch needs nothing more (ë, é, ï, ü, €, „quotes”, dashes), and using them means no
 * font files to ship or download. Anything outside that set is replaced by a readable stand-in
 * instead of turning into garbage in the document.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const STAND_INS: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2011': '-',
  '\u2212': '-',
};

/** Whether a character can be written with the built-in fonts as it is. */
function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || ch === '\t' || WIN_ANSI_EXTRA.has(ch);
}

/** Text safe for the built-in fonts: decomposes accents it cannot show, swaps known symbols, else '?'. */
export function winAnsiText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isWinAnsi(ch)) out += ch;
    else if (STAND_INS[ch]) out += STAND_INS[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}
