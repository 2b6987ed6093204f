/** What one frame from the scale says. */
export type ScaleReading =
  | { kind: 'weight'; grams: number; stable: boolean }
  /** More than the scale's capacity. */
  | { kind: 'overload' }
  /** Below zero: the platter was emptied after taring, or needs re-zeroing. */
  | { kind: 'negative' };

/** Status headers of CAS-style frames (`ST,GS,+  1.234kg`). */
const UNSTABLE = 'US';
const OVERLOAD = 'OL';

/** The weight field: sign, number, optional unit (no unit means kg, so a decimal point is required). */
const WEIGHT = /^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*(kg|g)?$/i;
/** Overload as scales print it in the weight field: `OL`, `-OL-`, `O-L`, `OVER`. */
const OVERLOAD_WEIGHT = /^[+-]?\s*(?:-*\s*O\s*-?\s*L\s*-*|OVER(?:LOAD)?)\s*(?:kg|g)?$/i;

/**
 * Reads one line of a serial scale's output, with the line ending already removed.
 * Understands the CAS/Henkel shape (`ST,GS,+  1.234kg`, `US,NT,...`), plain weights
 * (`  1.234 kg`, `0.750KG`, `1234 g`) and Toledo-like frames (`\x02 01.234`, kg implied).
 * Returns null for anything else, including pounds: a wrong guess would charge the wrong price.
 */
export function parseScaleFrame(line: string): ScaleReading | null {
  // STX/ETX framing and stray CR/LF are not part of the data.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const text = line.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text === '') return null;
  const fields = text.split(',').map((field) => field.trim().toUpperCase());
  const weight = fields.pop() ?? '';
  const headers = fields;
  if (headers.some((header) => !/^[A-Z0-9]{1,3}$/.test(header))) return null;

  if (headers.includes(OVERLOAD) || OVERLOAD_WEIGHT.test(weight)) return { kind: 'overload' };
  const match = WEIGHT.exec(weight);
  if (!match) return null;
  const [, sign = '', number = '', unit = ''] = match;
  if (unit === '' && !number.includes('.')) return null;
  const grams = Math.round(Number(number) * (unit.toLowerCase() === 'g' ? 1 : 1000));
  if (!Number.isFinite(grams)) return null;
  if (sign === '-' && grams > 0) return { kind: 'negative' };
  return { kind: 'weight', grams, stable: !headers.includes(UNSTABLE) };
}
