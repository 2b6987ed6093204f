import type { Kysely, Selectable } from 'kysely';
import type { Database, FiscalDocType, FiscalDocumentTable, FiscalStatus } from '../../../db/schema';
import type { AuditLog } from '../../audit/audit-log';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { limaTimestamp } from '../../shared/lima-time';
import type { Sql } from '../../storage/sql';
import type { Outbox } from '../../sync/outbox';
import { fiscalStatusPayload } from '../../sync/payloads';

export type FiscalDocumentRow = Selectable<FiscalDocumentTable>;

export interface FiscalNote {
  code: string;
  message: string;
}

export interface NewFiscalDocument {
  docType: FiscalDocType;
  serie: string;
  correlativo: number;
  fileName: string;
  saleId?: string | null;
  noteId?: string | null;
  issuedAt: string;
  issueDate: string;
  totalCents: number;
  delivery: 'bill' | 'summary';
  signed: { xml: string; digestValue: string } | null;
  /** Local validation observations (codes ≥ 4000) found before queuing. */
  observations: FiscalNote[];
  deadlineDate: string;
}

/** Fields a transition may change; everything else about a queued document is fixed. */
export type FiscalPatch = Partial<
  Pick<
    FiscalDocumentRow,
    | 'status'
    | 'attempts'
    | 'next_attempt_at'
    | 'last_error_code'
    | 'last_error_message'
    | 'ticket'
    | 'sunat_code'
    | 'sunat_message'
    | 'observations'
    | 'cdr_zip'
    | 'summary_id'
    | 'void_summary_id'
    | 'voided'
    | 'sent_at'
    | 'resolved_at'
    | 'signed_xml'
    | 'digest_value'
  >
>;

const LIST_COLUMNS = [
  'd.id',
  'd.doc_type',
  'd.serie',
  'd.correlativo',
  'd.file_name',
  'd.sale_id',
  'd.note_id',
  'd.issued_at',
  'd.issue_date',
  'd.total_cents',
  'd.delivery',
  'd.digest_value',
  'd.status',
  'd.attempts',
  'd.next_attempt_at',
  'd.last_error_message',
  'd.ticket',
  'd.sunat_code',
  'd.sunat_message',
  'd.observations',
  'd.voided',
  'd.deadline_date',
] as const;

/** A queued document as screens list it: no XML, no CDR bytes. */
export type FiscalListRow = Pick<
  FiscalDocumentRow,
  | 'id'
  | 'doc_type'
  | 'serie'
  | 'correlativo'
  | 'file_name'
  | 'sale_id'
  | 'note_id'
  | 'issued_at'
  | 'issue_date'
  | 'total_cents'
  | 'delivery'
  | 'digest_value'
  | 'status'
  | 'attempts'
  | 'next_attempt_at'
  | 'last_error_message'
  | 'ticket'
  | 'sunat_code'
  | 'sunat_message'
  | 'observations'
  | 'voided'
  | 'deadline_date'
> & { has_cdr: number | boolean; summary_serie: string | null; summary_correlativo: number | null };

export const FINAL_STATUSES: readonly FiscalStatus[] = ['accepted', 'observed', 'rejected'];

/**
 * The SUNAT queue is the `fiscal_documents` table: every change of a document's state is one
 * transaction that also writes its audit entry, so a restart resumes exactly where it stopped.
 * A change of status or of the voided flag also writes its outbox row in that transaction.
 */
