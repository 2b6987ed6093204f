import type { CoreContext } from '../../core/context';
import type { SaleFiscalView } from '../../fiscal/fiscal-view';
import { receiptWidthFor, saleReceipt } from '../../receipt/sale-receipt';
import type { ReceiptDocument } from '../../receipt/receipt-types';
import type { SaleView } from '../../sales/sale-view';
import { AppError } from '../../shared/errors';
import { limaTimestamp } from '../../shared/lima-time';
import type { DeviceSettingsStore } from '../device-settings';
import type { PrinterSettings } from '../device-settings-schema';
import { encodeDrawerPulse, encodeReceipt } from './escpos-encoder';
import { canCheckStatus, linkFor } from './links/link-for';
import { isPrinterError } from './printer-errors';
import type { PrintJobView, PrinterStatusView } from '../device-views';
import { printJobView, type PrintJobRow, type PrintQueue } from './print-queue';
import type { PrintSpooler, PrinterTarget } from './print-spooler';
import { testPage } from './test-page';

export interface SaleSource {
  byId(saleId: string): SaleView;
  recent(limit: number): Array<{ id: string }>;
}

/** Cash and dollars go into the drawer; card and wallet payments do not need it opened. */
function takesCash(sale: SaleView): boolean {
  return sale.payments.some((payment) => payment.method === 'cash' || payment.method === 'usd');
}

/** Where a job goes and how: status is only asked of Epson printers reached directly. */
export function targetFor(settings: PrinterSettings): PrinterTarget | null {
  const link = linkFor(settings.connection);
  if (!link) return null;
  return {
    link,
    options: {
      timeoutMs: settings.timeoutMs,
      checkStatus: settings.checkStatus && settings.model === 'epson' && canCheckStatus(settings.connection),
    },
  };
}

/**
 * Receipts, copies, reports, test pages and drawer pulses: all laid out as receipt
 * documents, queued, and printed by the spooler through the same encoder and link.
 */
export class ReceiptPrinting {
  constructor(
    private readonly ctx: CoreContext,
    private readonly devices: DeviceSettingsStore,
    private readonly queue: PrintQueue,
    private readonly spooler: () => PrintSpooler,
    private readonly sales: SaleSource,
    private readonly fiscalOf: (sale: SaleView) => SaleFiscalView | null,
  ) {}

  private get settings(): PrinterSettings {
    return this.devices.get().printer;
  }

  private requireConfigured(): void {
    if (this.settings.connection.kind === 'none') throw new AppError('PRINTER_NOT_CONFIGURED');
  }

  /** The screen's preview of a sale: the same document the printer gets, at the printer's width. */
  receiptFor(sale: SaleView, copy = false): ReceiptDocument {
    return saleReceipt(sale, this.fiscalOf(sale), {
      width: receiptWidthFor(this.settings.paperWidthMm),
      copy,
    });
  }

  /** After a sale commits: its receipt (and the drawer, for cash) goes to the queue, never in the sale's way. */
  afterSale(sale: SaleView, userId: string): PrintJobView | null {
    const { connection, printOnSale, drawer } = this.settings;
    if (connection.kind === 'none' || !printOnSale) return null;
    const job = this.queue.add({
      kind: 'sale',
      saleId: sale.id,
      label: sale.number,
      openDrawer: drawer.openOnCash && takesCash(sale),
      requestedBy: userId,
    });
    this.spooler().kick();
    return printJobView(job);
  }

  /**
   * A receipt that never printed is printed again as the original; one that printed
   * comes out marked COPIA, and the copy is audited.
   */
  /** Whether a reprint would come out as a copy (the store may want a supervisor for those). */
  reprintMakesCopy(input: { saleId?: string | undefined; jobId?: string | undefined }): boolean {
    if (input.jobId) return false;
    const saleId = input.saleId ?? this.sales.recent(1)[0]?.id;
    if (!saleId) throw new AppError('SALE_NOT_FOUND');
    const original = this.queue.saleJob(saleId);
    return !(original && original.status !== 'printed' && original.printed_at === null);
  }

  reprint(
    input: { saleId?: string | undefined; jobId?: string | undefined },
    userId: string,
    approverId: string | null = null,
  ): PrintJobView {
    this.requireConfigured();
    const job = this.ctx.sql.transaction(() => {
      if (input.jobId) return this.retryJob(input.jobId);
      const saleId = input.saleId ?? this.sales.recent(1)[0]?.id;
      if (!saleId) throw new AppError('SALE_NOT_FOUND');
      const sale = this.sales.byId(saleId);
      const original = this.queue.saleJob(sale.id);
      if (!this.reprintMakesCopy({ saleId }) && original) return this.retryJob(original.id);
      const copy = this.queue.add({
        kind: 'copy',
        saleId: sale.id,
        label: `${sale.number} (copia)`,
        requestedBy: userId,
      });
      this.ctx.audit.append({
        action: 'receipt.reprinted',
        entityType: 'sale',
        entityId: sale.id,
        userId,
        approverId,
        data: { number: sale.number, jobId: copy.id },
      });
      return copy;
    });
    this.spooler().kick();
    return printJobView(job);
  }

