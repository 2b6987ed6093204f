import type { SeriesDocType } from '../../../db/schema';
import type { StoreSettings } from '../../settings/store-settings';
import { AppError } from '../../shared/errors';
import type { FiscalCredentials } from '../credentials/fiscal-credentials';
import { deadlineDate } from '../deadlines/deadlines';
import { documentFileName } from '../documents/file-names';
import type { FiscalNote, FiscalQueue } from '../queue/fiscal-queue';
import { signUblXml } from '../signing/sign-xml';
import type { DocumentValidator, UblDocumentKind } from './document-validator';

export interface IssueRequest {
  kind: UblDocumentKind;
  docType: SeriesDocType;
  serie: string;
  correlativo: number;
  issuedAt: string;
  issueDate: string;
  totalCents: number;
  saleId?: string;
  noteId?: string;
  /** The unsigned UBL text built from the recorded sale or note. */
  unsignedXml: string;
}

export interface IssuedDocument {
  documentId: string;
  fileName: string;
  status: 'pending' | 'unsigned';
  digestValue: string | null;
  /** SUNAT observations found locally: the document is valid, but the owner should know. */
  observations: FiscalNote[];
}

/**
 * Turns a recorded sale or note into its fiscal document inside the same transaction: sign with
 * the store's certificate, run the XSD and SUNAT's own rules on the signed bytes, and queue it.
 * A document SUNAT would reject throws, so the sale is refused at the counter with the reason.
 * Without a usable certificate the document is queued unsigned and signed as soon as one is
 * installed: the counter keeps selling and the monitor says why nothing is being sent.
 */
export class DocumentIssuer {
  constructor(
    private readonly storeRuc: string,
    private readonly credentials: FiscalCredentials,
    private readonly queue: FiscalQueue,
    private readonly settings: StoreSettings,
    private readonly validator: DocumentValidator,
  ) {}

  issue(request: IssueRequest, userId: string | null): IssuedDocument {
    const fileName = documentFileName(this.storeRuc, request.docType, request.serie, request.correlativo);
    const signed = this.signAndCheck(request.kind, request.docType, fileName, request.unsignedXml);
    const row = this.queue.enqueue(
      {
        docType: request.docType,
        serie: request.serie,
        correlativo: request.correlativo,
        fileName,
        saleId: request.saleId ?? null,
        noteId: request.noteId ?? null,
        issuedAt: request.issuedAt,
        issueDate: request.issueDate,
        totalCents: request.totalCents,
        delivery: this.deliveryOf(request.serie),
        signed: signed && { xml: signed.xml, digestValue: signed.digestValue },
        observations: signed?.observations ?? [],
        deadlineDate: deadlineDate(request.docType, request.serie, request.issueDate, this.deadlineRules()),
      },
      userId,
    );
    return {
      documentId: row.id,
      fileName,
      status: signed ? 'pending' : 'unsigned',
      digestValue: signed?.digestValue ?? null,
      observations: signed?.observations ?? [],
    };
  }

  /**
   * Signs and validates; null when there is no usable certificate. Throws FISCAL_REJECTED when
   * SUNAT's schema or rules would reject the signed document.
   */
  signAndCheck(
    kind: UblDocumentKind,
    docType: SeriesDocType,
    fileName: string,
    unsignedXml: string,
  ): { xml: string; digestValue: string; observations: FiscalNote[] } | null {
    const cert = this.credentials.signingCertificate();
    if (!cert) return null;
    const { signedXml, digestValue } = signUblXml(
      unsignedXml,
      cert,
      this.settings.get('fiscal.signatureAlgorithm'),
    );
    const report = this.validator.validate({ kind, docType, fileName: `${fileName}.xml`, xml: signedXml });
    if (report.rejected) {
      throw new AppError('FISCAL_REJECTED', {
        findings: report.findings
          .filter((f) => f.severity === 'error')
          .map(({ code, message }) => ({ code, message })),
      });
    }
    return {
      xml: signedXml,
      digestValue,
      observations: report.findings.map(({ code, message }) => ({ code, message })),
    };
  }

  private deliveryOf(serie: string): 'bill' | 'summary' {
    // Facturas and their notes always go one by one; boletas as the store chooses.
    if (serie.startsWith('F')) return 'bill';
    return this.settings.get('fiscal.boletaDelivery') === 'summary' ? 'summary' : 'bill';
  }

  private deadlineRules() {
    return {
      boletaDeadlineDays: this.settings.get('fiscal.boletaDeadlineDays'),
      voidDeadlineDays: this.settings.get('fiscal.voidDeadlineDays'),
    };
  }
}
