/**
 * Receipt text limited to what every supported code page (PC858, PC850, WPC1252) prints:
 * ASCII plus the Latin-1 letters and signs Spanish needs. The layout applies it, so the
 * on-screen preview shows exactly the characters the printer will print.
 */

/** Characters outside ASCII that PC850, PC858 and WPC1252 all hold. */
const LATIN_EXTRAS = 'ÁÉÍÓÚÜÑáéíóúüñ¡¿°ºª«»ÀÈÌÒÙàèìòùÂÊÎÔÛâêîôûÄËÏÖäëïöÿÇç£¥±²³µ·½¼¾×÷';
const PRINTABLE = new Set(LATIN_EXTRAS);

/** Typographic characters people paste from elsewhere, and what prints in their place. */
const LOOK_ALIKES: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '−': '-',
  '…': '.',
  '•': '*',
  '€': 'E',
  '™': 'TM',
  '®': '(R)',
  '©': '(C)',
  '\u00a0': ' ',
};

function isAsciiPrintable(char: string): boolean {
  return char >= ' ' && char <= '~';
}

function printableChar(char: string): string {
  if (isAsciiPrintable(char) || PRINTABLE.has(char)) return char;
  if (/\s/.test(char)) return ' ';
  const lookAlike = LOOK_ALIKES[char];
  if (lookAlike !== undefined) return lookAlike;
  // Letters with other accents (ã, ł…) keep their base letter.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base.length > 0 && [...base].every(isAsciiPrintable)) return base;
  return '?';
}

/** NFC first, so "ó" typed as o + combining accent is one printable character. */
export function printableText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += printableChar(char);
  return out;
}
