import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEscPos,
  decodedText,
  startCapturePrinter,
  type CapturePrinter,
} from '../../../testing/capture-printer';
import { privateCupsUnavailable, startPrivateCups, type PrivateCups } from '../../../testing/private-cups';
import { encodeReceipt } from '../escpos-encoder';
import { PrinterError } from '../printer-errors';
import { listSystemPrinters, SystemPrinterLink } from './system-link';

const unavailable = privateCupsUnavailable();
if (unavailable) console.warn(`OS printer tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('the operating system printer (a private CUPS, raw queue)', () => {
  let cups: PrivateCups;
  let printer: CapturePrinter;
  let previousServer: string | undefined;

  beforeAll(async () => {
    printer = await startCapturePrinter();
    cups = await startPrivateCups();
    cups.addRawQueue('caja1', printer.host, printer.port);
    // lp and lpstat find the spooler through the environment, as on a machine with its own CUPS.
    previousServer = process.env.CUPS_SERVER;
    process.env.CUPS_SERVER = cups.server;
  });
  afterAll(async () => {
    if (previousServer === undefined) delete process.env.CUPS_SERVER;
    else process.env.CUPS_SERVER = previousServer;
    await cups?.close();
    await printer?.close();
  });

  it('lists the queues and passes the receipt through byte for byte', async () => {
    expect(await listSystemPrinters()).toEqual(['caja1']);
    const bytes = encodeReceipt(
      {
        width: 48,
        blocks: [{ kind: 'text', text: 'Impreso por CUPS: ñandú', align: 'left' }, { kind: 'cut' }],
      },
      { model: 'epson', codePage: 'PC858_EURO' },
    );
    const arrived = printer.waitForJob(undefined, 20_000);
    await new SystemPrinterLink('caja1').send(bytes, { timeoutMs: 10_000, checkStatus: false });
    const job = await arrived;
    expect(job.bytes.equals(bytes)).toBe(true);
    expect(decodedText(decodeEscPos(job.bytes))).toContain('Impreso por CUPS: ñandú');
  });

  it('says which queue does not exist', async () => {
    const failure = await new SystemPrinterLink('no-existe')
      .send(Buffer.from('x'), { timeoutMs: 5_000, checkStatus: false })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterError);
    expect((failure as PrinterError).code).toBe('PRINTER_SYSTEM_FAILED');
    expect((failure as PrinterError).userMessage).toMatch(/no-existe|does not exist|no existe/);
  });
});
