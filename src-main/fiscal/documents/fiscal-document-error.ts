/**
 * Why a fiscal document cannot be built from the data given. The message is Spanish (Perú)
 * because it may reach the person at the counter or the owner; `code` is for code.
 */

export type FiscalDocumentErrorCode =
  | 'invalid-ruc'
  | 'invalid-issuer-name'
  | 'invalid-doc-type'
  | 'invalid-series'
  | 'note-series-mismatch'
  | 'invalid-correlativo'
  | 'invalid-date'
  | 'reference-after-note'
  | 'invalid-reason'
  | 'unsupported-reason'
  | 'invalid-reason-description'
  | 'customer-required'
  | 'no-lines'
  | 'too-many-lines'
  | 'duplicate-line'
  | 'invalid-amounts'
  | 'totals-mismatch'
  | 'invalid-summary-id'
  | 'summary-date-mismatch'
  | 'reference-date-after-issue'
  | 'missing-reference'
  | 'unexpected-reference'
  | 'invalid-condition'
  | 'conflicting-conditions'
  | 'boleta-void-in-summary'
  | 'invalid-void-reason'
  | 'invalid-file-name';

export class FiscalDocumentError extends Error {
  readonly code: FiscalDocumentErrorCode;

  constructor(code: FiscalDocumentErrorCode, message: string) {
    super(message);
    this.name = 'FiscalDocumentError';
    this.code = code;
  }
}
