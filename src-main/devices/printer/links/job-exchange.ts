import type { Duplex } from 'node:stream';
import { PrinterError } from '../printer-errors';
import { STATUS_ANSWER_LENGTH, STATUS_REQUESTS, checkStatusAnswer } from '../printer-status';
import type { LinkOptions } from './printer-link';

/**
 * The conversation with a printer over an open byte stream (TCP socket or serial port):
 * status, job, and status again, whose answer can only come once every byte of the job
 * reached the printer. Every wait is bounded; the stream is never left half-used.
 */
export class JobExchange {
  private received = Buffer.alloc(0);
  private failure: PrinterError | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly stream: Duplex,
    private readonly where: string,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    stream.on('error', (error: NodeJS.ErrnoException) => this.fail(this.disconnected(error)));
    stream.on('close', () => this.fail(new PrinterError('PRINTER_DISCONNECTED', where)));
  }

  async run(bytes: Buffer, options: LinkOptions): Promise<void> {
    if (options.checkStatus) await this.status(options.timeoutMs);
    await this.write(bytes, options.timeoutMs);
    if (options.checkStatus) await this.status(options.timeoutMs);
  }

  private disconnected(error: NodeJS.ErrnoException): PrinterError {
    return new PrinterError('PRINTER_DISCONNECTED', `${this.where}: ${error.code ?? error.message}`);
  }

  private fail(error: PrinterError): void {
    this.failure ??= error;
    this.wake?.();
  }

  private async status(timeoutMs: number): Promise<void> {
    this.received = Buffer.alloc(0);
    await this.write(STATUS_REQUESTS, timeoutMs);
    await this.until(() => this.received.length >= STATUS_ANSWER_LENGTH, timeoutMs);
    checkStatusAnswer(this.received.subarray(0, STATUS_ANSWER_LENGTH));
  }

  private write(bytes: Buffer, timeoutMs: number): Promise<void> {
    let flushed = false;
    this.stream.write(bytes, () => {
      flushed = true;
      this.wake?.();
    });
    return this.until(() => flushed, timeoutMs);
  }

  /** Waits for `done`, a failure of the stream, or the timeout, whichever comes first. */
  private until(done: () => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = () => {
        if (this.failure) finish(() => reject(this.failure));
        else if (done()) finish(resolve);
      };
      const timer = setTimeout(
        () => finish(() => reject(new PrinterError('PRINTER_NOT_RESPONDING', this.where))),
        timeoutMs,
      );
      const finish = (then: () => void) => {
        clearTimeout(timer);
        this.wake = null;
        then();
      };
      this.wake = settle;
      settle();
    });
  }
}
