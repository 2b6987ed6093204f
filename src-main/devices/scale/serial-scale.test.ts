import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasSocat, openPtyPair, SOCAT_MISSING, type PtyPair } from '../../testing/serial-pty';
import { ScaleError, SerialScale, type SerialDeviceState } from './serial-scale';

const socatInstalled = hasSocat();
if (!socatInstalled) console.warn(`Skipping serial scale tests: ${SOCAT_MISSING}`);

const WAIT_MS = 10_000;

function waitForState(scale: SerialScale, state: SerialDeviceState): Promise<void> {
  return new Promise((resolve, reject) => {
    if (scale.status().state === state) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`scale never became ${state}; it is ${JSON.stringify(scale.status())}`));
    }, WAIT_MS);
    const off = scale.onStatus((status) => {
      if (status.state !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

async function readError(promise: Promise<unknown>): Promise<ScaleError> {
  const error = await promise.then(
    (value) => new Error(`expected a ScaleError, got ${JSON.stringify(value)}`),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ScaleError)) throw error;
  return error;
}

describe.skipIf(!socatInstalled)('SerialScale on a pseudo-terminal', () => {
  let pair: PtyPair;
  let scale: SerialScale;
  /** Every `W` the fake scale received. */
  let requests: number;

  beforeEach(async () => {
    pair = await openPtyPair();
    requests = 0;
    scale = new SerialScale(
      { path: pair.devicePath, baudRate: 9600 },
      { reconnectMs: 50, maxReconnectMs: 400, requestEveryMs: 100 },
    );
    scale.start();
    await waitForState(scale, 'connected');
  });

  afterEach(async () => {
    await scale.stop();
    await pair.close();
  });

  /** A scale on demand: answers each `W` with the frame `answer` returns (or stays silent). */
  function answerRequests(answer: (request: number) => string | null): void {
    pair.onData((chunk) => {
      for (const byte of chunk) {
        if (byte !== 0x57) continue;
        requests += 1;
        const frame = answer(requests);
        if (frame !== null) void pair.write(frame);
      }
    });
  }

  it('asks with W and returns the stable weight in grams', async () => {
    answerRequests(() => 'ST,GS,+  1.234kg\r\n');
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 1234, stable: true });
    expect(requests).toBeGreaterThanOrEqual(1);
    // And again: each read is a new question.
    const before = requests;
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 1234, stable: true });
    expect(requests).toBeGreaterThan(before);
  });

  it('reads a frame that arrives in pieces', async () => {
    pair.onData((chunk) => {
      if (!chunk.includes(0x57)) return;
      void pair.write('ST,GS,+  0.').then(() => pair.write('750kg\r\n'));
    });
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 750, stable: true });
  });

  it('asks again while the weight is unstable, and takes the first stable one', async () => {
    answerRequests((n) => (n < 3 ? 'US,GS,+  0.480kg\r\n' : 'ST,GS,+  0.500kg\r\n'));
    expect(await scale.read(WAIT_MS)).toEqual({ kind: 'weight', grams: 500, stable: true });
    expect(requests).toBeGreaterThanOrEqual(3);
  });

  it('understands Toledo-like frames (STX, kg implied, CR)', async () => {
    answerRequests(() => '\x02 02.345\r');
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 2345, stable: true });
  });

  it('reports overload and negative weights as they are', async () => {
    answerRequests((n) => (n === 1 ? 'OL,GS,+  0.000kg\r\n' : null));
    expect(await scale.read()).toEqual({ kind: 'overload' });
    pair.onData(() => void pair.write('ST,GS,-  0.120kg\r\n'));
    expect(await scale.read()).toEqual({ kind: 'negative' });
  });

  it('reads a scale that streams frames without being asked', async () => {
    const stream = setInterval(() => void pair.write('ST,GS,+  3.100kg\r\n').catch(() => undefined), 50);
    try {
      expect(await scale.read()).toEqual({ kind: 'weight', grams: 3100, stable: true });
    } finally {
      clearInterval(stream);
    }
  });

  it('ignores frames sent before the read', async () => {
    // The first answer carries a second, later frame that arrives after that read is over.
    answerRequests((n) => (n === 1 ? 'ST,GS,+  0.900kg\r\nST,GS,+  5.000kg\r\n' : 'ST,GS,+  0.700kg\r\n'));
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 900, stable: true });
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 700, stable: true });
  });

  it('fails with SCALE_TIMEOUT when the scale does not answer', async () => {
    const error = await readError(scale.read(300));
    expect(error.code).toBe('SCALE_TIMEOUT');
    expect(error.userMessage).toBe('La balanza no respondió. Revise el cable y vuelva a pesar.');
  });

  it('fails with SCALE_TIMEOUT on answers that are not weights', async () => {
    answerRequests(() => 'hola\r\n1.234 lb\r\n');
    expect((await readError(scale.read(300))).code).toBe('SCALE_TIMEOUT');
    expect(requests).toBeGreaterThanOrEqual(1);
  });

  it('fails with SCALE_UNSTABLE when the weight never settles', async () => {
    answerRequests(() => 'US,GS,+  0.500kg\r\n');
    const error = await readError(scale.read(600));
    expect(error.code).toBe('SCALE_UNSTABLE');
    expect(error.userMessage).toMatch(/no se estabiliza/);
    expect(requests).toBeGreaterThanOrEqual(1);
  });

  it('fails with SCALE_UNAVAILABLE when unplugged, and reads again once plugged back in', async () => {
    // Unplugged in the middle of a read: it fails at once, not at the timeout.
    const pending = readError(scale.read(60_000));
    await pair.kill();
    const error = await pending;
    expect(error.code).toBe('SCALE_UNAVAILABLE');
    expect(error.userMessage).toContain(pair.devicePath);

    await waitForState(scale, 'reconnecting');
    expect(scale.status().message).toBe(`Balanza desconectada (${pair.devicePath}): reintentando…`);
    expect((await readError(scale.read())).code).toBe('SCALE_UNAVAILABLE');

    await pair.restart();
    await waitForState(scale, 'connected');
    answerRequests(() => 'ST,GS,+  0.250kg\r\n');
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 250, stable: true });
  });

  it('drops half a frame cut by an unplug', async () => {
    // The half frame travels with a whole one the read waits for, so it did reach the app.
    answerRequests((n) => (n === 1 ? 'ST,GS,+  1.000kg\r\nST,GS,+  9.' : null));
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 1000, stable: true });
    await pair.kill();
    await waitForState(scale, 'reconnecting');
    await pair.restart();
    await waitForState(scale, 'connected');
    // Glued to the old half this would be "ST,GS,+  9.0.100kg": no weight at all.
    pair.onData(() => void pair.write('0.100kg\r\n'));
    expect(await scale.read()).toEqual({ kind: 'weight', grams: 100, stable: true });
  });

  it('fails with SCALE_UNAVAILABLE when stopped', async () => {
    const pending = readError(scale.read(60_000));
    await scale.stop();
    expect((await pending).code).toBe('SCALE_UNAVAILABLE');
    expect((await readError(scale.read())).code).toBe('SCALE_UNAVAILABLE');
  });
});
