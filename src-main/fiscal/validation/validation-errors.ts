export type FiscalValidationErrorCode =
  /** resources/sunat/rules/*.sef.json missing: the build step did not run. */
  | 'rules-not-compiled'
  /** The rule engine failed for another reason than a rule finding (a bug, not a verdict). */
  | 'rule-engine-failed'
  /** No rule stylesheet for the document type (an invoice must be 01 or 03). */
  | 'unknown-document-type';

/** Failures of the validator itself; rule findings are results, never thrown. */
export class FiscalValidationError extends Error {
  readonly code: FiscalValidationErrorCode;

  constructor(code: FiscalValidationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FiscalValidationError';
    this.code = code;
  }
}

export const COMPILE_RULES_COMMAND = 'node scripts/compile-sunat-rules.mjs';
