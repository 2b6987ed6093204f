import { AppError } from '../../shared/errors';
import type { FiscalDocumentRow, FiscalQueue } from '../queue/fiscal-queue';
import type { DocumentIssuer } from './document-issuer';
import type { UblDocumentKind } from './document-validator';

/**
 * Documents issued while the store had no usable certificate are signed, validated and released
 * to the queue as soon as one is installed, oldest first.
 */
export class PendingSigner {
  constructor(
    private readonly queue: FiscalQueue,
    private readonly issuer: DocumentIssuer,
    private readonly rebuild: (doc: FiscalDocumentRow) => { kind: UblDocumentKind; xml: string } | null,
  ) {}

  signWaiting(): number {
    let signed = 0;
    for (const doc of this.queue.unsigned()) {
      const unsigned = this.rebuild(doc);
      if (!unsigned || doc.doc_type === 'RC' || doc.doc_type === 'RA') continue;
      try {
        const result = this.issuer.signAndCheck(unsigned.kind, doc.doc_type, doc.file_name, unsigned.xml);
        if (!result) return signed;
        this.queue.transition(
          doc.id,
          {
            status: 'pending',
            signed_xml: result.xml,
            digest_value: result.digestValue,
            observations: JSON.stringify(result.observations),
          },
          'fiscal.document.signed',
        );
        signed += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.queue.transition(
          doc.id,
          { status: 'needs_attention', last_error_code: error.code, last_error_message: error.message },
          'fiscal.document.needs_attention',
          { message: error.message },
        );
      }
    }
    return signed;
  }
}
