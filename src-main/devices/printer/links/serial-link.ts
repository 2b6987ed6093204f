import { SerialPort } from 'serialport';
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

  private open(timeoutMs: number): Promise<SerialPort> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterError('PRINTER_UNREACHABLE', `${this.description}: sin respuesta`)),
        timeoutMs,
      );
      const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
      port.open((error) => {
        clearTimeout(timer);
        if (error) reject(new PrinterError('PRINTER_UNREACHABLE', `${this.description}: ${error.message}`));
        else resolve(port);
      });
    });
  }

  /** Serial writes are buffered by the OS: wait until they left the machine. */
  private drain(port: SerialPort, timeoutMs: number): Promise<void> {
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
