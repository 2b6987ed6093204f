import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeEscPos,
  decodedText,
  StatusRequestScanner,
  statusReply,
} from '../../../testing/capture-printer';
import { hasSocat, openPtyPair, SOCAT_MISSING, type PtyPair } from '../../../testing/serial-pty';
import { encodeReceipt } from '../escpos-encoder';
import { PrinterError } from '../printer-errors';
import { SerialPrinterLink } from './serial-link';

if (!hasSocat()) console.warn(`serial printer tests skipped: ${SOCAT_MISSING}`);

const RECEIPT = encodeReceipt(
  { width: 32, blocks: [{ kind: 'text', text: 'Señor, ¡gracias!', align: 'center' }, { kind: 'cut' }] },
  { model: 'epson', codePage: 'PC858_EURO' },
);

describe.skipIf(!hasSocat())('a serial receipt printer (socat pseudo-terminal)', () => {
  let pty: PtyPair;
  let received: Buffer;

  beforeEach(async () => {
    pty = await openPtyPair();
    received = Buffer.alloc(0);
    const scanner = new StatusRequestScanner();
    // The far end plays an Epson printer: keeps what it gets and answers status requests.
    pty.onData((chunk) => {
      received = Buffer.concat([received, chunk]);
      for (const request of scanner.push(chunk))
        void pty.write(Buffer.from([statusReply(request, { kind: 'ready' })]));
    });
  });
  afterEach(async () => {
    await pty.close();
  });

  it('gets the whole receipt, asked for status before and after', async () => {
    await new SerialPrinterLink(pty.devicePath, 9600).send(RECEIPT, { timeoutMs: 2_000, checkStatus: true });
    await expect.poll(() => received.length).toBeGreaterThanOrEqual(RECEIPT.length + 12);
    const job = decodeEscPos(received);
    expect(decodedText(job)).toContain('Señor, ¡gracias!');
    expect(job.statusRequests).toEqual([1, 4, 1, 4]);
  });

  it('reports an unplugged printer by name, within the timeout', async () => {
    await pty.kill();
    const failure = await new SerialPrinterLink(pty.devicePath, 9600)
      .send(RECEIPT, { timeoutMs: 1_000, checkStatus: true })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterError);
    expect((failure as PrinterError).code).toBe('PRINTER_UNREACHABLE');
  });
});
