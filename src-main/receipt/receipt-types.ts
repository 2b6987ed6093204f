/** Characters per line: 80 mm paper prints 48 columns in font A, 58 mm prints 32. */
export type ReceiptWidth = 48 | 32;

/**
 * A receipt laid out once, as data: the screen preview and (later) the ESC/POS printer
 * render the same blocks, so what the cashier sees is what prints. Text blocks already
 * fit the width (at double width, half of it).
 */
export type ReceiptBlock =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold?: boolean; large?: boolean }
  | { kind: 'rule'; char: '-' | '=' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface ReceiptDocument {
  width: ReceiptWidth;
  blocks: ReceiptBlock[];
}
