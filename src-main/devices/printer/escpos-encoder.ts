import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { ReceiptBlock, ReceiptDocument } from '../../receipt/receipt-types';
import type { CodePage, PrinterSettings } from '../device-settings-schema';

/**
 * Receipt document → the printer's command bytes, through node-thermal-printer. Pure: the
 * same document and settings always give the same bytes, so tests read them back byte for
 * byte and the picture of a receipt is drawn from exactly what the printer got.
 */

export interface EncodeOptions {
  model: PrinterSettings['model'];
  codePage: CodePage;
  /** Pulse the drawer first, so it opens while the receipt prints. */
  drawerPin?: 2 | 5 | null;
}

// The library wants an interface to build a printer object; we only take its buffer, and
// the links in ./links send it (with timeouts and status checks the library lacks).
const UNUSED_INTERFACE = 'tcp://127.0.0.1:9';

/** A QR module of 4 dots (0.5 mm at 203 dpi) scans reliably from phone cameras. */
const QR_CELL_SIZE = 4;

/**
 * Epson `ESC p m t1 t2`: on 50 ms, off 500 ms. The library's own kick leaves out t1/t2,
 * so the printer would swallow the next two bytes of the receipt as timings.
 */
function epsonDrawerPulse(pin: 2 | 5): Buffer {
  return Buffer.from([0x1b, 0x70, pin === 2 ? 0 : 1, 25, 250]);
}

/** Star has no PC850 selector; PC858 is PC850 with € in one cell, so it prints the same. */
function characterSetFor(model: PrinterSettings['model'], codePage: CodePage): CharacterSet {
  if (model === 'star' && codePage === 'PC850_MULTILINGUAL') return CharacterSet.PC858_EURO;
  return CharacterSet[codePage];
}

function newPrinter(options: EncodeOptions, width: number): ThermalPrinter {
  return new ThermalPrinter({
    type: options.model === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: UNUSED_INTERFACE,
    width,
    characterSet: characterSetFor(options.model, options.codePage),
    // The layout already wrapped every line to the paper.
    breakLine: BreakLine.NONE,
    removeSpecialCharacters: false,
  });
}

function align(printer: ThermalPrinter, value: 'left' | 'center' | 'right'): void {
  if (value === 'center') printer.alignCenter();
  else if (value === 'right') printer.alignRight();
  else printer.alignLeft();
}

function writeBlock(printer: ThermalPrinter, block: ReceiptBlock, width: number): void {
  switch (block.kind) {
    case 'text':
      align(printer, block.align);
      // Size first: `ESC ! n` rewrites the bold bit, so bold set before it would be lost.
      if (block.large) printer.setTextDoubleWidth();
      printer.bold(block.bold ?? false);
      printer.println(block.text);
      if (block.large) printer.setTextNormal();
      return;
    case 'rule':
      printer.alignLeft();
      printer.bold(false);
      printer.println(block.char.repeat(width));
      return;
    case 'qr':
      printer.alignCenter();
      printer.printQR(block.data, { cellSize: QR_CELL_SIZE, correction: 'M', model: 2 });
      printer.newLine();
      return;
    case 'feed':
      for (let line = 0; line < block.lines; line += 1) printer.newLine();
      return;
    case 'cut':
      printer.partialCut();
      return;
  }
}

/** `ESC @`: a job starts from the printer's defaults, whatever the last one left set. */
const INITIALIZE = Buffer.from([0x1b, 0x40]);

function bytesOf(printer: ThermalPrinter): Buffer {
  return Buffer.concat([INITIALIZE, printer.getBuffer()]);
}

export function encodeReceipt(document: ReceiptDocument, options: EncodeOptions): Buffer {
  const printer = newPrinter(options, document.width);
  if (options.drawerPin) openDrawer(printer, options.model, options.drawerPin);
  for (const block of document.blocks) writeBlock(printer, block, document.width);
  return bytesOf(printer);
}

function openDrawer(printer: ThermalPrinter, model: PrinterSettings['model'], pin: 2 | 5): void {
  // Star's kick (ESC BEL) is well formed in the library; it fires the drawer its DIP switches select.
  if (model === 'star') printer.openCashDrawer();
  else printer.append(epsonDrawerPulse(pin));
}

/** Only the drawer pulse: a supervisor opening the drawer without a sale. */
export function encodeDrawerPulse(options: EncodeOptions & { drawerPin: 2 | 5 }): Buffer {
  const printer = newPrinter(options, 48);
  openDrawer(printer, options.model, options.drawerPin);
  return bytesOf(printer);
}
