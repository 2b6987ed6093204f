import type { ExpressionBuilder } from 'kysely';
import type { Database, DocType, FiscalStatus, NoteDocType, RefundMethod } from '../../db/schema';
import type { CoreContext } from '../core/context';
import { STATUS_LABELS, type FiscalDocumentView } from '../fiscal/fiscal-view';
import type { FiscalDocumentRow } from '../fiscal/queue/fiscal-queue';
import { documentNumber, type SaleLineView, type SaleView } from '../sales/sale-view';
import { limaDate } from '../shared/lima-time';
import { parseNumberQuery, type SaleHistoryFilter } from './history-filter';
import { fullyReturned, loadReturnableLines } from './returnable';
import { loadSaleFacts } from './sale-facts';
import { voidBlocker } from './void-rules';

export type { SaleHistoryFilter };

/** Where a document stands with SUNAT, short enough for a list row. */
export interface FiscalBadge {
  status: FiscalStatus;
  statusLabel: string;
  /** SUNAT accepted its baja (Resumen Diario condition 3 or Comunicación de Baja). */
  voidConfirmed: boolean;
}

/** A credit or debit note issued against a sale. `F`: how much of its SUNAT status is shown. */
export interface HistoryNote<F> {
  id: string;
  noteType: NoteDocType;
  /** `BC01-00000001` */
  number: string;
  issuedAt: string;
  reasonCode: string;
  reasonText: string;
  totalCents: number;
  refundMethod: RefundMethod | null;
  refundCents: number;
  restock: boolean;
  fiscal: F | null;
}

export interface SaleVoidView {
  reason: string;
  voidedAt: string;
  userName: string;
  approverName: string | null;
}

export interface SaleHistoryItem {
  id: string;
  number: string;
  docType: DocType;
  issuedAt: string;
  issueDate: string;
  totalCents: number;
  customerName: string | null;
  cashier: string;
  fiscal: FiscalBadge | null;
  void: SaleVoidView | null;
  notes: HistoryNote<FiscalBadge>[];
  /** Sum of its notas de crédito and de débito. */
  creditedCents: number;
  debitedCents: number;
}

export interface SaleHistoryPage {
  items: SaleHistoryItem[];
  /** Sales matching the filter, all pages together. */
  total: number;
}

export interface HistoryLineView extends SaleLineView {
  returnedMilli: number;
  returnableMilli: number;
}

export interface SaleHistoryDetail {
  sale: SaleView;
  lines: HistoryLineView[];
  fiscal: FiscalDocumentView | null;
  /** The void and, once queued, the RC or RA that reports it to SUNAT. */
  void: (SaleVoidView & { report: FiscalDocumentView | null }) | null;
  notes: HistoryNote<FiscalDocumentView>[];
  /** Why "Anular venta" would be refused now (same rule as the void itself), or null. */
  voidBlocker: string | null;
  /** Something is left to return with a nota de crédito. */
  returnable: boolean;
}

export interface SaleHistoryDependencies {
  ctx: CoreContext;
  sales: { byId(saleId: string): SaleView };
  queue: {
    bySale(saleId: string): FiscalDocumentRow | undefined;
    byNote(noteId: string): FiscalDocumentRow | undefined;
  };
  monitor: { document(id: string): FiscalDocumentView };
}

type SalesScope = ExpressionBuilder<Database & { s: Database['sales'] }, 's'>;

/** The sale history screen's reads: a filtered list with SUNAT status, voids and notes; one sale in full. */
export class SaleHistory {
  constructor(private readonly deps: SaleHistoryDependencies) {}

  list(filter: SaleHistoryFilter): SaleHistoryPage {
    const { sql, qb } = this.deps.ctx;
    const matches = (eb: SalesScope) => saleMatches(eb, filter);
    const total = sql.first(
      qb
        .selectFrom('sales as s')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(matches),
    );
    const rows = sql.all(
      qb
        .selectFrom('sales as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .leftJoin('fiscal_documents as d', (join) =>
          join.onRef('d.sale_id', '=', 's.id').on('d.note_id', 'is', null),
        )
        .leftJoin('sale_voids as v', 'v.sale_id', 's.id')
        .leftJoin('users as vu', 'vu.id', 'v.user_id')
        .leftJoin('users as va', 'va.id', 'v.approver_id')
        .select([
          's.id',
          's.doc_type',
          's.serie',
          's.correlativo',
          's.issued_at',
          's.issue_date',
          's.total_cents',
          's.customer_name',
          'u.full_name as cashier',
          'd.status as fiscal_status',
          'd.voided as fiscal_voided',
          'v.reason as void_reason',
          'v.voided_at',
          'vu.full_name as void_user',
          'va.full_name as void_approver',
        ])
        .where(matches)
        .orderBy('s.issued_at', 'desc')
        .orderBy('s.correlativo', 'desc')
        .limit(filter.limit)
        .offset(filter.offset),
    );
    const notes = this.notesOf(rows.map((r) => r.id));
    return {
      total: total?.n ?? 0,
      items: rows.map((row) => {
        const own = notes.get(row.id) ?? [];
        return {
          id: row.id,
          number: documentNumber(row.serie, row.correlativo),
          docType: row.doc_type,
          issuedAt: row.issued_at,
          issueDate: row.issue_date,
          totalCents: row.total_cents,
          customerName: row.customer_name,
          cashier: row.cashier,
          fiscal: row.fiscal_status ? badge(row.fiscal_status, row.fiscal_voided === 1) : null,
          void:
            row.void_reason !== null && row.voided_at !== null
              ? {
                  reason: row.void_reason,
                  voidedAt: row.voided_at,
                  userName: row.void_user ?? '',
                  approverName: row.void_approver,
                }
              : null,
          notes: own,
          creditedCents: sumOf(own, '07'),
          debitedCents: sumOf(own, '08'),
        };
      }),
    };
  }

