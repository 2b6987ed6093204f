import net from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  STATUS_REQUEST_LENGTH,
  StatusRequestScanner,
  findStatusRequests,
  type StatusRequest,
} from './escpos-decoder';

/**
 * A loopback stand-in for an Epson TM receipt printer on the raw port-9100 protocol: records the
 * exact bytes of each connection, answers real-time status requests, and misbehaves on demand.
 * Test support only.
 */

export interface CapturedJob {
  /** Every byte received on the connection, in order. */
  readonly bytes: Buffer;
  /** performance.now() when the connection was accepted. */
  readonly connectedAt: number;
  /** performance.now() when the last chunk arrived. */
  readonly lastByteAt: number | null;
  /** Who ended the connection; 'open' while it lasts. */
  readonly endedBy: 'client' | 'printer' | 'open';
}

export type PrinterBehaviour =
  /** Normal: reads everything, answers status. */
  | { kind: 'ready' }
  /** DLE EOT 4 / GS r 1 report paper end; DLE EOT 1 stays normal. Still reads bytes. */
  | { kind: 'paper-out' }
  /** DLE EOT 1 reports the printer offline. Still reads bytes. */
  | { kind: 'offline' }
  /** Accepts connections but never reads a byte nor answers. */
  | { kind: 'silent' }
  /** Destroys a connection once it has received this many bytes. */
  | { kind: 'close-after'; bytes: number }
  /** Records each chunk on arrival, then answers its status requests and reads on only after delayMs. */
  | { kind: 'slow'; delayMs: number }
  /** Stops listening (connection refused) until another behaviour is set; then listens on the same port. */
  | { kind: 'refuse' };

export interface WaitForJobOptions {
  /** Default 10 000 ms. */
  timeoutMs?: number;
  /** Also accept a job that had already ended before the call (the earliest matching one). */
  includeExisting?: boolean;
}

export interface CapturePrinter {
  readonly host: string;
  readonly port: number;
  /** `tcp://127.0.0.1:<port>`, the form node-thermal-printer takes as `interface`. */
  readonly url: string;
  /** One per connection that sent at least one byte, status-only connections included. */
  readonly jobs: readonly CapturedJob[];
  /**
   * Sets the printer's state. It applies at once to open connections too (status answers, reading),
   * like a real printer's paper or cover state would.
   */
  behave(behaviour: PrinterBehaviour): Promise<void>;
  /**
   * Resolves with the first job matching `predicate` that ends (client or printer closed it) after
   * this call; with `includeExisting`, an already-ended matching job counts too. Rejects after
   * the timeout (a number is taken as `timeoutMs`).
   */
  waitForJob(
    predicate?: (job: CapturedJob) => boolean,
    options?: number | WaitForJobOptions,
  ): Promise<CapturedJob>;
  /** Calls `listener` each time a job ends; returns the unsubscribe function. */
  onJobEnded(listener: (job: CapturedJob) => void): () => void;
  /** Jobs whose bytes hold more than status requests. */
  jobsWithContent(): CapturedJob[];
  /** Forgets recorded jobs (open connections keep recording into their job). */
  clear(): void;
  /** Closes the server and destroys every open socket. */
  close(): Promise<void>;
}

export interface CapturePrinterOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
}

const DEFAULT_WAIT_MS = 10_000;

interface MutableJob {
  bytes: Buffer;
  connectedAt: number;
  lastByteAt: number | null;
  endedBy: 'client' | 'printer' | 'open';
}

/** Epson's DLE EOT / GS r answers for a printer state. */
export function statusReply(request: StatusRequest, behaviour: PrinterBehaviour): number {
  const paperOut = behaviour.kind === 'paper-out';
  const offline = behaviour.kind === 'offline';
  if (request.kind === 'gs-r') return paperOut ? 0x0c : 0x00;
  switch (request.n) {
    case 1: // printer status; bit 3 = offline
      return offline ? 0x1e : 0x16;
    case 2: // offline cause; bit 2 = cover open, bit 5 = stopped by paper end
      return paperOut ? 0x32 : offline ? 0x16 : 0x12;
    case 3: // error cause
      return 0x12;
    case 4: // roll paper sensor; bits 2-3 near end, bits 5-6 paper end
      return paperOut ? 0x72 : 0x12;
  }
}

/** One accepted socket and the job it records into. */
class Connection {
  private job: MutableJob | null = null;
  private readonly scanner = new StatusRequestScanner();
  private readonly connectedAt = performance.now();
  private received = 0;
  private delaying: NodeJS.Timeout | null = null;
  private destroyedByPrinter = false;

  constructor(
    readonly socket: net.Socket,
    private readonly printer: Printer,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // A client's reset is an ordinary end for a printer.
    socket.on('error', () => undefined);
    socket.on('close', () => this.onClose());
    this.applyBehaviour();
  }

  /** Re-evaluates reading after a behaviour change or a slow delay. */
  applyBehaviour(): void {
    if (this.socket.destroyed) return;
    if (this.printer.behaviour.kind === 'silent' || this.delaying) this.socket.pause();
    else this.socket.resume();
  }

