import net from 'node:net';
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCapturePrinter, type CapturePrinter } from './capture-printer';
import { decodeEscPos, decodedText } from './escpos-decoder';

const ALL_STATUS = Buffer.from([
  0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4, 0x1d, 0x72, 0x01,
]);

let printer: CapturePrinter;
const clients: net.Socket[] = [];

beforeEach(async () => {
  printer = await startCapturePrinter();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await printer.close();
});

function connect(port = printer.port): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    clients.push(socket);
    socket.once('connect', () => {
      socket.off('error', reject);
      // Resets from the printer side are part of some scenarios; the tests watch 'close'.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Collects everything the printer sends; `take(n)` resolves once n more bytes have arrived. */
function reader(socket: net.Socket): { take(n: number): Promise<Buffer>; received(): Buffer } {
  let buffered = Buffer.alloc(0);
  let all = Buffer.alloc(0);
  let waiter: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    all = Buffer.concat([all, chunk]);
    waiter?.();
  });
  return {
    received: () => all,
    take: (n) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (buffered.length < n) return;
          waiter = null;
          const out = buffered.subarray(0, n);
          buffered = buffered.subarray(n);
          resolve(out);
        };
        socket.once('close', () => reject(new Error(`connection closed with ${buffered.length}/${n} bytes`)));
        waiter = check;
        check();
      }),
  };
}

const closed = (socket: net.Socket): Promise<void> =>
  new Promise((resolve) =>
    socket.destroyed && !socket.connecting ? resolve() : socket.once('close', () => resolve()),
  );

function write(socket: net.Socket, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

function pattern(length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7 + 3) % 251));
}

