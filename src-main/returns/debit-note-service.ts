import type { NoteView } from '../fiscal/documents/note-view';
import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import { approvingUserId } from './approving-user';
import { writeNote, type NoteDraftLine, type NoteWriterDependencies } from './note-writer';
import { increaseMoney } from './return-amounts';
import { loadSaleFacts, type SaleFacts } from './sale-facts';

/** Catálogo 10 reasons a counter sale can carry (11/12 need export or IVAP lines). */
export const DEBIT_REASON_CODES = ['01', '02', '03'] as const;
export type DebitReasonCode = (typeof DEBIT_REASON_CODES)[number];

export interface DebitNoteRequest {
  saleId: string;
  /** 02 aumento en el valor by default; 01 intereses por mora, 03 penalidades / otros conceptos. */
  reasonCode?: DebitReasonCode | undefined;
  reasonText: string;
  /** Per sale line, the increase in céntimos, IGV included like every price at the counter. */
  lines: ReadonlyArray<{ lineNo: number; increaseCents: number }>;
}

/**
 * A nota de débito raises what a sale is worth. Each line is one unit priced at the increase,
 * taxed with the sale's own rates and affectation; nothing moves in the stock and nothing is
 * refunded. Written in one transaction with its SUNAT document, outbox row and audit entry.
 */
export class DebitNoteService {
  constructor(private readonly deps: NoteWriterDependencies) {}

  createDebitNote(actor: Actor, approver: Actor | null, request: DebitNoteRequest): NoteView {
    const approverId = approvingUserId(actor, approver, 'note.debit');
    const { ctx } = this.deps;
    return ctx.sql.transaction(() => {
      const sale = loadSaleFacts(ctx, request.saleId);
      assertDebitable(sale);
      if (request.lines.length === 0) {
        throw new AppError('DEBIT_NOTE_INVALID', { reason: 'indique al menos un aumento' });
      }
      const saleLines = ctx.sql.all(
        ctx.qb.selectFrom('sale_lines').selectAll().where('sale_id', '=', sale.id).orderBy('line_no'),
      );
      const seen = new Set<number>();
      const lines = request.lines.map(({ lineNo, increaseCents }): NoteDraftLine => {
        const line = saleLines.find((l) => l.line_no === lineNo);
        if (!line)
          throw new AppError('DEBIT_NOTE_INVALID', { reason: `la venta no tiene la línea ${lineNo}` });
        if (seen.has(lineNo))
          throw new AppError('DEBIT_NOTE_INVALID', { reason: `la línea ${lineNo} está repetida` });
        seen.add(lineNo);
        if (!Number.isSafeInteger(increaseCents) || increaseCents <= 0) {
          throw new AppError('DEBIT_NOTE_INVALID', {
            reason: `el aumento de ${line.description} debe ser mayor que cero`,
          });
        }
        return {
          ...increaseMoney(line.igv_affectation, increaseCents, sale.rates),
          saleLineId: line.id,
          productId: line.product_id,
          sku: line.sku,
          description: line.description,
          unit: 'NIU',
          unitPriceCents: increaseCents,
          affectation: line.igv_affectation,
        };
      });
      return writeNote(this.deps, actor, approverId, {
        docType: '08',
        sale,
        reasonCode: request.reasonCode ?? '02',
        reasonText: request.reasonText.trim(),
        lines,
        refundMethod: null,
        restock: false,
      });
    });
  }
}

function assertDebitable(sale: SaleFacts): void {
  if (sale.voided)
    throw new AppError('DEBIT_NOTE_INVALID', { reason: `la venta ${sale.number} fue anulada` });
  if (sale.fiscalStatus === 'rejected') {
    throw new AppError('DEBIT_NOTE_INVALID', {
      reason: `SUNAT rechazó el comprobante ${sale.number}: no admite notas de débito`,
    });
  }
}
