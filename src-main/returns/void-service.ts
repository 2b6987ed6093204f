import { openCashSessionId } from '../cash/open-session';
import type { CoreContext } from '../core/context';
import { FiscalDocumentError } from '../fiscal/documents/fiscal-document-error';
import type { FiscalDocumentRow } from '../fiscal/queue/fiscal-queue';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { limaDate, limaTimestamp } from '../shared/lima-time';
import { saleVoidPayload, type SaleVoidRow } from '../sync/payloads';
import type { Actor } from '../users/authenticator';
import { approvingUserId } from './approving-user';
import { loadSaleFacts } from './sale-facts';
import { voidBlocker } from './void-rules';

export interface VoidRequest {
  saleId: string;
  /** Why, as it goes to SUNAT in the Comunicación de Baja (3 to 100 characters). */
  reason: string;
}

export interface VoidOutcome {
  saleId: string;
  number: string;
  reason: string;
  voidedAt: string;
  /** How SUNAT hears of it: the next Resumen Diario (boleta) or a Comunicación de Baja (factura). */
  channel: 'summary' | 'communication';
  /** The RA queued for a factura; null for a boleta. */
  communicationId: string | null;
}

export interface VoidServiceDependencies {
  ctx: CoreContext;
  queue: { bySale(saleId: string): FiscalDocumentRow | undefined };
  facturaVoids: {
    communicate(document: FiscalDocumentRow, reason: string, userId: string): FiscalDocumentRow;
  };
}

/**
 * Same-day void of a whole sale, in one transaction: the append-only void row, every line back
 * on the shelf, the factura's Comunicación de Baja queued (a boleta's void goes in the Resumen
 * Diario once SUNAT accepted the boleta: FiscalQueue.boletaVoidsToReport), outbox and audit.
 */
export class VoidService {
  constructor(private readonly deps: VoidServiceDependencies) {}

  voidSale(actor: Actor, approver: Actor | null, request: VoidRequest): VoidOutcome {
    const approverId = approvingUserId(actor, approver, 'sale.void');
    const { ctx } = this.deps;
    const reason = request.reason.replace(/\s+/g, ' ').trim();
    return ctx.sql.transaction(() => {
      const sale = loadSaleFacts(ctx, request.saleId);
      const now = ctx.clock.now();
      const blocker = voidBlocker(sale, limaDate(now));
      if (blocker) throw new AppError('VOID_NOT_ALLOWED', { reason: blocker });
      const voidedAt = limaTimestamp(now);
      const voidRow: SaleVoidRow = {
        id: newId(),
        sale_id: sale.id,
        reason,
        user_id: actor.userId,
        approver_id: approverId,
        voided_at: voidedAt,
        // The money goes back out of the drawer open now (if any).
        cash_session_id: openCashSessionId(ctx),
      };
      ctx.sql.run(ctx.qb.insertInto('sale_voids').values(voidRow));
      // Queued before the stock movements and fiscal changes it causes, so HQ sees them in order.
      ctx.outbox.enqueue('sale.voided.v2', sale.id, saleVoidPayload(ctx.terminal.terminalId, voidRow));
      const lines = ctx.sql.all(
        ctx.qb
          .selectFrom('sale_lines')
          .select(['id', 'product_id', 'quantity_milli'])
          .where('sale_id', '=', sale.id),
      );
      for (const line of lines) {
        ctx.stock.record({
          productId: line.product_id,
          quantityMilli: line.quantity_milli,
          reason: 'return',
          saleId: sale.id,
          saleLineId: line.id,
          userId: actor.userId,
          note: `Anulación ${sale.number}`,
        });
      }
      const communication = sale.docType === '01' ? this.communicate(sale.id, reason, actor.userId) : null;
      const outcome: VoidOutcome = {
        saleId: sale.id,
        number: sale.number,
        reason,
        voidedAt,
        channel: sale.docType === '01' ? 'communication' : 'summary',
        communicationId: communication?.id ?? null,
      };
      ctx.audit.append({
        action: 'sale.voided',
        entityType: 'sale',
        entityId: sale.id,
        userId: actor.userId,
        approverId,
        data: { number: sale.number, reason, totalCents: sale.totalCents, channel: outcome.channel },
      });
      return outcome;
    });
  }

  private communicate(saleId: string, reason: string, userId: string): FiscalDocumentRow {
    const document = this.deps.queue.bySale(saleId);
    if (!document) {
      throw new AppError('VOID_NOT_ALLOWED', { reason: 'la factura no tiene su comprobante electrónico' });
    }
    try {
      return this.deps.facturaVoids.communicate(document, reason, userId);
    } catch (error) {
      if (error instanceof FiscalDocumentError) {
        throw new AppError('FISCAL_DOCUMENT_INVALID', { problem: error.message });
      }
      throw error;
    }
  }
}
