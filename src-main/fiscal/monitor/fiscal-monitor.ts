import type { FiscalStatus } from '../../../db/schema';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../shared/errors';
import { limaDate } from '../../shared/lima-time';
import type { CertificateStatus, FiscalCredentials } from '../credentials/fiscal-credentials';
import { deadlineLevel } from '../deadlines/deadlines';
import { STATUS_LABELS, type FiscalDocumentView } from '../fiscal-view';
import { FINAL_STATUSES, type FiscalListRow, type FiscalNote, type FiscalQueue } from '../queue/fiscal-queue';
import type { FiscalSender, SenderStatus } from '../sender/fiscal-sender';

export interface DeadlineWarning {
  /** A legal sending deadline, or the certificate every document needs. */
  kind: 'deadline' | 'certificate';
  level: 'due-soon' | 'overdue';
  /** Spanish, ready for the banner. */
  message: string;
  documents: number;
  earliestDeadline: string;
}

export interface FiscalOverview {
  counts: Record<FiscalStatus, number>;
  /** Everything SUNAT has not decided on yet. */
  unresolved: number;
  warnings: DeadlineWarning[];
  sender: SenderStatus;
  certificate: CertificateStatus;
  /** Today's Resumen Diario documents (usually one). */
  todaysSummaries: FiscalDocumentView[];
  /** How each status reads, for filters and legends (one wording, the core's). */
  statusLabels: Record<FiscalStatus, string>;
}

/** The back-office view of the SUNAT queue: what is where, what is late, and the artefacts. */
export class FiscalMonitor {
  constructor(
    private readonly ctx: CoreContext,
    private readonly queue: FiscalQueue,
    private readonly credentials: FiscalCredentials,
    private readonly sender: FiscalSender,
  ) {}

  overview(): FiscalOverview {
    const counts = this.queue.countsByStatus();
    const today = limaDate(this.ctx.clock.now());
    const unresolved = this.queue.unresolvedDeadlines();
    const byLevel = { 'due-soon': [] as string[], overdue: [] as string[] };
    for (const deadline of unresolved) {
      const level = deadlineLevel(deadline, today);
      if (level !== 'ok') byLevel[level].push(deadline);
    }
    const warnings: DeadlineWarning[] = [];
    if (byLevel.overdue.length > 0) {
      warnings.push({
        kind: 'deadline',
        level: 'overdue',
        documents: byLevel.overdue.length,
        earliestDeadline: byLevel.overdue[0] ?? today,
        message: `${plural(byLevel.overdue.length, 'comprobante')} ${byLevel.overdue.length === 1 ? 'pasó' : 'pasaron'} su plazo legal de envío a SUNAT. Revise el monitor fiscal y la conexión.`,
      });
    }
    if (byLevel['due-soon'].length > 0) {
      warnings.push({
        kind: 'deadline',
        level: 'due-soon',
        documents: byLevel['due-soon'].length,
        earliestDeadline: byLevel['due-soon'][0] ?? today,
        message: `${plural(byLevel['due-soon'].length, 'comprobante')} ${byLevel['due-soon'].length === 1 ? 'vence' : 'vencen'} su plazo de envío a SUNAT mañana o hoy.`,
      });
    }
    const certificate = this.credentials.certificateStatus();
    if (certificate.state !== 'ok') {
      // Without a usable certificate sales still complete, but nothing can be signed or sent.
      warnings.unshift({
        kind: 'certificate',
        level: certificate.state === 'expiring' ? 'due-soon' : 'overdue',
        documents: counts.unsigned,
        earliestDeadline: today,
        message:
          certificate.state === 'expiring'
            ? certificate.message
            : `${certificate.message} Los comprobantes quedan sin firmar ni enviar hasta resolverlo.`,
      });
    }
    const serie = `RC-${today.replaceAll('-', '')}`;
    return {
      counts,
      unresolved: unresolved.length,
      warnings,
      sender: this.sender.status(),
      certificate,
      statusLabels: STATUS_LABELS,
      todaysSummaries: this.queue.list({ serie, limit: 20, offset: 0 }).map((d) => this.view(d)),
    };
  }

  list(filter: { statuses?: FiscalStatus[]; limit: number; offset: number }): FiscalDocumentView[] {
    return this.queue.list(filter).map((row) => this.view(row));
  }

  document(id: string): FiscalDocumentView {
    const [row] = this.queue.list({ id, limit: 1, offset: 0 });
    if (!row) throw new AppError('FISCAL_DOCUMENT_NOT_FOUND');
    return this.view(row);
  }

  signedXml(id: string): { fileName: string; xml: string } {
    const row = this.queue.byId(id);
    if (!row.signed_xml) throw new AppError('FISCAL_DOCUMENT_NOT_FOUND');
    return { fileName: `${row.file_name}.xml`, xml: row.signed_xml };
  }

  cdrZip(id: string): { fileName: string; zip: Uint8Array } {
    const row = this.queue.byId(id);
    if (!row.cdr_zip) throw new AppError('FISCAL_DOCUMENT_NOT_FOUND');
    return { fileName: `R-${row.file_name}.zip`, zip: row.cdr_zip };
  }

  /** A person fixed the cause (certificate, SOL user, data): put it back in line. */
  retry(id: string, userId: string): FiscalDocumentView {
    const row = this.queue.byId(id);
    if (FINAL_STATUSES.includes(row.status) || row.status === 'unsigned') {
      throw new AppError('FISCAL_NOT_RETRYABLE', { status: STATUS_LABELS[row.status].toLowerCase() });
    }
    const updated = this.ctx.sql.transaction(() => {
      const next = this.queue.transition(
        id,
        {
          status: row.signed_xml ? 'pending' : 'unsigned',
          next_attempt_at: null,
          ...(row.delivery === 'summary' && row.doc_type !== 'RC' ? { summary_id: null } : {}),
        },
        'fiscal.document.retry_requested',
      );
      this.ctx.audit.append({
        action: 'fiscal.retry',
        entityType: 'fiscal_document',
        entityId: id,
        userId,
        data: { fileName: row.file_name, from: row.status },
      });
      return next;
    });
    return this.document(updated.id);
  }

  private view(row: FiscalListRow): FiscalDocumentView {
    const today = limaDate(this.ctx.clock.now());
    const resolved = FINAL_STATUSES.includes(row.status);
    return {
      id: row.id,
      docType: row.doc_type,
      number:
        row.doc_type === 'RC' || row.doc_type === 'RA'
          ? `${row.serie}-${row.correlativo}`
          : `${row.serie}-${String(row.correlativo).padStart(8, '0')}`,
      fileName: row.file_name,
      issuedAt: row.issued_at,
      issueDate: row.issue_date,
      totalCents: row.total_cents,
      delivery: row.delivery,
      status: row.status,
      statusLabel: STATUS_LABELS[row.status],
      digestValue: row.digest_value,
      sunatCode: row.sunat_code,
      sunatMessage: row.sunat_message,
      observations: JSON.parse(row.observations) as FiscalNote[],
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error_message,
      ticket: row.ticket,
      deadlineDate: row.deadline_date,
      deadlineLevel: resolved ? 'ok' : deadlineLevel(row.deadline_date, today),
      voided: row.voided === 1,
      hasCdr: Boolean(row.has_cdr),
      saleId: row.sale_id,
      noteId: row.note_id,
      summaryNumber:
        row.summary_serie !== null && row.summary_correlativo !== null
          ? `${row.summary_serie}-${row.summary_correlativo}`
          : null,
    };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
