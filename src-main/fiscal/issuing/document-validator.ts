/** The documents the issuer validates before queuing (UBL 2.1 CPE). */
export type UblDocumentKind = 'invoice' | 'credit-note' | 'debit-note';

export interface ValidationFindingLike {
  code: string;
  message: string;
  severity: 'error' | 'observation';
}

/** What the issuer needs from the validator: synchronous, so it runs inside the sale's transaction. */
export interface DocumentValidator {
  validate(input: {
    kind: UblDocumentKind | 'summary' | 'voided';
    docType: string;
    fileName: string;
    xml: string;
  }): {
    rejected: boolean;
    findings: ValidationFindingLike[];
  };
}
