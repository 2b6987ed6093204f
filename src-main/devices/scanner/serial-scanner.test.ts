import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasSocat, openPtyPair, SOCAT_MISSING, type PtyPair } from '../../testing/serial-pty';
import type { Terminator } from '../device-settings-schema';
import { SerialScanner, type SerialDeviceState, type SerialDeviceStatus } from './serial-scanner';

const socatInstalled = hasSocat();
if (!socatInstalled) console.warn(`Skipping serial scanner tests: ${SOCAT_MISSING}`);

const WAIT_MS = 10_000;
const END: Record<Terminator, string> = { CR: '\r', LF: '\n', CRLF: '\r\n' };

function waitForState(scanner: SerialScanner, state: SerialDeviceState): Promise<SerialDeviceStatus> {
  return new Promise((resolve, reject) => {
    if (scanner.status().state === state) return resolve(scanner.status());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`scanner never became ${state}; it is ${JSON.stringify(scanner.status())}`));
    }, WAIT_MS);
    const off = scanner.onStatus((status) => {
      if (status.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(status);
    });
  });
}

/** Codes as they arrive, taken in order by the test. */
function scanQueue(scanner: SerialScanner): { take(count: number): Promise<string[]> } {
  const received: string[] = [];
  let wake: (() => void) | null = null;
  scanner.onScan((code) => {
    received.push(code);
    wake?.();
  });
  return {
    take: (count) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          clearTimeout(timer);
          wake = null;
          resolve(received.splice(0, count));
        };
        const timer = setTimeout(() => {
          wake = null;
          reject(new Error(`expected ${count} codes, got ${JSON.stringify(received)}`));
        }, WAIT_MS);
        wake = check;
        check();
      }),
  };
}