  detail(saleId: string): SaleHistoryDetail {
    const { ctx, queue, monitor } = this.deps;
    const sale = this.deps.sales.byId(saleId);
    const facts = loadSaleFacts(ctx, saleId);
    const returnable = loadReturnableLines(ctx, saleId);
    const fiscalRow = queue.bySale(saleId);
    const voidRow = ctx.sql.first(
      ctx.qb
        .selectFrom('sale_voids as v')
        .innerJoin('users as u', 'u.id', 'v.user_id')
        .leftJoin('users as a', 'a.id', 'v.approver_id')
        .select(['v.reason', 'v.voided_at', 'u.full_name as user_name', 'a.full_name as approver_name'])
        .where('v.sale_id', '=', saleId),
    );
    const notes = (this.notesOf([saleId]).get(saleId) ?? []).map((note) => {
      const row = queue.byNote(note.id);
      return { ...note, fiscal: row ? monitor.document(row.id) : null };
    });
    return {
      sale,
      lines: sale.lines.map((line) => {
        const own = returnable.find((r) => r.lineNo === line.lineNo);
        return {
          ...line,
          returnedMilli: own?.credited.quantityMilli ?? 0,
          returnableMilli: own?.returnableMilli ?? 0,
        };
      }),
      fiscal: fiscalRow ? monitor.document(fiscalRow.id) : null,
      void: voidRow
        ? {
            reason: voidRow.reason,
            voidedAt: voidRow.voided_at,
            userName: voidRow.user_name,
            approverName: voidRow.approver_name,
            report: fiscalRow?.void_summary_id ? monitor.document(fiscalRow.void_summary_id) : null,
          }
        : null,
      notes,
      voidBlocker: voidBlocker(facts, limaDate(ctx.clock.now())),
      returnable: !facts.voided && facts.fiscalStatus !== 'rejected' && !fullyReturned(returnable),
    };
  }

  /** Notes of these sales, oldest first, with their SUNAT badge. */
  private notesOf(saleIds: readonly string[]): Map<string, HistoryNote<FiscalBadge>[]> {
    const bySale = new Map<string, HistoryNote<FiscalBadge>[]>();
    if (saleIds.length === 0) return bySale;
    const { sql, qb } = this.deps.ctx;
    const rows = sql.all(
      qb
        .selectFrom('notes as n')
        .leftJoin('fiscal_documents as d', 'd.note_id', 'n.id')
        .select([
          'n.id',
          'n.sale_id',
          'n.doc_type',
          'n.serie',
          'n.correlativo',
          'n.issued_at',
          'n.reason_code',
          'n.reason_text',
          'n.total_cents',
          'n.refund_method',
          'n.refund_cents',
          'n.restock',
          'd.status',
          'd.voided',
        ])
        .where('n.sale_id', 'in', saleIds)
        .orderBy('n.issued_at')
        .orderBy('n.serie')
        .orderBy('n.correlativo'),
    );
    for (const row of rows) {
      const list = bySale.get(row.sale_id) ?? [];
      list.push({
        id: row.id,
        noteType: row.doc_type,
        number: documentNumber(row.serie, row.correlativo),
        issuedAt: row.issued_at,
        reasonCode: row.reason_code,
        reasonText: row.reason_text,
        totalCents: row.total_cents,
        refundMethod: row.refund_method,
        refundCents: row.refund_cents,
        restock: row.restock === 1,
        fiscal: row.status ? badge(row.status, row.voided === 1) : null,
      });
      bySale.set(row.sale_id, list);
    }
    return bySale;
  }
}

function saleMatches(eb: SalesScope, filter: SaleHistoryFilter) {
  const conditions = [];
  if (filter.from) conditions.push(eb('s.issue_date', '>=', filter.from));
  if (filter.to) conditions.push(eb('s.issue_date', '<=', filter.to));
  if (filter.docType) conditions.push(eb('s.doc_type', '=', filter.docType));
  const number = parseNumberQuery(filter.number);
  if (number.kind === 'exact') {
    conditions.push(eb('s.serie', '=', number.serie), eb('s.correlativo', '=', number.correlativo));
  } else if (number.kind === 'correlativo') {
    conditions.push(eb('s.correlativo', '=', number.correlativo));
  } else if (number.kind === 'serie') {
    conditions.push(eb('s.serie', '=', number.serie));
  } else if (number.kind === 'nothing') {
    conditions.push(eb.val(0).$castTo<boolean>());
  }
  return eb.and(conditions);
}

function badge(status: FiscalStatus, voidConfirmed: boolean): FiscalBadge {
  return { status, statusLabel: STATUS_LABELS[status], voidConfirmed };
}

function sumOf(notes: readonly HistoryNote<unknown>[], type: NoteDocType): number {
  return notes.filter((n) => n.noteType === type).reduce((total, n) => total + n.totalCents, 0);
}
