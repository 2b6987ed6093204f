import type { Kysely, Selectable } from 'kysely';
import type { Database, PrintJobKind, PrintJobStatus, PrintJobTable } from '../../../db/schema';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import { limaTimestamp } from '../../shared/lima-time';
import type { Sql } from '../../storage/sql';
import type { PrintJobView } from '../device-views';

export type { PrintJobView };

export type PrintJobRow = Selectable<PrintJobTable>;

export interface NewPrintJob {
  kind: PrintJobKind;
  label: string;
  saleId?: string | null;
  document?: string | null;
  openDrawer?: boolean;
  requestedBy: string | null;
}

export function printJobView(row: PrintJobRow): PrintJobView {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    saleId: row.sale_id,
    status: row.status,
    attempts: row.attempts,
    errorCode: row.last_error_code,
    error: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    printedAt: row.printed_at,
  };
}

/** The print queue table: what is waiting, what failed, what printed. Kept so nothing is forgotten. */
export class PrintQueue {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return limaTimestamp(this.clock.now());
  }

  add(job: NewPrintJob): PrintJobRow {
    const at = this.now();
    const row: PrintJobRow = {
      id: newId(),
      kind: job.kind,
      sale_id: job.saleId ?? null,
      label: job.label,
      document: job.document ?? null,
      open_drawer: job.openDrawer ? 1 : 0,
      status: 'pending',
      attempts: 0,
      last_error_code: null,
      last_error: null,
      requested_by: job.requestedBy,
      created_at: at,
      updated_at: at,
      printed_at: null,
    };
    this.sql.run(this.qb.insertInto('print_jobs').values(row));
    return row;
  }

  byId(id: string): PrintJobRow | undefined {
    return this.sql.first(this.qb.selectFrom('print_jobs').selectAll().where('id', '=', id));
  }

  nextPending(): PrintJobRow | undefined {
    return this.sql.first(
      this.qb
        .selectFrom('print_jobs')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .orderBy('id')
        .limit(1),
    );
  }

  /** The receipt job of a sale (not its copies), newest first. */
  saleJob(saleId: string): PrintJobRow | undefined {
    return this.sql.first(
      this.qb
        .selectFrom('print_jobs')
        .selectAll()
        .where('sale_id', '=', saleId)
        .where('kind', '=', 'sale')
        .orderBy('created_at', 'desc')
        .limit(1),
    );
  }

  /** Failed jobs nobody has reprinted or dismissed yet, newest first. */
  unresolvedFailures(limit = 5): PrintJobRow[] {
    return this.sql.all(
      this.qb
        .selectFrom('print_jobs')
        .selectAll()
        .where('status', '=', 'failed')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit),
    );
  }

  count(status: PrintJobStatus): number {
    const row = this.sql.first(
      this.qb
        .selectFrom('print_jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', status),
    );
    return Number(row?.n ?? 0);
  }

  markPrinting(id: string, attempts: number): void {
    this.update(id, { status: 'printing', attempts });
  }

  markPrinted(id: string): void {
    const at = this.now();
    this.update(id, { status: 'printed', printed_at: at, last_error_code: null, last_error: null });
  }

  /** An attempt failed; the job stays `printing` while retries remain, `failed` after the last. */
  markAttemptFailed(id: string, code: string, message: string, final: boolean): void {
    this.update(id, { status: final ? 'failed' : 'printing', last_error_code: code, last_error: message });
  }

  /** Back in line (a reprint of a receipt that never printed): same job, same label, no "copia". */
  requeue(id: string): void {
    this.update(id, { status: 'pending', attempts: 0 });
  }

  dismiss(id: string): void {
    this.update(id, { status: 'dismissed' });
  }

  /**
   * After a restart, jobs caught mid-print are failures to show, not jobs to print on
   * their own: the customer they were for has most likely left.
   */
  failInterrupted(message: string): number {
    const result = this.sql.run(
      this.qb
        .updateTable('print_jobs')
        .set({
          status: 'failed',
          last_error_code: 'PRINTER_INTERRUPTED',
          last_error: message,
          updated_at: this.now(),
        })
        .where('status', 'in', ['pending', 'printing']),
    );
    return result.changes;
  }

  private update(id: string, values: Partial<PrintJobRow>): void {
    this.sql.run(
      this.qb
        .updateTable('print_jobs')
        .set({ ...values, updated_at: this.now() })
        .where('id', '=', id),
    );
  }
}