describe('capture printer', () => {
  it('records a job byte for byte and reports it when the client closes', async () => {
    const payload = Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from('Hola\n'), pattern(5000)]);
    const ended = printer.waitForJob();
    const client = await connect();
    await write(client, payload.subarray(0, 100));
    await write(client, payload.subarray(100));
    client.end();

    const job = await ended;
    expect(job.bytes.equals(payload)).toBe(true);
    expect(job.endedBy).toBe('client');
    expect(job.lastByteAt).not.toBeNull();
    expect(job.lastByteAt).toBeGreaterThanOrEqual(job.connectedAt);
    expect(printer.jobs).toEqual([job]);
    expect(printer.jobsWithContent()).toEqual([job]);
    expect(printer.url).toBe(`tcp://127.0.0.1:${printer.port}`);
  });

  it('receives what node-thermal-printer’s own network interface sends', async () => {
    const thermal = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: printer.url,
      characterSet: CharacterSet.PC858_EURO,
      breakLine: BreakLine.NONE,
      width: 48,
    });
    thermal.alignCenter();
    thermal.println('¡Gracias por su compra!');
    thermal.cut();
    const ended = printer.waitForJob();
    await thermal.execute();

    const job = await ended;
    expect(job.bytes.equals(thermal.getBuffer())).toBe(true);
    expect(decodedText(decodeEscPos(job.bytes))).toBe('¡Gracias por su compra!');
  });

  it.each([
    ['ready', { kind: 'ready' }, [0x16, 0x12, 0x12, 0x12, 0x00]],
    ['paper-out', { kind: 'paper-out' }, [0x16, 0x32, 0x12, 0x72, 0x0c]],
    ['offline', { kind: 'offline' }, [0x1e, 0x16, 0x12, 0x12, 0x00]],
  ] as const)('answers DLE EOT 1–4 and GS r 1 when %s', async (_name, behaviour, expected) => {
    await printer.behave(behaviour);
    const client = await connect();
    const answers = reader(client);
    await write(client, ALL_STATUS);
    expect([...(await answers.take(5))]).toEqual(expected);

    // A status-only connection is a job, but not one with content.
    const ended = printer.waitForJob();
    client.end();
    const job = await ended;
    expect(job.bytes.equals(ALL_STATUS)).toBe(true);
    expect(printer.jobsWithContent()).toEqual([]);
  });

  it('answers a status request split across TCP chunks', async () => {
    const client = await connect();
    const answers = reader(client);
    // The first answer proves the first chunk, trailing DLE included, was read on its own.
    await write(client, Buffer.from([0x10, 0x04, 0x01, 0x10]));
    expect([...(await answers.take(1))]).toEqual([0x16]);
    await write(client, Buffer.from([0x04]));
    await write(client, Buffer.from([0x04, 0x1d]));
    expect([...(await answers.take(1))]).toEqual([0x12]);
    await write(client, Buffer.from([0x72, 0x01]));
    expect([...(await answers.take(1))]).toEqual([0x00]);
  });

  it('silent: accepts the connection but neither reads nor answers', async () => {
    await printer.behave({ kind: 'silent' });
    const client = await connect();
    const answers = reader(client);
    await write(client, Buffer.from([0x10, 0x04, 0x01]));
    // Absence check: nothing may come back within a short client-side wait.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answers.received().length).toBe(0);
    expect(printer.jobs).toEqual([]);

    // Back to ready, the printer reads what was queued and answers it.
    await printer.behave({ kind: 'ready' });
    expect([...(await answers.take(1))]).toEqual([0x16]);
    expect(printer.jobs).toHaveLength(1);
  });

  it('close-after: drops the connection at the limit and keeps exactly that many bytes', async () => {
    await printer.behave({ kind: 'close-after', bytes: 1000 });
    const payload = pattern(50_000);
    const ended = printer.waitForJob();
    const client = await connect();
    client.write(payload);
    await closed(client);

    const job = await ended;
    expect(job.endedBy).toBe('printer');
    expect(job.bytes.equals(payload.subarray(0, 1000))).toBe(true);
  });

  it('refuse: connections are refused until another behaviour is set, then it listens on the same port', async () => {
    const port = printer.port;
    await printer.behave({ kind: 'refuse' });
    await expect(connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await printer.behave({ kind: 'ready' });
    expect(printer.port).toBe(port);
    const ended = printer.waitForJob();
    const client = await connect(port);
    await write(client, Buffer.from('otra vez\n'));
    client.end();
    expect((await ended).bytes.toString()).toBe('otra vez\n');
  });

  it('slow: reads every byte and still answers status, chunk by chunk', async () => {
    await printer.behave({ kind: 'slow', delayMs: 20 });
    const payload = Buffer.concat([pattern(300_000), Buffer.from([0x10, 0x04, 0x04])]);
    const client = await connect();
    const answers = reader(client);
    const ended = printer.waitForJob();
    client.write(payload);
    expect([...(await answers.take(1))]).toEqual([0x12]);
    client.end();

    const job = await ended;
    expect(job.bytes.equals(payload)).toBe(true);
    expect(job.endedBy).toBe('client');
  });

  it('applies a behaviour change to an open connection', async () => {
    const client = await connect();
    const answers = reader(client);
    await write(client, Buffer.from([0x10, 0x04, 0x04]));
    expect([...(await answers.take(1))]).toEqual([0x12]);
    await printer.behave({ kind: 'paper-out' });
    await write(client, Buffer.from([0x10, 0x04, 0x04]));
    expect([...(await answers.take(1))]).toEqual([0x72]);
  });

  it('waitForJob waits for the next ended job unless told to include existing ones, and times out clearly', async () => {
    const first = await connect();
    const firstEnded = printer.waitForJob();
    first.end('uno');
    await firstEnded;

    await expect(printer.waitForJob(undefined, { includeExisting: true })).resolves.toMatchObject({
      bytes: Buffer.from('uno'),
    });
    await expect(printer.waitForJob(undefined, 50)).rejects.toThrow(/no matching job ended within 50 ms/);

    const next = printer.waitForJob((job) => job.bytes.toString() === 'tres');
    (await connect()).end('dos');
    (await connect()).end('tres');
    expect((await next).bytes.toString()).toBe('tres');
    expect(printer.jobs.map((job) => job.bytes.toString())).toEqual(['uno', 'dos', 'tres']);

    printer.clear();
    expect(printer.jobs).toEqual([]);
  });

  it('close() destroys open connections and ends their jobs', async () => {
    const client = await connect();
    const answers = reader(client);
    await write(client, Buffer.from([0x1b, 0x40, 0x41, 0x10, 0x04, 0x01]));
    await answers.take(1);
    const ended = printer.waitForJob();
    await printer.close();
    await closed(client);
    expect((await ended).endedBy).toBe('printer');
    await expect(connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