export class FiscalQueue {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly terminalId: string,
  ) {}

  /** Call inside the transaction that creates the sale, note or summary. */
  enqueue(doc: NewFiscalDocument, userId: string | null): FiscalDocumentRow {
    if (!this.sql.sqlite.inTransaction)
      throw new Error('fiscal documents are queued inside their business transaction');
    const id = newId();
    const at = this.now();
    this.sql.run(
      this.qb.insertInto('fiscal_documents').values({
        id,
        doc_type: doc.docType,
        serie: doc.serie,
        correlativo: doc.correlativo,
        file_name: doc.fileName,
        sale_id: doc.saleId ?? null,
        note_id: doc.noteId ?? null,
        issued_at: doc.issuedAt,
        issue_date: doc.issueDate,
        total_cents: doc.totalCents,
        delivery: doc.delivery,
        signed_xml: doc.signed?.xml ?? null,
        digest_value: doc.signed?.digestValue ?? null,
        status: doc.signed ? 'pending' : 'unsigned',
        observations: JSON.stringify(doc.observations),
        deadline_date: doc.deadlineDate,
        attempts: 0,
        next_attempt_at: null,
        last_error_code: null,
        last_error_message: null,
        ticket: null,
        sunat_code: null,
        sunat_message: null,
        cdr_zip: null,
        summary_id: null,
        void_summary_id: null,
        voided: 0,
        created_at: at,
        updated_at: at,
        sent_at: null,
        resolved_at: null,
      }),
    );
    this.audit.append({
      action: 'fiscal.document.queued',
      entityType: 'fiscal_document',
      entityId: id,
      userId,
      data: { fileName: doc.fileName, status: doc.signed ? 'pending' : 'unsigned', delivery: doc.delivery },
    });
    const row = this.byId(id);
    // HQ takes a document it has not heard of as pending; one queued unsigned must say so.
    if (row.status !== 'pending')
      this.outbox.enqueue('fiscal.status.v1', id, fiscalStatusPayload(this.terminalId, row));
    return row;
  }

  byId(id: string): FiscalDocumentRow {
    const row = this.sql.first(this.qb.selectFrom('fiscal_documents').selectAll().where('id', '=', id));
    if (!row) throw new AppError('FISCAL_DOCUMENT_NOT_FOUND');
    return row;
  }

  bySale(saleId: string): FiscalDocumentRow | undefined {
    return this.sql.first(
      this.qb
        .selectFrom('fiscal_documents')
        .selectAll()
        .where('sale_id', '=', saleId)
        .where('note_id', 'is', null),
    );
  }

  byNote(noteId: string): FiscalDocumentRow | undefined {
    return this.sql.first(this.qb.selectFrom('fiscal_documents').selectAll().where('note_id', '=', noteId));
  }

  /** Applies one state change and its audit entry atomically; `action` names what happened. */
  transition(
    id: string,
    patch: FiscalPatch,
    action: string,
    data: Record<string, unknown> = {},
  ): FiscalDocumentRow {
    return this.sql.transaction(() => {
      const before = this.byId(id);
      this.sql.run(
        this.qb
          .updateTable('fiscal_documents')
          .set({ ...patch, updated_at: this.now() })
          .where('id', '=', id),
      );
      const after = this.byId(id);
      if (after.status !== before.status || after.voided !== before.voided) {
        this.outbox.enqueue('fiscal.status.v1', id, fiscalStatusPayload(this.terminalId, after));
      }
      this.audit.append({
        action,
        entityType: 'fiscal_document',
        entityId: id,
        userId: null,
        data: {
          fileName: before.file_name,
          from: before.status,
          to: after.status,
          ...(after.sunat_code ? { sunatCode: after.sunat_code } : {}),
          ...data,
        },
      });
      return after;
    });
  }

  /** Documents sent one by one (and summaries) whose next step is due, in issue order. */
  dueForSending(nowIso: string): FiscalDocumentRow[] {
    return this.sql.all(
      this.qb
        .selectFrom('fiscal_documents')
        .selectAll()
        .where('status', 'in', ['pending', 'sent'])
        .where((eb) => eb.or([eb('delivery', '=', 'bill'), eb('doc_type', 'in', ['RC', 'RA'])]))
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)]))
        .orderBy('issued_at')
        .orderBy('doc_type')
        .orderBy('serie')
        .orderBy('correlativo'),
    );
  }

  unsigned(): FiscalDocumentRow[] {
    return this.sql.all(
      this.qb
        .selectFrom('fiscal_documents')
        .selectAll()
        .where('status', '=', 'unsigned')
        .orderBy('issued_at'),
    );
  }

  /** Boletas (and boleta notes) waiting for a Resumen Diario, oldest first. */
  awaitingSummary(): FiscalDocumentRow[] {
    return this.sql.all(
      this.qb
        .selectFrom('fiscal_documents')
        .selectAll()
        .where('delivery', '=', 'summary')
        .where('status', '=', 'pending')
        .where('summary_id', 'is', null)
        .orderBy('issue_date')
        .orderBy('issued_at')
        .orderBy('serie')
        .orderBy('correlativo'),
    );
  }

  /** Boletas whose sale was voided and whose void is not yet in a Resumen Diario. */
  boletaVoidsToReport(): FiscalDocumentRow[] {
    return this.sql.all(
      this.qb
        .selectFrom('fiscal_documents as d')
        .innerJoin('sale_voids as v', 'v.sale_id', 'd.sale_id')
        .selectAll('d')
        .where('d.doc_type', '=', '03')
        .where('d.voided', '=', 0)
        .where('d.void_summary_id', 'is', null)
        .orderBy('d.issued_at'),
    );
  }

  summaryItems(summaryId: string): { document: FiscalDocumentRow; condition: 1 | 2 | 3 }[] {
    const items = this.sql.all(
      this.qb
        .selectFrom('fiscal_summary_items')
        .select(['document_id', 'condition'])
        .where('summary_id', '=', summaryId)
        .orderBy('line_no'),
    );
    return items.map((item) => ({ document: this.byId(item.document_id), condition: item.condition }));
  }

  /** Next correlativo of an RC/RA for its issue date (`RC-20261123-n`). */
  nextSummaryNumber(docType: 'RC' | 'RA', serie: string): number {
    const row = this.sql.first(
      this.qb
        .selectFrom('fiscal_documents')
        .select((eb) => eb.fn.max('correlativo').as('last'))
        .where('doc_type', '=', docType)
        .where('serie', '=', serie),
    );
    return (row?.last ?? 0) + 1;
  }

  addSummaryItems(summaryId: string, items: { documentId: string; condition: 1 | 2 | 3 }[]): void {
    items.forEach((item, index) => {
      this.sql.run(
        this.qb.insertInto('fiscal_summary_items').values({
          summary_id: summaryId,
          document_id: item.documentId,
          line_no: index + 1,
          condition: item.condition,
        }),
      );
    });
  }

  /**
   * Documents for screens, newest first: every column but the signed XML and the CDR (read only
   * on download), plus the number of the summary that carried each one, in one query.
   */
  list(filter: {
    statuses?: FiscalStatus[];
    serie?: string;
    id?: string;
    limit: number;
    offset: number;
  }): FiscalListRow[] {
    let query = this.qb
      .selectFrom('fiscal_documents as d')
      .leftJoin('fiscal_documents as s', 's.id', 'd.summary_id')
      .select(LIST_COLUMNS)
      .select((eb) => [
        eb('d.cdr_zip', 'is not', null).as('has_cdr'),
        's.serie as summary_serie',
        's.correlativo as summary_correlativo',
      ]);
    if (filter.statuses?.length) query = query.where('d.status', 'in', filter.statuses);
    if (filter.serie) query = query.where('d.serie', '=', filter.serie);
    if (filter.id) query = query.where('d.id', '=', filter.id);
    return this.sql.all(
      query
        .orderBy('d.issued_at', 'desc')
        .orderBy('d.file_name', 'desc')
        .limit(filter.limit)
        .offset(filter.offset),
    );
  }

  countsByStatus(): Record<FiscalStatus, number> {
    const rows = this.sql.all(
      this.qb
        .selectFrom('fiscal_documents')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status'),
    );
    const counts: Record<FiscalStatus, number> = {
      unsigned: 0,
      pending: 0,
      sent: 0,
      accepted: 0,
      observed: 0,
      rejected: 0,
      needs_attention: 0,
    };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /**
   * Deadlines of what SUNAT has not settled, earliest first. A Resumen Diario is left out: the
   * boletas it carries are counted themselves. Only the dates are read (no XML, no CDR).
   */
  unresolvedDeadlines(): string[] {
    return this.sql
      .all(
        this.qb
          .selectFrom('fiscal_documents')
          .select('deadline_date')
          .where('status', 'not in', FINAL_STATUSES)
          .where('doc_type', '!=', 'RC')
          .orderBy('deadline_date'),
      )
      .map((row) => row.deadline_date);
  }

  transactionally<T>(work: () => T): T {
    return this.sql.transaction(work);
  }

  now(): string {
    return limaTimestamp(this.clock.now());
  }
}
