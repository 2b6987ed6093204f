import { PrinterError } from './printer-errors';

/**
 * Epson real-time status (`DLE EOT n`): answered as soon as the request arrives, even in the
 * middle of a job. Asked before a job so a printer without paper is reported instead of
 * silently swallowing the receipt, and after it so its answer confirms every byte arrived.
 */
export const STATUS_REQUESTS = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04]);
export const STATUS_ANSWER_LENGTH = 2;

const OFFLINE_BIT = 0x08;
const PAPER_END_BITS = 0x60;

/** Throws what the two status bytes (printer status, paper roll sensor) say is wrong. */
export function checkStatusAnswer(answer: Uint8Array): void {
  const [printer = 0, paper = 0] = answer;
  if ((paper & PAPER_END_BITS) === PAPER_END_BITS) throw new PrinterError('PRINTER_PAPER_OUT');
  if (printer & OFFLINE_BIT) throw new PrinterError('PRINTER_OFFLINE');
}