  destroyByPrinter(): void {
    this.destroyedByPrinter = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const behaviour = this.printer.behaviour;
    let accepted = chunk;
    if (behaviour.kind === 'close-after') {
      accepted = chunk.subarray(0, Math.max(0, behaviour.bytes - this.received));
    }
    this.received += accepted.length;
    if (accepted.length > 0) this.record(accepted);
    const requests = this.scanner.push(accepted);

    if (behaviour.kind === 'close-after' && this.received >= behaviour.bytes) {
      this.destroyByPrinter();
      return;
    }
    if (behaviour.kind === 'slow') {
      this.socket.pause();
      this.delaying = setTimeout(() => {
        this.delaying = null;
        this.answer(requests);
        this.applyBehaviour();
      }, behaviour.delayMs);
      return;
    }
    this.answer(requests);
  }

  private record(chunk: Buffer): void {
    if (!this.job) {
      this.job = { bytes: Buffer.alloc(0), connectedAt: this.connectedAt, lastByteAt: null, endedBy: 'open' };
      this.printer.addJob(this.job);
    }
    this.job.bytes = Buffer.concat([this.job.bytes, chunk]);
    this.job.lastByteAt = performance.now();
  }

  private answer(requests: StatusRequest[]): void {
    if (requests.length === 0 || this.socket.destroyed || !this.socket.writable) return;
    const behaviour = this.printer.behaviour;
    if (behaviour.kind === 'silent') return;
    this.socket.write(Buffer.from(requests.map((request) => statusReply(request, behaviour))));
  }

  private onClose(): void {
    if (this.delaying) clearTimeout(this.delaying);
    this.delaying = null;
    this.printer.removeConnection(this);
    if (!this.job) return;
    this.job.endedBy = this.destroyedByPrinter ? 'printer' : 'client';
    this.printer.jobEnded(this.job);
  }
}

class Printer implements CapturePrinter {
  readonly host: string;
  port = 0;
  behaviour: PrinterBehaviour = { kind: 'ready' };
  private readonly recorded: MutableJob[] = [];
  private readonly connections = new Set<Connection>();
  private readonly listeners = new Set<(job: CapturedJob) => void>();
  private readonly server: net.Server;
  private listening = false;
  private closed = false;

  constructor(host: string) {
    this.host = host;
    // Paused sockets read nothing until a behaviour lets them, which is what 'silent' needs.
    this.server = net.createServer({ pauseOnConnect: true }, (socket) => {
      this.connections.add(new Connection(socket, this));
    });
  }

  get url(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  get jobs(): readonly CapturedJob[] {
    return this.recorded;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, this.host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('capture printer: no TCP address');
    this.port = address.port;
    this.listening = true;
  }

  async behave(behaviour: PrinterBehaviour): Promise<void> {
    if (this.closed) throw new Error('capture printer: already closed');
    this.behaviour = behaviour;
    if (behaviour.kind === 'refuse') {
      if (this.listening) await this.stopListening();
    } else if (!this.listening) {
      await this.listen(this.port);
    }
    for (const connection of this.connections) connection.applyBehaviour();
  }

  waitForJob(
    predicate: (job: CapturedJob) => boolean = () => true,
    options: number | WaitForJobOptions = {},
  ): Promise<CapturedJob> {
    const { timeoutMs = DEFAULT_WAIT_MS, includeExisting = false } =
      typeof options === 'number' ? { timeoutMs: options } : options;
    if (includeExisting) {
      const existing = this.recorded.find((job) => job.endedBy !== 'open' && predicate(job));
      if (existing) return Promise.resolve(existing);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(
          new Error(
            `capture printer: no matching job ended within ${timeoutMs} ms (${this.recorded.length} jobs recorded)`,
          ),
        );
      }, timeoutMs);
      const unsubscribe = this.onJobEnded((job) => {
        if (!predicate(job)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(job);
      });
    });
  }

  onJobEnded(listener: (job: CapturedJob) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  jobsWithContent(): CapturedJob[] {
    return this.recorded.filter(
      (job) => job.bytes.length > findStatusRequests(job.bytes).length * STATUS_REQUEST_LENGTH,
    );
  }

  clear(): void {
    this.recorded.length = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const drained = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.listening = false;
    for (const connection of this.connections) connection.destroyByPrinter();
    await drained;
  }

  addJob(job: MutableJob): void {
    this.recorded.push(job);
  }

  removeConnection(connection: Connection): void {
    this.connections.delete(connection);
  }

  jobEnded(job: CapturedJob): void {
    for (const listener of [...this.listeners]) listener(job);
  }

  /**
   * Closes the listening socket; open connections are left alone. server.close()'s callback waits
   * for those connections, so resolve on the next turn instead, once the port is released.
   */
  private stopListening(): Promise<void> {
    this.listening = false;
    this.server.close();
    return new Promise((resolve) => setImmediate(resolve));
  }
}

export async function startCapturePrinter(options: CapturePrinterOptions = {}): Promise<CapturePrinter> {
  const printer = new Printer(options.host ?? '127.0.0.1');
  await printer.listen(options.port ?? 0);
  return printer;
}
