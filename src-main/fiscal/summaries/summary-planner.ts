import type { FiscalStatus } from '../../../db/schema';
import type { Clock } from '../../shared/clock';
import { limaDate, limaTimestamp } from '../../shared/lima-time';
import type { StoreSettings } from '../../settings/store-settings';
import { deadlineLevel } from '../deadlines/deadlines';
import { summaryFileName } from '../documents/file-names';
import type { SummaryCondition, SummaryLine } from '../documents/summary-view';
import type { FiscalDocumentRow, FiscalQueue } from '../queue/fiscal-queue';
import { buildDailySummaryXml } from '../ubl/summary-xml';

/** SUNAT's limit per Resumen Diario (sunat.md §1.7). */
export const MAX_SUMMARY_LINES = 500;

export interface SummaryPlannerDependencies {
  queue: FiscalQueue;
  settings: StoreSettings;
  clock: Clock;
  store: { ruc: string; legalName: string };
  /** The RC line of a boleta or boleta note, from its recorded sale or note. */
  lineFor: (doc: FiscalDocumentRow, condition: SummaryCondition) => SummaryLine;
  /** Signs a summary; null when no certificate is usable (then nothing is summarised yet). */
  sign: (fileName: string, unsignedXml: string) => { xml: string; digestValue: string } | null;
  /** Boletas whose sale was voided and whose void has not been reported yet. */
  voidsToReport: () => FiscalDocumentRow[];
}

/**
 * Builds the Resumen Diario: boletas and their notes waiting to be reported (condition 1) and
 * boletas voided after SUNAT accepted them (condition 3), grouped by issue date, at most 500
 * lines each. A batch goes once its oldest document has waited the configured minutes, or at
 * once when a deadline is near.
 */
export class SummaryPlanner {
  constructor(private readonly deps: SummaryPlannerDependencies) {}

  prepare(): FiscalDocumentRow[] {
    const waiting = this.deps.queue.awaitingSummary().filter((doc) => this.isDue(doc));
    const additions = waiting.map((doc) => ({ doc, condition: 1 as const }));
    const voids = this.deps
      .voidsToReport()
      .filter((doc) => doc.status === 'accepted' || doc.status === 'observed')
      .map((doc) => ({ doc, condition: 3 as const }));
    const created: FiscalDocumentRow[] = [];
    for (const [referenceDate, items] of groupByDate([...additions, ...voids])) {
      for (let start = 0; start < items.length; start += MAX_SUMMARY_LINES) {
        const summary = this.createSummary(referenceDate, items.slice(start, start + MAX_SUMMARY_LINES));
        if (!summary) return created;
        created.push(summary);
      }
    }
    return created;
  }

  /** SUNAT took the RC and gave a ticket: its boletas are now on their way. */
  onSent(summary: FiscalDocumentRow): void {
    const { queue } = this.deps;
    for (const { document, condition } of queue.summaryItems(summary.id)) {
      if (condition === 3 || document.status !== 'pending') continue;
      queue.transition(document.id, { status: 'sent', sent_at: queue.now() }, 'fiscal.document.sent', {
        summary: summary.file_name,
      });
    }
  }

  /** SUNAT decided on an RC: its boletas share the verdict; voided ones are marked voided. */
  onDecided(summary: FiscalDocumentRow): void {
    const { queue } = this.deps;
    const accepted = summary.status === 'accepted' || summary.status === 'observed';
    for (const { document, condition } of queue.summaryItems(summary.id)) {
      if (condition === 3 || summary.doc_type === 'RA') {
        queue.transition(
          document.id,
          accepted
            ? { voided: 1 }
            : {
                void_summary_id: null,
                last_error_code: summary.sunat_code,
                last_error_message: `La baja (${summary.file_name}) fue rechazada: ${summary.sunat_message ?? ''}`,
              },
          accepted ? 'fiscal.document.voided' : 'fiscal.document.void_rejected',
          { summary: summary.file_name },
        );
        continue;
      }
      const status: FiscalStatus = accepted ? summary.status : 'needs_attention';
      queue.transition(
        document.id,
        {
          status,
          sunat_code: summary.sunat_code,
          sunat_message: summary.sunat_message,
          resolved_at: accepted ? queue.now() : null,
          ...(accepted
            ? {}
            : {
                last_error_code: summary.sunat_code,
                last_error_message: `El resumen diario ${summary.file_name} fue rechazado: ${summary.sunat_message ?? ''}`,
              }),
        },
        `fiscal.document.${status}`,
        { summary: summary.file_name },
      );
    }
  }

  private isDue(doc: FiscalDocumentRow): boolean {
    const now = this.deps.clock.now();
    if (doc.issue_date < limaDate(now)) return true;
    if (deadlineLevel(doc.deadline_date, limaDate(now)) !== 'ok') return true;
    const waitedMs = now.getTime() - new Date(doc.issued_at).getTime();
    return waitedMs >= this.deps.settings.get('fiscal.summaryBatchMinutes') * 60_000;
  }

  private createSummary(
    referenceDate: string,
    items: { doc: FiscalDocumentRow; condition: SummaryCondition }[],
  ): FiscalDocumentRow | null {
    const { queue, clock, store } = this.deps;
    const now = clock.now();
    const issueDate = limaDate(now);
    const serie = `RC-${issueDate.replaceAll('-', '')}`;
    return queue.transactionally(() => {
      const correlativo = queue.nextSummaryNumber('RC', serie);
      const id = `${serie}-${correlativo}`;
      const fileName = summaryFileName(store.ruc, id);
      const xml = buildDailySummaryXml({
        store,
        id,
        referenceDate,
        issueDate,
        lines: items.map(({ doc, condition }) => this.deps.lineFor(doc, condition)),
      });
      const signed = this.deps.sign(fileName, xml);
      if (!signed) return null;
      const summary = queue.enqueue(
        {
          docType: 'RC',
          serie,
          correlativo,
          fileName,
          issuedAt: limaTimestamp(now),
          issueDate,
          totalCents: items.reduce((sum, { doc }) => sum + doc.total_cents, 0),
          delivery: 'bill',
          signed,
          observations: [],
          deadlineDate: items.map(({ doc }) => doc.deadline_date).sort()[0] ?? issueDate,
        },
        null,
      );
      queue.addSummaryItems(
        summary.id,
        items.map(({ doc, condition }) => ({ documentId: doc.id, condition })),
      );
      for (const { doc, condition } of items) {
        queue.transition(
          doc.id,
          // The boleta stays "pendiente" until SUNAT has actually taken its summary (see onSent).
          condition === 3 ? { void_summary_id: summary.id } : { summary_id: summary.id },
          condition === 3 ? 'fiscal.document.void_summarised' : 'fiscal.document.summarised',
          { summary: fileName },
        );
      }
      return summary;
    });
  }
}

function groupByDate<T extends { doc: FiscalDocumentRow }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.doc.issue_date) ?? [];
    group.push(item);
    groups.set(item.doc.issue_date, group);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
