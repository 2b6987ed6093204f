import type { CoreContext } from '../core/context';
import type { SaleFiscalView } from '../fiscal/fiscal-view';
import type { SaleView } from '../sales/sale-view';
import { DeviceSettingsStore } from './device-settings';
import { PrintQueue, type PrintJobRow } from './printer/print-queue';
import { PrintSpooler } from './printer/print-spooler';
import { ReceiptPrinting, targetFor, type SaleSource } from './printer/receipt-printing';
import type { DevicesStatusView } from './device-views';
import { SerialDevices } from './serial-devices';

export interface DevicesModuleOptions {
  /** Waits between attempts of one print job (tests shorten them). */
  printRetryDelaysMs?: readonly number[];
  /** First wait before reopening an unplugged serial scanner or scale. */
  serialReconnectMs?: number;
  log?: (message: string) => void;
}

export interface DevicesModule {
  settings: DeviceSettingsStore;
  queue: PrintQueue;
  spooler: PrintSpooler;
  printing: ReceiptPrinting;
  serial: SerialDevices;
  status(): DevicesStatusView;
  /** A serial scanner read a code: it goes to the same scan action as the keyboard wedge. */
  onScan(listener: (code: string) => void): () => void;
  /** A device's state changed (a job printed or failed, settings saved): screens refresh. */
  onChange(listener: () => void): () => void;
  /** A job's last byte reached the printer. */
  onPrinted(listener: (job: PrintJobRow) => void): () => void;
  close(): Promise<void>;
}

function listenerSet<T extends unknown[]>() {
  const listeners = new Set<(...args: T) => void>();
  return {
    emit: (...args: T) => listeners.forEach((listener) => listener(...args)),
    add: (listener: (...args: T) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Printer, drawer, serial scanner and scale of one terminal, with their settings. */
export function createDevicesModule(
  ctx: CoreContext,
  sales: SaleSource,
  fiscalOf: (sale: SaleView) => SaleFiscalView | null,
  options: DevicesModuleOptions = {},
): DevicesModule {
  const changed = listenerSet<[]>();
  const printed = listenerSet<[PrintJobRow]>();
  const settings = new DeviceSettingsStore(ctx.sql, ctx.qb, ctx.clock, ctx.audit);
  const queue = new PrintQueue(ctx.sql, ctx.qb, ctx.clock);
  const interrupted = queue.failInterrupted('Mostrador se cerró antes de imprimirlo.');
  if (interrupted > 0)
    options.log?.(`printer: ${interrupted} job(s) interrupted by a restart are waiting for a reprint`);

  let spooler: PrintSpooler | null = null;
  const printing = new ReceiptPrinting(ctx, settings, queue, () => spooler as PrintSpooler, sales, fiscalOf);
  spooler = new PrintSpooler(
    queue,
    (job) => printing.render(job),
    () => targetFor(settings.get().printer),
    { changed: changed.emit, printed: printed.emit },
    {
      ...(options.printRetryDelaysMs ? { retryDelaysMs: options.printRetryDelaysMs } : {}),
      ...(options.log ? { log: options.log } : {}),
    },
  );
  const serial = new SerialDevices(
    options.serialReconnectMs ? { reconnectMs: options.serialReconnectMs } : {},
  );
  serial.apply(settings.get());
  serial.onStatus(() => changed.emit());
  settings.onChange((next) => {
    serial.apply(next);
    changed.emit();
  });

  return {
    settings,
    queue,
    spooler,
    printing,
    serial,
    status: () => ({
      printer: printing.status(),
      serialScanner: serial.scannerStatus(),
      scale: serial.scaleStatus(),
    }),
    onScan: (listener) => serial.onScan(listener),
    onChange: changed.add,
    onPrinted: printed.add,
    close: async () => {
      await Promise.all([spooler?.stop(), serial.stop()]);
    },
  };
}
