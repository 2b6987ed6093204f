import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { limaDate, limaTimestamp } from '../../shared/lima-time';
import type { StoreSettings } from '../../settings/store-settings';
import { deadlineDate } from '../deadlines/deadlines';
import { summaryFileName } from '../documents/file-names';
import type { FiscalDocumentRow, FiscalQueue } from '../queue/fiscal-queue';
import { buildVoidedXml } from '../ubl/voided-xml';

export interface FacturaVoidsDependencies {
  queue: FiscalQueue;
  settings: StoreSettings;
  clock: Clock;
  store: { ruc: string; legalName: string };
  sign: (fileName: string, unsignedXml: string) => { xml: string; digestValue: string } | null;
}

/**
 * A factura (or factura note) is voided by a Comunicación de Baja (RA). It is queued at once,
 * inside the void's transaction, and the sender holds it until SUNAT has accepted the factura.
 * Boletas are voided through the Resumen Diario instead (condition 3, see SummaryPlanner).
 */
export class FacturaVoids {
  constructor(private readonly deps: FacturaVoidsDependencies) {}

  /** Call inside the void transaction. */
  communicate(document: FiscalDocumentRow, reason: string, userId: string): FiscalDocumentRow {
    const { queue, clock, store, settings } = this.deps;
    if (document.doc_type !== '01' && document.doc_type !== '07' && document.doc_type !== '08') {
      throw new AppError('VOID_NOT_ALLOWED', {
        reason: 'solo las facturas y sus notas se comunican de baja',
      });
    }
    if (!document.serie.startsWith('F')) {
      throw new AppError('VOID_NOT_ALLOWED', { reason: 'las boletas se anulan en el resumen diario' });
    }
    if (document.status === 'rejected') {
      throw new AppError('VOID_NOT_ALLOWED', {
        reason: 'SUNAT rechazó este comprobante: no existe para SUNAT',
      });
    }
    const now = clock.now();
    const issueDate = limaDate(now);
    const serie = `RA-${issueDate.replaceAll('-', '')}`;
    const correlativo = queue.nextSummaryNumber('RA', serie);
    const id = `${serie}-${correlativo}`;
    const fileName = summaryFileName(store.ruc, id);
    const xml = buildVoidedXml({
      store,
      id,
      referenceDate: document.issue_date,
      issueDate,
      lines: [
        { docType: document.doc_type, serie: document.serie, correlativo: document.correlativo, reason },
      ],
    });
    const signed = this.deps.sign(fileName, xml);
    if (!signed) throw new AppError('CERTIFICATE_MISSING');
    const ra = queue.enqueue(
      {
        docType: 'RA',
        serie,
        correlativo,
        fileName,
        issuedAt: limaTimestamp(now),
        issueDate,
        totalCents: document.total_cents,
        delivery: 'bill',
        signed,
        observations: [],
        deadlineDate: deadlineDate('RA', serie, document.issue_date, {
          boletaDeadlineDays: settings.get('fiscal.boletaDeadlineDays'),
          voidDeadlineDays: settings.get('fiscal.voidDeadlineDays'),
        }),
      },
      userId,
    );
    queue.addSummaryItems(ra.id, [{ documentId: document.id, condition: 3 }]);
    queue.transition(document.id, { void_summary_id: ra.id }, 'fiscal.document.void_communicated', {
      summary: fileName,
    });
    return ra;
  }
}
