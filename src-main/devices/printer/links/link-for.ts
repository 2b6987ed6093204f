import type { PrinterConnection } from '../../device-settings-schema';
import type { PrinterLink } from './printer-link';
import { SerialPrinterLink } from './serial-link';
import { SystemPrinterLink } from './system-link';
import { TcpPrinterLink } from './tcp-link';

/** The link a connection setting describes; null when the terminal has no printer. */
export function linkFor(connection: PrinterConnection): PrinterLink | null {
  switch (connection.kind) {
    case 'none':
      return null;
    case 'network':
      return new TcpPrinterLink(connection.host, connection.port);
    case 'serial':
      return new SerialPrinterLink(connection.path, connection.baudRate);
    case 'system':
      return new SystemPrinterLink(connection.name);
  }
}

/** The system spooler answers for itself: asking the printer's status through it is not possible. */
export function canCheckStatus(connection: PrinterConnection): boolean {
  return connection.kind === 'network' || connection.kind === 'serial';
}
