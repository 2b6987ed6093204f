import type { RefundMethod } from '../../db/schema';
import type { NoteView } from '../fiscal/documents/note-view';
import type { DocumentTotals } from '../sales/taxes';
import { AppError } from '../shared/errors';
import { formatQuantity, roundDiv } from '../shared/money';
import type { Actor } from '../users/authenticator';
import { approvingUserId } from './approving-user';
import { writeNote, type NoteDraftLine, type NoteWriterDependencies } from './note-writer';
import { noteTotals, returnPiece } from './return-amounts';
import { fullyReturned, loadReturnableLines, type ReturnableLine } from './returnable';
import { loadSaleFacts, refundMethodProblem, type SaleFacts } from './sale-facts';

/** Catálogo 09 reasons a return of goods can carry. */
export const RETURN_REASON_CODES = ['01', '06', '07'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export interface ReturnRequest {
  saleId: string;
  lines: ReadonlyArray<{ lineNo: number; quantityMilli: number }>;
  /** 01 anulación de la operación, 06 devolución total, 07 devolución por ítem; by default 06 or 07. */
  reasonCode?: ReturnReasonCode | undefined;
  reasonText: string;
  refundMethod: RefundMethod;
  /** Put the goods back on the shelf (false: damaged, thrown away). */
  restock: boolean;
}

/** The céntimos a return would credit, line by line (lineNo: the sale's line). */
export interface ReturnPreview {
  saleId: string;
  reasonCode: ReturnReasonCode;
  totals: DocumentTotals;
  lines: Array<{
    lineNo: number;
    description: string;
    quantityMilli: number;
    amountCents: number;
    igvCents: number;
    icbperCents: number;
  }>;
}

/**
 * A supervisor-approved return: a nota de crédito for the chosen lines and quantities (money
 * rule in return-amounts.ts), stock back when asked, the refund recorded on the note. One
 * transaction: a note SUNAT would reject leaves nothing behind, the correlativo included.
 */
export class ReturnService {
  constructor(private readonly deps: NoteWriterDependencies) {}

  createReturn(actor: Actor, approver: Actor | null, request: ReturnRequest): NoteView {
    const approverId = approvingUserId(actor, approver, 'sale.return');
    const { ctx } = this.deps;
    return ctx.sql.transaction(() => {
      const { sale, lines, reasonCode } = this.draft(request);
      const note = writeNote(this.deps, actor, approverId, {
        docType: '07',
        sale,
        reasonCode,
        reasonText: request.reasonText.trim(),
        lines,
        refundMethod: request.refundMethod,
        restock: request.restock,
      });
      if (request.restock) {
        for (const line of lines) {
          ctx.stock.record({
            productId: line.productId,
            quantityMilli: line.quantityMilli,
            reason: 'return',
            saleId: sale.id,
            saleLineId: line.saleLineId,
            userId: actor.userId,
            note: `${note.serie}-${String(note.correlativo).padStart(8, '0')}`,
          });
        }
      }
      return note;
    });
  }

  /** What the note would credit, by the same rules, without writing anything (the dialog shows it). */
  preview(request: Omit<ReturnRequest, 'reasonText' | 'restock'>): ReturnPreview {
    const { sale, lines, reasonCode } = this.draft(request);
    return {
      saleId: sale.id,
      reasonCode,
      totals: noteTotals(lines),
      lines: lines.map((line, index) => ({
        lineNo: request.lines[index]?.lineNo ?? 0,
        description: line.description,
        quantityMilli: line.quantityMilli,
        amountCents: line.amountCents,
        igvCents: line.igvCents,
        icbperCents: line.icbperCents,
      })),
    };
  }

  private draft(request: Omit<ReturnRequest, 'reasonText' | 'restock'>): {
    sale: SaleFacts;
    lines: NoteDraftLine[];
    reasonCode: ReturnReasonCode;
  } {
    const { ctx } = this.deps;
    const sale = loadSaleFacts(ctx, request.saleId);
    assertReturnable(sale, request.refundMethod);
    assertDistinctLines(request.lines);
    const returnable = loadReturnableLines(ctx, sale.id);
    const lines = request.lines.map((asked) => returnedLine(sale, returnable, asked));
    if (lines.every((line) => line.amountCents + line.icbperCents === 0)) {
      throw new AppError('RETURN_INVALID', { reason: 'lo elegido no suma ni un céntimo a devolver' });
    }
    return { sale, lines, reasonCode: chooseReason(request.reasonCode, returnable, request.lines, sale) };
  }
}

function assertReturnable(sale: SaleFacts, refundMethod: RefundMethod): void {
  if (sale.voided) throw new AppError('RETURN_INVALID', { reason: `la venta ${sale.number} fue anulada` });
  if (sale.fiscalStatus === 'rejected') {
    throw new AppError('RETURN_INVALID', {
      reason: `SUNAT rechazó el comprobante ${sale.number}: no admite notas de crédito`,
    });
  }
  const problem = refundMethodProblem(refundMethod, sale.paymentMethods);
  if (problem) throw new AppError('RETURN_INVALID', { reason: problem });
}

function assertDistinctLines(asked: ReadonlyArray<{ lineNo: number }>): void {
  if (asked.length === 0)
    throw new AppError('RETURN_INVALID', { reason: 'elija qué productos se devuelven' });
  const seen = new Set<number>();
  for (const { lineNo } of asked) {
    if (seen.has(lineNo))
      throw new AppError('RETURN_INVALID', { reason: `la línea ${lineNo} está repetida` });
    seen.add(lineNo);
  }
}

function returnedLine(
  sale: SaleFacts,
  lines: readonly ReturnableLine[],
  asked: { lineNo: number; quantityMilli: number },
): NoteDraftLine {
  const line = lines.find((l) => l.lineNo === asked.lineNo);
  if (!line) throw new AppError('RETURN_INVALID', { reason: `la venta no tiene la línea ${asked.lineNo}` });
  const unit = line.unit === 'KGM' ? 'KGM' : 'NIU';
  if (!Number.isSafeInteger(asked.quantityMilli) || asked.quantityMilli <= 0) {
    throw new AppError('RETURN_INVALID', { reason: `indique cuánto se devuelve de ${line.description}` });
  }
  if (unit === 'NIU' && asked.quantityMilli % 1000 !== 0) {
    throw new AppError('RETURN_INVALID', { reason: `${line.description} se devuelve por unidades enteras` });
  }
  if (asked.quantityMilli > line.returnableMilli) {
    throw new AppError('RETURN_INVALID', {
      reason:
        line.returnableMilli === 0
          ? `${line.description} ya fue devuelto por completo`
          : `de ${line.description} solo quedan ${formatQuantity(line.returnableMilli, unit)} por devolver`,
    });
  }
  const piece = returnPiece(line, line.credited, asked.quantityMilli, sale.rates);
  return {
    ...piece,
    saleLineId: line.saleLineId,
    productId: line.productId,
    sku: line.sku,
    description: line.description,
    unit: line.unit,
    affectation: line.affectation,
    unitPriceCents: noteUnitPrice(line, piece.amountCents, asked.quantityMilli),
  };
}

/**
 * The note states the price actually charged per unit: the shelf price when the line had no
 * discount, else the discounted amount per unit, so quantity × price matches the line's value.
 */
function noteUnitPrice(line: ReturnableLine, amountCents: number, quantityMilli: number): number {
  if (line.discountCents === 0) return line.unitPriceCents;
  return roundDiv(amountCents * 1000, quantityMilli);
}

function chooseReason(
  given: ReturnReasonCode | undefined,
  lines: readonly ReturnableLine[],
  asked: ReadonlyArray<{ lineNo: number; quantityMilli: number }>,
  sale: SaleFacts,
): ReturnReasonCode {
  const after = lines.map((line) => ({
    returnableMilli: line.returnableMilli - (asked.find((a) => a.lineNo === line.lineNo)?.quantityMilli ?? 0),
  }));
  const everythingLeft = fullyReturned(after);
  if (given === undefined) return everythingLeft ? '06' : '07';
  if (given === '06' && !everythingLeft) {
    throw new AppError('RETURN_INVALID', {
      reason: 'la devolución total (motivo 06) debe incluir todo lo que queda de la venta',
    });
  }
  if (given === '01' && (!everythingLeft || sale.noteCount > 0)) {
    throw new AppError('RETURN_INVALID', {
      reason: 'la anulación de la operación (motivo 01) debe devolver la venta completa y sin notas previas',
    });
  }
  return given;
}
