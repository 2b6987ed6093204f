import type { FiscalNote } from '../queue/fiscal-queue';
import type {
  FaultResult,
  GetStatusCdrResult,
  GetStatusResult,
  SendBillResult,
  SendSummaryResult,
} from '../sunat-client/sunat-results';
import type { CdrInfo } from '../sunat-client/cdr-reader';
import {
  isAlreadyRegistered,
  isSunatTransientFailure,
  isTicketInProcess,
  isTicketProcessed,
  isTicketProcessedWithErrors,
  isTicketUnknown,
  sunatCodeNumber,
} from '../sunat-client/sunat-codes';

/**
 * What the queue does with each SUNAT answer (sunat.md §1.5). Pure, so every branch is
 * table-tested without a network:
 * - `final`: SUNAT decided (accepted, observed, rejected); keep the CDR.
 * - `retry-service`: SUNAT (or the network, or our SOL user) is the problem, not the document:
 *   stop sending for now and back off; the document keeps its place in line.
 * - `attention`: the document itself needs a person (fix and resend the same number).
 * - `fetch-cdr`: SUNAT already has it (1033): ask for its CDR, never resend.
 * - `ticket` / `in-process` / `resend`: the asynchronous summary dance.
 */
export type Decision =
  | {
      kind: 'final';
      status: 'accepted' | 'observed' | 'rejected';
      code: string;
      message: string;
      notes: FiscalNote[];
      cdrZip: Uint8Array | null;
    }
  | { kind: 'retry-service'; code: string | null; message: string }
  | { kind: 'attention'; code: string | null; message: string; cdrZip: Uint8Array | null }
  | { kind: 'fetch-cdr'; code: string; message: string }
  | { kind: 'ticket'; ticket: string }
  | { kind: 'in-process' }
  | { kind: 'resend'; code: string; message: string };

/** SOL user problems: every document would fail the same way until the settings are fixed. */
const CREDENTIAL_CODES: ReadonlySet<number> = new Set([101, 102, 103, 104, 105, 106, 110, 111, 112, 113]);

export function decideBill(result: SendBillResult): Decision {
  switch (result.kind) {
    case 'transport':
      return { kind: 'retry-service', code: null, message: result.message };
    case 'fault':
      return decideFault(result);
    case 'cdr':
      return decideCdr(result.cdr, result.cdrZip);
  }
}

export function decideSummarySend(result: SendSummaryResult): Decision {
  switch (result.kind) {
    case 'transport':
      return { kind: 'retry-service', code: null, message: result.message };
    case 'fault':
      return decideFault(result);
    case 'ticket':
      return { kind: 'ticket', ticket: result.ticket };
  }
}

export function decideStatus(result: GetStatusResult): Decision {
  switch (result.kind) {
    case 'transport':
      return { kind: 'retry-service', code: null, message: result.message };
    case 'fault':
      if (isTicketUnknown(result.code)) {
        return { kind: 'resend', code: result.code, message: result.message };
      }
      return decideFault(result);
    case 'status': {
      const code = result.statusCode;
      if (isTicketInProcess(code)) return { kind: 'in-process' };
      if (isTicketUnknown(code)) return { kind: 'resend', code, message: 'SUNAT no reconoce el ticket.' };
      if ((isTicketProcessed(code) || isTicketProcessedWithErrors(code)) && result.cdr && result.cdrZip) {
        return decideCdr(result.cdr, result.cdrZip);
      }
      return {
        kind: 'attention',
        code,
        message: `SUNAT respondió el estado ${code} sin constancia (CDR).`,
        cdrZip: null,
      };
    }
  }
}

/** After 1033: the consult service answers with the CDR SUNAT already holds. */
export function decideConsult(result: GetStatusCdrResult): Decision {
  switch (result.kind) {
    case 'transport':
      return { kind: 'retry-service', code: null, message: result.message };
    case 'not-configured':
      return {
        kind: 'attention',
        code: '1033',
        message: `SUNAT ya registró este comprobante, pero no hay servicio de consulta configurado para descargar su CDR. ${result.message}`,
        cdrZip: null,
      };
    case 'fault':
      return decideFault(result);
    case 'status':
      if (result.cdr && result.cdrZip) return decideCdr(result.cdr, result.cdrZip);
      return {
        kind: 'attention',
        code: result.statusCode,
        message: result.statusMessage ?? `La consulta del CDR respondió ${result.statusCode} sin constancia.`,
        cdrZip: null,
      };
  }
}

function decideFault(fault: FaultResult): Decision {
  const value = sunatCodeNumber(fault.code);
  if (value === undefined) {
    // "env:Client Internal Error" and friends: SUNAT is failing, not the document.
    return { kind: 'retry-service', code: fault.code || null, message: fault.message };
  }
  if (isSunatTransientFailure(fault.code) || CREDENTIAL_CODES.has(value)) {
    return { kind: 'retry-service', code: fault.code, message: fault.message };
  }
  if (isAlreadyRegistered(fault.code)) return { kind: 'fetch-cdr', code: fault.code, message: fault.message };
  if (value >= 2000 && value < 4000) {
    return {
      kind: 'final',
      status: 'rejected',
      code: fault.code,
      message: fault.message,
      notes: [],
      cdrZip: null,
    };
  }
  return { kind: 'attention', code: fault.code, message: fault.message, cdrZip: null };
}

function decideCdr(cdr: CdrInfo, cdrZip: Uint8Array): Decision {
  const value = sunatCodeNumber(cdr.responseCode);
  const notes = cdr.notes.map((n) => ({ code: n.code, message: n.message }));
  if (value === 0 || (value !== undefined && value >= 4000)) {
    const observed = value !== 0 || notes.length > 0;
    return {
      kind: 'final',
      status: observed ? 'observed' : 'accepted',
      code: cdr.responseCode,
      message: cdr.description,
      notes,
      cdrZip,
    };
  }
  if (value !== undefined && value >= 2000) {
    return {
      kind: 'final',
      status: 'rejected',
      code: cdr.responseCode,
      message: cdr.description,
      notes,
      cdrZip,
    };
  }
  if (value !== undefined && isSunatTransientFailure(cdr.responseCode)) {
    return { kind: 'retry-service', code: cdr.responseCode, message: cdr.description };
  }
  // 0100–1999 in a CDR: not registered; the same document must be fixed and resent.
  return { kind: 'attention', code: cdr.responseCode, message: cdr.description, cdrZip };
}
