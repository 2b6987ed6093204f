import { read as fsRead } from 'node:fs';
import { promisify } from 'node:util';
import { autoDetect, BindingsError, DarwinPortBinding, LinuxPortBinding } from '@serialport/bindings-cpp';
import { SerialPortStream } from '@serialport/stream';
import { systemClock, type Clock } from '../../shared/clock';

type SerialPort = SerialPortStream;

export type SerialDeviceState = 'stopped' | 'connecting' | 'connected' | 'reconnecting';

export interface SerialDeviceStatus {
  state: SerialDeviceState;
  path: string;
  /** Spanish, for the status bar; null while all is well. */
  message: string | null;
  /** ISO time the state began. */
  since: string;
}

/** Why the port is not open, so each device can word it for the cashier. */
export type PortFailure = 'disconnected' | 'permission-denied' | 'busy';

export interface ReconnectingPortOptions {
  path: string;
  baudRate: number;
  describeFailure(failure: PortFailure, path: string): string;
  /** First retry delay; doubles up to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  clock?: Clock;
}

export const DEFAULT_RECONNECT_MS = 1_000;
export const DEFAULT_MAX_RECONNECT_MS = 10_000;

/**
 * A serial port that stays open: USB-serial devices get unplugged and plugged back in all
 * day at a counter, so losing the port is a state to wait out, not an error.
 */
export class ReconnectingPort {
  private readonly path: string;
  private readonly baudRate: number;
  private readonly describeFailure: (failure: PortFailure, path: string) => string;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly clock: Clock;
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly breakListeners = new Set<() => void>();
  private readonly statusListeners = new Set<(status: SerialDeviceStatus) => void>();
  private current: SerialDeviceStatus;
  private port: SerialPort | null = null;
  private running = false;
  /** Bumped by start/stop so an open that finishes late knows it is no longer wanted. */
  private generation = 0;
  private opening: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs: number;

  constructor(options: ReconnectingPortOptions) {
    this.path = options.path;
    this.baudRate = options.baudRate;
    this.describeFailure = options.describeFailure;
    this.firstDelayMs = options.reconnectMs ?? DEFAULT_RECONNECT_MS;
    this.maxDelayMs = Math.max(this.firstDelayMs, options.maxReconnectMs ?? DEFAULT_MAX_RECONNECT_MS);
    this.clock = options.clock ?? systemClock;
    this.delayMs = this.firstDelayMs;
    this.current = { state: 'stopped', path: this.path, message: null, since: this.now() };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation += 1;
    this.delayMs = this.firstDelayMs;
    this.setStatus('connecting', null);
    this.opening = this.connect(this.generation);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.generation += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const port = this.port;
    this.port = null;
    // Closing starts now, so a device opened right after on the same path waits for it.
    const closed = port ? closeQuietly(port) : Promise.resolve();
    // An open still in flight closes its own port once it sees the new generation.
    await this.opening;
    await closed;
    this.emitBreak();
    this.setStatus('stopped', null);
  }

  status(): SerialDeviceStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: SerialDeviceStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /** The byte stream broke (unplugged or stopped): half-received frames must be dropped. */
  onBreak(listener: () => void): () => void {
    this.breakListeners.add(listener);
    return () => this.breakListeners.delete(listener);
  }

