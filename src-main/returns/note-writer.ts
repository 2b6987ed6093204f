import { openCashSessionId, requireOpenCashSession } from '../cash/open-session';
import { nextCorrelativo } from '../sales/series-counter';
import type { IgvAffectationCode, NoteDocType, RefundMethod, Unit } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { FiscalDocumentError } from '../fiscal/documents/fiscal-document-error';
import type { NoteView } from '../fiscal/documents/note-view';
import { documentNumber } from '../sales/sale-view';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { limaDate, limaTimestamp } from '../shared/lima-time';
import type { Actor } from '../users/authenticator';
import { notePayload, type NoteLineRow, type NoteRow } from '../sync/payloads';
import { noteTotals, type LineMoney } from './return-amounts';
import type { SaleFacts } from './sale-facts';

/** The fiscal side of a note (core.fiscal.noteDocuments): throws FISCAL_REJECTED to refuse it. */
export interface NoteIssuer {
  issueForNote(note: NoteView, userId: string): unknown;
}

export interface NoteDraftLine extends LineMoney {
  saleLineId: string | null;
  productId: string;
  sku: string;
  description: string;
  unit: Unit;
  unitPriceCents: number;
  affectation: IgvAffectationCode;
}

export interface NoteDraft {
  docType: NoteDocType;
  sale: SaleFacts;
  reasonCode: string;
  reasonText: string;
  lines: NoteDraftLine[];
  /** Credit notes hand the money back; debit notes collect it later, so they have none. */
  refundMethod: RefundMethod | null;
  restock: boolean;
}

export interface NoteWriterDependencies {
  ctx: CoreContext;
  notes: { byId(noteId: string): NoteView };
  issuer: NoteIssuer;
}

const AUDIT_ACTIONS = { '07': 'note.credit.issued', '08': 'note.debit.issued' } as const;

/**
 * Writes a note inside the caller's transaction, the way checkout writes a sale: the next
 * correlativo of the note series with the sale's letter (BC01 for B001, FD01 for F001), the
 * append-only rows, the signed document in the SUNAT queue, the outbox row and the audit entry.
 */
export function writeNote(
  deps: NoteWriterDependencies,
  actor: Actor,
  approverId: string,
  draft: NoteDraft,
): NoteView {
  const { sql, qb, clock } = deps.ctx;
  if (!sql.sqlite.inTransaction) throw new Error('notes are written inside their business transaction');
  const now = clock.now();
  const at = limaTimestamp(now);
  const letter = draft.sale.serie.slice(0, 1);
  const series = nextCorrelativo(deps.ctx, draft.docType, at, letter);

  const totals = noteTotals(draft.lines);
  const noteId = newId();
  const noteRow: NoteRow = {
    id: noteId,
    doc_type: draft.docType,
    serie: series.serie,
    correlativo: series.correlativo,
    sale_id: draft.sale.id,
    reason_code: draft.reasonCode,
    reason_text: draft.reasonText,
    issued_at: at,
    issue_date: limaDate(now),
    user_id: actor.userId,
    approver_id: approverId,
    gravadas_cents: totals.gravadasCents,
    exoneradas_cents: totals.exoneradasCents,
    inafectas_cents: totals.inafectasCents,
    igv_cents: totals.igvCents,
    icbper_cents: totals.icbperCents,
    total_cents: totals.totalCents,
    refund_method: draft.refundMethod,
    // Cash comes out of the drawer of the open session; other refunds note it when there is one.
    cash_session_id:
      draft.refundMethod === 'cash' ? requireOpenCashSession(deps.ctx) : openCashSessionId(deps.ctx),
    refund_cents: draft.refundMethod ? totals.totalCents : 0,
    restock: draft.restock ? 1 : 0,
    created_at: at,
  };
  sql.run(qb.insertInto('notes').values(noteRow));
  const lineRows = draft.lines.map((line, index): NoteLineRow => ({
    id: newId(),
    note_id: noteId,
    line_no: index + 1,
    sale_line_id: line.saleLineId,
    product_id: line.productId,
    sku: line.sku,
    description: line.description,
    unit: line.unit,
    quantity_milli: line.quantityMilli,
    unit_price_cents: line.unitPriceCents,
    amount_cents: line.amountCents,
    igv_affectation: line.affectation,
    taxable_cents: line.taxableCents,
    igv_cents: line.igvCents,
    icbper_units: line.icbperUnits,
    icbper_cents: line.icbperCents,
  }));
  for (const row of lineRows) sql.run(qb.insertInto('note_lines').values(row));
  // From the rows in hand, and before the fiscal document: HQ hears of the note before any
  // status of its document (and before the restock movements the caller records next).
  deps.ctx.outbox.enqueue('note.issued.v2', noteId, notePayload(deps.ctx.terminal, noteRow, lineRows));

  const note = deps.notes.byId(noteId);
  issueFiscalDocument(deps.issuer, note, actor.userId);
  const number = documentNumber(note.serie, note.correlativo);
  deps.ctx.audit.append({
    action: AUDIT_ACTIONS[draft.docType],
    entityType: 'note',
    entityId: noteId,
    userId: actor.userId,
    approverId,
    data: {
      number,
      sale: draft.sale.number,
      reasonCode: draft.reasonCode,
      reasonText: draft.reasonText,
      totalCents: totals.totalCents,
      refund: draft.refundMethod ? { method: draft.refundMethod, cents: totals.totalCents } : null,
      restock: draft.restock,
      lines: draft.lines.map((l) => ({
        sku: l.sku,
        quantityMilli: l.quantityMilli,
        amountCents: l.amountCents,
      })),
    },
  });
  return note;
}

/** A note the UBL rules refuse (e.g. a boleta note over S/ 700 without a customer) is refused here. */
function issueFiscalDocument(issuer: NoteIssuer, note: NoteView, userId: string): void {
  try {
    issuer.issueForNote(note, userId);
  } catch (error) {
    if (error instanceof FiscalDocumentError)
      throw new AppError('FISCAL_DOCUMENT_INVALID', { problem: error.message });
    throw error;
  }
}
