import { execFile, spawn } from 'node:child_process';
import { PrinterError } from '../printer-errors';
import type { LinkOptions, PrinterLink } from './printer-link';

/**
 * A printer queue of the operating system through CUPS (`lp -o raw`), as on Linux and macOS.
 * The spooler takes the bytes unchanged; it cannot report paper status, so none is asked.
 */
export class SystemPrinterLink implements PrinterLink {
  readonly description: string;

  constructor(private readonly name: string) {
    this.description = `CUPS: ${name}`;
  }

  send(bytes: Buffer, options: LinkOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      const lp = spawn('lp', ['-d', this.name, '-o', 'raw', '-t', 'Mostrador'], {
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      const timer = setTimeout(() => {
        lp.kill();
        reject(new PrinterError('PRINTER_NOT_RESPONDING', this.description));
      }, options.timeoutMs);
      lp.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      lp.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const detail = error.code === 'ENOENT' ? 'CUPS (lp) no está instalado en este equipo' : error.message;
        reject(new PrinterError('PRINTER_SYSTEM_FAILED', detail));
      });
      lp.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else
          reject(new PrinterError('PRINTER_SYSTEM_FAILED', stderr.trim() || `lp terminó con código ${code}`));
      });
      lp.stdin.on('error', () => undefined);
      lp.stdin.end(bytes);
    });
  }
}

/** Names of the OS printer queues (`lpstat -e`); empty when CUPS is not there. */
export function listSystemPrinters(timeoutMs = 3_000): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('lpstat', ['-e'], { timeout: timeoutMs }, (error, stdout) => {
      if (error) resolve([]);
      else
        resolve(
          stdout
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        );
    });
  });
}