describe.skipIf(!socatInstalled)('SerialScanner on a pseudo-terminal', () => {
  let pair: PtyPair;
  let scanner: SerialScanner | null = null;

  beforeEach(async () => {
    pair = await openPtyPair();
  });

  afterEach(async () => {
    await scanner?.stop();
    scanner = null;
    await pair.close();
  });

  async function startScanner(terminator: Terminator, path = pair.devicePath): Promise<SerialScanner> {
    scanner = new SerialScanner(
      { path, baudRate: 9600, terminator },
      { reconnectMs: 50, maxReconnectMs: 400 },
    );
    scanner.start();
    await waitForState(scanner, 'connected');
    return scanner;
  }

  it.each<Terminator>(['CR', 'LF', 'CRLF'])(
    'reads codes ended by %s, exactly and in order',
    async (terminator) => {
      const t = END[terminator];
      const scans = scanQueue(await startScanner(terminator));

      await pair.write(`7750182000437${t}`);
      await pair.write(`ABC-123${t}20 UNIDADES${t}`);
      expect(await scans.take(3)).toEqual(['7750182000437', 'ABC-123', '20 UNIDADES']);

      // One code split across two writes: the first half travels with a code we wait for.
      await pair.write(`FIRST${t}77501`);
      expect(await scans.take(1)).toEqual(['FIRST']);
      await pair.write(`82000437${t}`);
      expect(await scans.take(1)).toEqual(['7750182000437']);

      // Empty lines, blanks and codes with control characters are not scans.
      await pair.write(`${t}${t}   ${t}AB\u0001CD${t}\u0002X${t}  7751234${t}`);
      // A last code proves nothing else came out before it.
      await pair.write(`LAST${t}`);
      expect(await scans.take(2)).toEqual(['7751234', 'LAST']);
    },
  );

  it('cuts a CRLF terminator split across two writes', async () => {
    const scans = scanQueue(await startScanner('CRLF'));
    await pair.write('ONE\r\nTWO\r');
    expect(await scans.take(1)).toEqual(['ONE']);
    await pair.write('\nTHREE\r\n');
    expect(await scans.take(2)).toEqual(['TWO', 'THREE']);
  });

  it('takes CRLF from a scanner set to CR, and CRLF from one set to LF', async () => {
    const cr = scanQueue(await startScanner('CR'));
    await pair.write('A1\r\nB2\r\n');
    await pair.write('C3\r');
    expect(await cr.take(3)).toEqual(['A1', 'B2', 'C3']);
    await scanner?.stop();

    const lf = scanQueue(await startScanner('LF'));
    await pair.write('D4\r\nE5\r\n');
    expect(await lf.take(2)).toEqual(['D4', 'E5']);
  });

  it('waits out an unplug and reconnects, dropping the half-read code', async () => {
    const started = await startScanner('CR');
    const statuses: SerialDeviceStatus[] = [];
    started.onStatus((status) => statuses.push(status));
    const scans = scanQueue(started);

    // "PART" is in the same write as a code we wait for, so it did reach the scanner.
    await pair.write('BEFORE\rPART');
    expect(await scans.take(1)).toEqual(['BEFORE']);

    await pair.kill();
    const lost = await waitForState(started, 'reconnecting');
    expect(lost).toMatchObject({
      path: pair.devicePath,
      message: `Lector serial desconectado (${pair.devicePath}): reintentando…`,
    });
    expect(new Date(lost.since).toISOString()).toBe(lost.since);

    await pair.restart();
    expect(await waitForState(started, 'connected')).toMatchObject({ message: null });
    await pair.write('NEXT\r');
    expect(await scans.take(1)).toEqual(['NEXT']);
    expect(statuses.map((s) => s.state)).toEqual(['reconnecting', 'connected']);

    // And again: a scanner can be unplugged any number of times.
    await pair.kill();
    await waitForState(started, 'reconnecting');
    await pair.restart();
    await waitForState(started, 'connected');
    await pair.write('AGAIN\r');
    expect(await scans.take(1)).toEqual(['AGAIN']);
  });

  it('keeps trying a path that does not exist yet, and connects when it appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scanner-late-'));
    try {
      const path = join(dir, 'device');
      const late = new SerialScanner({ path, baudRate: 9600, terminator: 'LF' }, { reconnectMs: 50 });
      scanner = late;
      expect(late.status()).toMatchObject({ state: 'stopped', path, message: null });
      late.start();
      expect(await waitForState(late, 'reconnecting')).toMatchObject({
        message: `Lector serial desconectado (${path}): reintentando…`,
      });

      const plugged = await openPtyPair(dir);
      try {
        await waitForState(late, 'connected');
        const scans = scanQueue(late);
        await plugged.write('7750182000437\n');
        expect(await scans.take(1)).toEqual(['7750182000437']);
      } finally {
        await late.stop();
        await plugged.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly and more than once', async () => {
    const started = await startScanner('CR');
    await started.stop();
    await started.stop();
    expect(started.status()).toMatchObject({ state: 'stopped', message: null });
    // The port was released: it opens again at once.
    const scans = scanQueue(await startScanner('CR'));
    await pair.write('AFTER\r');
    expect(await scans.take(1)).toEqual(['AFTER']);
  });

  it('leaves nothing running after stop(): the process exits by itself', async () => {
    // Only a separate process shows a leftover timer or open port: it would never exit.
    const script = `
      import { SerialScanner } from ${JSON.stringify(fileURLToPath(new URL('./serial-scanner.ts', import.meta.url)))};
      const scanner = new SerialScanner(
        { path: ${JSON.stringify(pair.devicePath)}, baudRate: 9600, terminator: 'CR' },
        // A retry timer left behind would hold the process for a minute.
        { reconnectMs: 60_000 },
      );
      const until = (state) => new Promise((resolve) => {
        if (scanner.status().state === state) return resolve();
        const off = scanner.onStatus((s) => { if (s.state === state) { off(); resolve(); } });
      });
      scanner.start();
      await until('connected');
      await scanner.stop();
      scanner.start();
      await until('connected');
      console.log('ready');
      await until('reconnecting');
      await scanner.stop();
      console.log('stopped');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | string | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running');
      }, 20_000);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve(code ?? signal);
      });
    });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('ready')) resolve();
      });
      void exited.then(() => resolve());
    });
    // Unplugged, the child's scanner has a retry timer pending when it stops.
    await pair.kill();
    expect(await exited, stderr).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toEqual(['ready', 'stopped']);
  });
});