  /** Resolves once the bytes are handed to the driver; rejects if the port is not open. */
  async write(data: string | Buffer): Promise<void> {
    const port = this.port;
    if (!port) throw new Error(`serial port ${this.path} is not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  private async connect(generation: number): Promise<void> {
    let port: SerialPort;
    try {
      // A port being closed (say, by the scanner these settings replace) is still locked.
      await closingPorts.get(this.path);
      port = await openSerialPort(this.path, this.baudRate);
    } catch (error) {
      if (generation === this.generation) this.retryLater(classifyOpenError(error));
      return;
    }
    if (generation !== this.generation) {
      await closeQuietly(port);
      return;
    }
    this.attach(port);
  }

  private attach(port: SerialPort): void {
    this.port = port;
    this.delayMs = this.firstDelayMs;
    port.on('data', (chunk: Buffer) => {
      if (this.port === port) notify(this.dataListeners, chunk);
    });
    const lost = (): void => {
      if (this.port !== port) return;
      this.port = null;
      void closeQuietly(port);
      this.emitBreak();
      this.retryLater('disconnected');
    };
    // serialport reports an unplug as 'close' with a DisconnectedError; other failures as 'error'.
    port.on('close', lost);
    port.on('error', lost);
    this.setStatus('connected', null);
  }

  private retryLater(failure: PortFailure): void {
    if (!this.running) return;
    this.setStatus('reconnecting', this.describeFailure(failure, this.path));
    const delay = this.delayMs;
    this.delayMs = Math.min(delay * 2, this.maxDelayMs);
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.opening = this.connect(generation);
    }, delay);
  }

  private emitBreak(): void {
    notify(this.breakListeners, undefined);
  }

  private setStatus(state: SerialDeviceState, message: string | null): void {
    if (this.current.state === state && this.current.message === message) return;
    this.current = { state, path: this.path, message, since: this.now() };
    const snapshot = this.status();
    notify(this.statusListeners, snapshot);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/**
 * Calls every listener even if one throws: they run inside serialport's callbacks, where a
 * throw would become an unhandled rejection and take the whole app down.
 */
export function notify<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      console.error('serial device listener failed', error);
    }
  }
}

/** Opens a serial port whose unplug is reported as a 'close' event (see `hangupAwareBinding`). */
export function openSerialPort(path: string, baudRate: number, lock = true): Promise<SerialPortStream> {
  return new Promise((resolve, reject) => {
    const port = new SerialPortStream({ binding: hangupAwareBinding, path, baudRate, lock, autoOpen: false });
    port.open((error) => (error ? reject(error) : resolve(port)));
  });
}

/** What this module passes to `open`: bindings-interface's own types do not resolve here (its exports map lists none). */
interface BindingOpenOptions {
  path: string;
  baudRate: number;
  lock?: boolean;
}

const detectedBinding = autoDetect();
const fsReadAsync = promisify(fsRead);

/**
 * The platform binding, except that on Linux and macOS a read of zero bytes means the device
 * hung up. bindings-cpp retries such reads forever (serialport/bindings-cpp#162): after an
 * unplug the app would spin at full CPU and never learn the port is gone.
 */
const hangupAwareBinding = {
  list: () => detectedBinding.list(),
  open: async (options: BindingOpenOptions) => {
    const port = await detectedBinding.open(options);
    if (port instanceof LinuxPortBinding || port instanceof DarwinPortBinding) {
      port.read = (buffer, offset, length) => readUntilHangup(port, buffer, offset, length);
    }
    return port;
  },
};

async function readUntilHangup(
  port: LinuxPortBinding | DarwinPortBinding,
  buffer: Buffer,
  offset: number,
  length: number,
): Promise<{ buffer: Buffer; bytesRead: number }> {
  for (;;) {
    // `canceled` tells the stream we closed it ourselves: not a disconnect.
    if (port.fd === null) throw new BindingsError('Port is not open', { canceled: true });
    let bytesRead: number;
    try {
      ({ bytesRead } = await fsReadAsync(port.fd, buffer, offset, length, null));
    } catch (error) {
      if (!isWouldBlock(error)) throw error;
      // Closed while reading: polling a destroyed poller would crash the process.
      if (port.fd === null) throw new BindingsError('Port is not open', { canceled: true });
      await new Promise<void>((resolve, reject) => {
        port.poller.once('readable', (pollError) => (pollError ? reject(pollError) : resolve()));
      });
      continue;
    }
    // The port is non-blocking, so "no data yet" is EAGAIN; zero bytes is end of file.
    if (bytesRead === 0) throw new Error('serial device hung up');
    return { buffer, bytesRead };
  }
}

function isWouldBlock(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR';
}

/** Closes still under way, by path. */
const closingPorts = new Map<string, Promise<void>>();

function closeQuietly(port: SerialPort): Promise<void> {
  if (!port.isOpen) return Promise.resolve();
  const closed = new Promise<void>((resolve) => port.close(() => resolve()));
  closingPorts.set(port.path, closed);
  void closed.then(() => {
    if (closingPorts.get(port.path) === closed) closingPorts.delete(port.path);
  });
  return closed;
}

/** serialport's open errors carry no code, only the C library's wording. */
function classifyOpenError(error: unknown): PortFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/permission denied|access denied/i.test(text)) return 'permission-denied';
  if (/cannot lock port|resource busy/i.test(text)) return 'busy';
  return 'disconnected';
}
