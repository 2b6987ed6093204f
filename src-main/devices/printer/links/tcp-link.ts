import { connect, type Socket } from 'node:net';
import { PrinterError } from '../printer-errors';
import { JobExchange } from './job-exchange';
import type { LinkOptions, PrinterLink } from './printer-link';

/** Raw TCP to a network printer (port 9100): one connection per job, as printers expect. */
export class TcpPrinterLink implements PrinterLink {
  readonly description: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.description = `tcp://${host}:${port}`;
  }

  async send(bytes: Buffer, options: LinkOptions): Promise<void> {
    const socket = await this.open(options.timeoutMs);
    try {
      await new JobExchange(socket, this.description).run(bytes, options);
      await this.finish(socket, options.timeoutMs);
    } finally {
      socket.destroy();
    }
  }

  private open(timeoutMs: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('PRINTER_UNREACHABLE', `${this.description}: sin respuesta`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(
          new PrinterError('PRINTER_UNREACHABLE', `${this.description}: ${error.code ?? error.message}`),
        );
      });
    });
  }

  /**
   * Half-closes and waits for the printer to close its side, so a reset that arrives after
   * the last write still counts as a failure. A printer that keeps the socket open has the
   * bytes already: after the timeout the job stands.
   */
  private finish(socket: Socket, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new PrinterError('PRINTER_DISCONNECTED', `${this.description}: ${error.code ?? error.message}`),
        );
      });
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
      socket.resume();
    });
  }
}
