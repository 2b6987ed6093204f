import type { CoreContext } from '../core/context';
import type { NoteView } from '../fiscal/documents/note-view';
import { AppError } from '../shared/errors';

/** Reads issued notes (07/08) back from their append-only rows, shaped for the UBL builder. */
export class NoteRecords {
  constructor(private readonly ctx: CoreContext) {}

  byId(noteId: string): NoteView {
    const { sql, qb } = this.ctx;
    const note = sql.first(
      qb
        .selectFrom('notes as n')
        .innerJoin('sales as s', 's.id', 'n.sale_id')
        .innerJoin('store as st', 'st.id', 's.store_id')
        .selectAll('n')
        .select([
          's.doc_type as sale_doc_type',
          's.serie as sale_serie',
          's.correlativo as sale_correlativo',
          's.issue_date as sale_issue_date',
          's.customer_doc_type',
          's.customer_doc_number',
          's.customer_name',
          's.customer_address',
          'st.ruc',
          'st.legal_name',
          'st.trade_name',
          'st.address as store_address',
        ])
        .where('n.id', '=', noteId),
    );
    if (!note) throw new AppError('FISCAL_DOCUMENT_NOT_FOUND');
    const lines = sql.all(
      qb.selectFrom('note_lines').selectAll().where('note_id', '=', noteId).orderBy('line_no'),
    );
    const base = {
      id: note.id,
      serie: note.serie,
      correlativo: note.correlativo,
      issuedAt: note.issued_at,
      issueDate: note.issue_date,
      store: {
        ruc: note.ruc,
        legalName: note.legal_name,
        tradeName: note.trade_name,
        address: note.store_address,
      },
      customer:
        note.customer_doc_type && note.customer_doc_number && note.customer_name
          ? {
              docType: note.customer_doc_type,
              docNumber: note.customer_doc_number,
              name: note.customer_name,
              address: note.customer_address,
            }
          : null,
      lines: lines.map((l) => ({
        lineNo: l.line_no,
        productId: l.product_id,
        sku: l.sku,
        description: l.description,
        unit: l.unit,
        quantityMilli: l.quantity_milli,
        unitPriceCents: l.unit_price_cents,
        grossCents: l.amount_cents,
        discountCents: 0,
        amountCents: l.amount_cents,
        affectation: l.igv_affectation,
        igvCents: l.igv_cents,
        icbperCents: l.icbper_cents,
      })),
      totals: {
        gravadasCents: note.gravadas_cents,
        exoneradasCents: note.exoneradas_cents,
        inafectasCents: note.inafectas_cents,
        igvCents: note.igv_cents,
        icbperCents: note.icbper_cents,
        discountCents: 0,
        totalCents: note.total_cents,
      },
      reasonDescription: note.reason_text,
      reference: {
        docType: note.sale_doc_type,
        serie: note.sale_serie,
        correlativo: note.sale_correlativo,
        issueDate: note.sale_issue_date,
      },
    };
    // The reason code's catalogue depends on the note type (09 crédito, 10 débito).
    return note.doc_type === '07'
      ? {
          ...base,
          noteType: '07',
          reasonCode: note.reason_code as Extract<NoteView, { noteType: '07' }>['reasonCode'],
        }
      : {
          ...base,
          noteType: '08',
          reasonCode: note.reason_code as Extract<NoteView, { noteType: '08' }>['reasonCode'],
        };
  }
}
