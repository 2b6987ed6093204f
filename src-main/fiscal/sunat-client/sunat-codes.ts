import type { CdrInfo } from './cdr-reader';

/**
 * What a SUNAT code means for the document (sunat.md §1.5; Greenter `CdrResponse::isAccepted`):
 * - `0` accepted;
 * - `0100–1999` exception: nothing was registered, fix and resend the *same* document;
 * - `2000–3999` rejected: the number is consumed, issue a new document;
 * - `≥ 4000` observation: accepted with remarks.
 * `unknown` covers what is not a CDR code: empty/non-numeric (a fault without digits such as
 * `env:Client Internal Error`) and `1–99`, which are getStatus/getStatusCdr status codes.
 */
export type SunatCodeClass = 'accepted' | 'observed' | 'exception' | 'rejected' | 'unknown';

/** `'0109'` → 109; undefined unless the code is only digits. */
export function sunatCodeNumber(code: string): number | undefined {
  const trimmed = code.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function classifySunatCode(code: string): SunatCodeClass {
  const value = sunatCodeNumber(code);
  if (value === undefined) return 'unknown';
  if (value === 0) return 'accepted';
  if (value < 100) return 'unknown';
  if (value < 2000) return 'exception';
  if (value < 4000) return 'rejected';
  return 'observed';
}

/** A CDR with code 0 and observation notes is "observed", not plainly accepted. */
export function classifyCdr(cdr: Pick<CdrInfo, 'responseCode' | 'notes'>): SunatCodeClass {
  const byCode = classifySunatCode(cdr.responseCode);
  if (byCode !== 'accepted') return byCode;
  return cdr.notes.some((note) => classifySunatCode(note.code) === 'observed') ? 'observed' : 'accepted';
}

/**
 * SUNAT-side failures: nothing is wrong with the document, resend it later with backoff.
 * 0100/0109/0130/0131/0200 per sunat.md §1.5; 0132–0138 carry the same "El sistema no puede
 * responder su solicitud" text in CatalogoErrores.xml (storage, queue, batch, database).
 */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  100, 109, 130, 131, 132, 133, 134, 135, 136, 137, 138, 200,
]);

export function isSunatTransientFailure(code: string): boolean {
  const value = sunatCodeNumber(code);
  return value !== undefined && TRANSIENT_CODES.has(value);
}

/** 1033: the document is already registered; fetch its CDR with getStatusCdr, never resend it. */
export function isAlreadyRegistered(code: string): boolean {
  return sunatCodeNumber(code) === 1033;
}

/** 0127: SUNAT does not know the ticket (also seen for real tickets polled too early). */
export function isTicketUnknown(code: string): boolean {
  return sunatCodeNumber(code) === 127;
}

/** 98 (sometimes written `0098`): the summary is still being processed, poll again later. */
export function isTicketInProcess(code: string): boolean {
  return sunatCodeNumber(code) === 98;
}

/** getStatus `0`: processed, the content is the CDR of the summary. */
export function isTicketProcessed(code: string): boolean {
  return sunatCodeNumber(code) === 0;
}

/** getStatus `99`: processed with errors, the content is a CDR with the rejection. */
export function isTicketProcessedWithErrors(code: string): boolean {
  return sunatCodeNumber(code) === 99;
}

/** 2334/2335: the XML changed after signing (encoding, pretty-printing, edits). */
export function isAlteredDocument(code: string): boolean {
  const value = sunatCodeNumber(code);
  return value === 2334 || value === 2335;
}

/** billConsultService getStatusCdr codes (openubl xsender `GetStatusResponseType`). */
export type ConsultStatus = 'accepted' | 'rejected' | 'voided' | 'not-found' | 'invalid-request';

export function classifyConsultStatus(statusCode: string): ConsultStatus {
  switch (sunatCodeNumber(statusCode)) {
    case 1:
      return 'accepted';
    case 2:
      return 'rejected';
    case 3:
      return 'voided';
    case 11:
      return 'not-found';
    default:
      return 'invalid-request';
  }
}
