import { isPrinterError, PrinterError } from './printer-errors';
import type { LinkOptions, PrinterLink } from './links/printer-link';
import type { PrintJobRow, PrintQueue } from './print-queue';

/** Where and how to print right now (the settings may change between jobs). */
export interface PrinterTarget {
  link: PrinterLink;
  options: LinkOptions;
}

export interface SpoolerOptions {
  /** Waits before the 2nd, 3rd… attempt of one job; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  log?: (message: string) => void;
}

export interface SpoolerEvents {
  /** A job changed state: screens refresh the printer banner. */
  changed(): void;
  /** The last byte of a job was handed over and confirmed (bench and tests listen). */
  printed?(job: PrintJobRow): void;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000] as const;

export interface SpoolerState {
  busy: boolean;
  retrying: boolean;
  lastError: { code: string; message: string; at: number } | null;
  lastSuccessAt: number | null;
}

/**
 * Prints queued jobs one at a time, in order, off the sale's path: a sale never waits for
 * paper. Each job gets a few bounded attempts, then stays `failed` until someone reprints
 * or dismisses it.
 */
export class PrintSpooler {
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly retryDelaysMs: readonly number[];
  private state: SpoolerState = { busy: false, retrying: false, lastError: null, lastSuccessAt: null };
  private readonly waits = new Set<() => void>();

  constructor(
    private readonly queue: PrintQueue,
    private readonly render: (job: PrintJobRow) => Buffer,
    private readonly target: () => PrinterTarget | null,
    private readonly events: SpoolerEvents,
    private readonly options: SpoolerOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  status(): SpoolerState {
    return { ...this.state };
  }

  /** Starts draining if idle; returns at once. */
  kick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when the queue is empty (tests and the bench wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waits.forEach((wake) => wake());
    await this.running;
  }

  private async drain(): Promise<void> {
    for (let job = this.queue.nextPending(); job && !this.stopped; job = this.queue.nextPending()) {
      this.setState({ busy: true });
      await this.print(job);
    }
    this.setState({ busy: false, retrying: false });
  }

  private async print(job: PrintJobRow): Promise<void> {
    const attempts = this.retryDelaysMs.length + 1;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      this.queue.markPrinting(job.id, attempt);
      try {
        await this.attempt(job);
        this.queue.markPrinted(job.id);
        this.setState({ lastError: null, lastSuccessAt: Date.now(), retrying: false });
        this.events.printed?.(job);
        return;
      } catch (error) {
        const failure = isPrinterError(error) ? error : this.unexpected(error);
        const final = attempt === attempts || this.stopped || failure.code === 'PRINTER_NOT_CONFIGURED';
        this.queue.markAttemptFailed(job.id, failure.code, failure.userMessage, final);
        this.setState({
          lastError: { code: failure.code, message: failure.userMessage, at: Date.now() },
          retrying: !final,
        });
        if (final) return;
        await this.pause(this.retryDelaysMs[attempt - 1] ?? 0);
      }
    }
  }

  private async attempt(job: PrintJobRow): Promise<void> {
    const target = this.target();
    if (!target) throw new PrinterError('PRINTER_NOT_CONFIGURED');
    await target.link.send(this.render(job), target.options);
  }

  private unexpected(error: unknown): PrinterError {
    this.options.log?.(
      `printer: job failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return new PrinterError('PRINTER_SYSTEM_FAILED', error instanceof Error ? error.message : String(error));
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }

  private setState(patch: Partial<SpoolerState>): void {
    this.state = { ...this.state, ...patch };
    this.events.changed();
  }
}
