import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SerialPortStream } from '@serialport/stream';
import { openSerialPort } from '../devices/serial/reconnecting-port';

/**
 * A pair of linked pseudo-terminals made by socat, standing in for a serial cable: the app
 * opens `devicePath`; the test plays the device (scanner, scale) on `hostPath`.
 */
export interface PtyPair {
  readonly devicePath: string;
  readonly hostPath: string;
  /** Sends bytes from the device to the app. */
  write(data: string | Buffer): Promise<void>;
  /** Bytes the app writes to its end (requests to the device). */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Unplugs the cable: socat dies and the app's end vanishes. */
  kill(): Promise<void>;
  /** Plugs it back in: new ptys behind the same link paths. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const SOCAT_MISSING = 'socat not installed: apt-get install socat';

const READY_TIMEOUT_MS = 10_000;

export function hasSocat(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

export async function openPtyPair(dir?: string): Promise<PtyPair> {
  if (!hasSocat()) {
    console.error(SOCAT_MISSING);
    throw new Error(SOCAT_MISSING);
  }
  const ownDir = dir === undefined;
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'serial-pty-'));
  const devicePath = join(folder, 'device');
  const hostPath = join(folder, 'host');
  const listeners = new Set<(chunk: Buffer) => void>();
  let socat: ChildProcess | null = null;
  let host: SerialPortStream | null = null;

  // A test process that ends without close() must not leave socat behind.
  const killOnExit = (): void => {
    socat?.kill('SIGTERM');
  };
  process.on('exit', killOnExit);

  const plugIn = async (): Promise<void> => {
    socat = await startSocat(devicePath, hostPath);
    host = await openHost(hostPath, (chunk) => listeners.forEach((listener) => listener(chunk)));
  };

  const unplug = async (): Promise<void> => {
    const port = host;
    const child = socat;
    host = null;
    socat = null;
    // Our own end first, so its disconnect is not mistaken for anything else.
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    if (child) await stopProcess(child);
    // socat removes its links on exit; a crash would leave them dangling.
    rmSync(devicePath, { force: true });
    rmSync(hostPath, { force: true });
  };

  try {
    await plugIn();
  } catch (error) {
    process.off('exit', killOnExit);
    throw error;
  }

  return {
    devicePath,
    hostPath,
    write: async (data) => {
      const port = host;
      if (!port) throw new Error('pty pair is unplugged');
      await new Promise<void>((resolve, reject) => {
        port.write(data, (error) => (error ? reject(error) : resolve()));
      });
    },
    onData: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    kill: unplug,
    restart: async () => {
      if (socat) throw new Error('pty pair is still plugged in');
      await plugIn();
    },
    close: async () => {
      await unplug();
      process.off('exit', killOnExit);
      listeners.clear();
      if (ownDir) rmSync(folder, { recursive: true, force: true });
    },
  };
}

function startSocat(devicePath: string, hostPath: string): Promise<ChildProcess> {
  const child = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  let settled = false;
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(deadline);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else {
        resolve(child);
      }
    };
    const check = (): void => {
      const ptyLines = stderr.match(/PTY is /g)?.length ?? 0;
      if (ptyLines >= 2 && existsSync(devicePath) && existsSync(hostPath)) finish(null);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new Error(`socat exited (${code ?? signal}) before creating the ptys: ${stderr.trim()}`));
    const onError = (error: Error): void => finish(new Error(`socat could not start: ${error.message}`));
    // Keep draining stderr for the whole life of socat (-d -d logs every transfer), or it blocks.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 8_000) stderr += chunk.toString('utf8');
      check();
    });
    child.on('exit', onExit);
    child.on('error', onError);
    // The link may appear just after the "PTY is" line.
    const poll = setInterval(check, 20);
    const deadline = setTimeout(
      () => finish(new Error(`socat did not create the ptys within 10 s: ${stderr.trim()}`)),
      READY_TIMEOUT_MS,
    );
  });
}

async function openHost(path: string, onData: (chunk: Buffer) => void): Promise<SerialPortStream> {
  // The app's own opener, which notices a hang-up instead of spinning on it.
  const port = await openSerialPort(path, 9600, false);
  port.on('data', onData);
  // socat dying closes this end too; nothing to report.
  port.on('error', () => undefined);
  return port;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
