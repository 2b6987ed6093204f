import type { SerialPortStream } from '@serialport/stream';
import { openSerialPort } from '../../serial/reconnecting-port';
import { PrinterError } from '../printer-errors';
import { JobExchange } from './job-exchange';
import type { LinkOptions, PrinterLink } from './printer-link';

/** RS-232 or USB-CDC printer: the port is opened for each job and closed after it, so a replugged printer just works. */
export class SerialPrinterLink implements PrinterLink {
  readonly description: string;

  constructor(
    private readonly path: string,
    private readonly baudRate: number,
  ) {
    this.description = `${path} (${baudRate} baudios)`;
  }

  async send(bytes: Buffer, options: LinkOptions): Promise<void> {
    const port = await this.open(options.timeoutMs);
    try {
      await new JobExchange(port, this.description).run(bytes, options);
      await this.drain(port, options.timeoutMs);
    } finally {
      if (port.isOpen) port.close(() => undefined);
    }
  }

  /** Through the hang-up-aware binding: an unplugged port fails the job instead of spinning. */
  private open(timeoutMs: number): Promise<SerialPortStream> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterError('PRINTER_UNREACHABLE', `${this.description}: sin respuesta`)),
        timeoutMs,
      );
      openSerialPort(this.path, this.baudRate).then(
        (port) => {
          clearTimeout(timer);
          resolve(port);
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(new PrinterError('PRINTER_UNREACHABLE', `${this.description}: ${error.message}`));
        },
      );
    });
  }

  /** Serial writes are buffered by the OS: wait until they left the machine. */
  private drain(port: SerialPortStream, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterError('PRINTER_NOT_RESPONDING', this.description)),
        timeoutMs,
      );
      port.drain((error) => {
        clearTimeout(timer);
        if (error) reject(new PrinterError('PRINTER_DISCONNECTED', `${this.description}: ${error.message}`));
        else resolve();
      });
    });
  }
}