  private retryJob(jobId: string): PrintJobRow {
    const job = this.queue.byId(jobId);
    if (!job) throw new AppError('PRINT_JOB_NOT_FOUND');
    if (job.status === 'failed' || job.status === 'dismissed') this.queue.requeue(job.id);
    return this.queue.byId(jobId) ?? job;
  }

  dismiss(jobId: string): void {
    const job = this.queue.byId(jobId);
    if (!job) throw new AppError('PRINT_JOB_NOT_FOUND');
    if (job.status === 'failed') this.queue.dismiss(jobId);
    this.spooler().kick();
  }

  /** A supervisor opens the drawer without a sale: audited with who asked and who approved. */
  openDrawer(userId: string, approverId: string | null, reason: string): PrintJobView {
    this.requireConfigured();
    const job = this.ctx.sql.transaction(() => {
      const row = this.queue.add({
        kind: 'drawer',
        label: 'Apertura de gaveta',
        openDrawer: true,
        requestedBy: userId,
      });
      this.ctx.audit.append({
        action: 'drawer.opened',
        entityType: 'drawer',
        entityId: row.id,
        userId,
        approverId,
        data: { reason },
      });
      return row;
    });
    this.spooler().kick();
    return printJobView(job);
  }

  /** X/Z reports and other documents laid out elsewhere, through the same queue. */
  printDocument(
    kind: 'report' | 'test',
    label: string,
    document: ReceiptDocument,
    userId: string,
  ): PrintJobView {
    this.requireConfigured();
    const job = this.queue.add({ kind, label, document: JSON.stringify(document), requestedBy: userId });
    this.spooler().kick();
    return printJobView(job);
  }

  /**
   * The settings screen's "Imprimir prueba": straight to the printer (queued jobs keep
   * their place), with the settings being edited, so a wrong address shows at once.
   */
  async testPrint(
    candidate: PrinterSettings | undefined,
    storeName: string,
  ): Promise<{ description: string }> {
    const settings = candidate ?? this.settings;
    const target = targetFor(settings);
    if (!target) throw new AppError('PRINTER_NOT_CONFIGURED');
    const width = receiptWidthFor(settings.paperWidthMm);
    const page = testPage(
      settings,
      {
        storeName,
        terminalCode: this.ctx.terminal.terminalCode,
        printerDescription: target.link.description,
        at: limaTimestamp(this.ctx.clock.now()),
      },
      width,
    );
    try {
      await target.link.send(
        encodeReceipt(page, { model: settings.model, codePage: settings.codePage }),
        target.options,
      );
    } catch (error) {
      if (isPrinterError(error)) throw new AppError('PRINTER_FAILED', { message: error.userMessage });
      throw error;
    }
    return { description: target.link.description };
  }

  /** The bytes of a queued job, laid out with the settings in force when it prints. */
  render(job: PrintJobRow): Buffer {
    const settings = this.settings;
    const encode = { model: settings.model, codePage: settings.codePage };
    const drawerPin = job.open_drawer ? settings.drawer.pin : null;
    if (job.kind === 'drawer') return encodeDrawerPulse({ ...encode, drawerPin: settings.drawer.pin });
    if (job.kind === 'sale' || job.kind === 'copy') {
      if (!job.sale_id) throw new Error(`print job ${job.id} has no sale`);
      const document = this.receiptFor(this.sales.byId(job.sale_id), job.kind === 'copy');
      return encodeReceipt(document, { ...encode, drawerPin });
    }
    if (!job.document) throw new Error(`print job ${job.id} has no document`);
    return encodeReceipt(JSON.parse(job.document) as ReceiptDocument, { ...encode, drawerPin });
  }

  status(): PrinterStatusView {
    const settings = this.settings;
    const target = targetFor(settings);
    const spooler = this.spooler().status();
    const failed = this.queue.unresolvedFailures();
    const state: PrinterStatusView['state'] = !target
      ? 'none'
      : spooler.retrying
        ? 'retrying'
        : spooler.busy
          ? 'printing'
          : spooler.lastError
            ? 'error'
            : 'ready';
    return {
      configured: target !== null,
      description: target?.link.description ?? null,
      paperWidthMm: settings.paperWidthMm,
      state,
      lastError: spooler.lastError
        ? { code: spooler.lastError.code, message: spooler.lastError.message }
        : null,
      pendingCount: this.queue.count('pending'),
      failedCount: this.queue.count('failed'),
      failed: failed.map(printJobView),
    };
  }
}
