import type { CdrInfo } from './cdr-reader';
import type { SunatCodeClass } from './sunat-codes';

/**
 * Every SUNAT answer is a value, never an exception: the caller switches on `kind` and the
 * compiler checks that each case is handled.
 */

/** sendBill answered with a CDR (accepted, observed or rejected: see `classification`). */
export interface CdrResult {
  kind: 'cdr';
  /** The CDR zip exactly as received: store it verbatim. */
  cdrZip: Uint8Array;
  cdr: CdrInfo;
  /** `classifyCdr(cdr)`: code 0 with observation notes is `observed`. */
  classification: SunatCodeClass;
}

/** sendSummary accepted the file for asynchronous processing; persist the ticket before polling. */
export interface TicketResult {
  kind: 'ticket';
  ticket: string;
}

/** `0` processed, `98` in process, `99` processed with errors, `0127` unknown ticket; consult: `0001`… */
export type StatusCode = '0' | '98' | '99' | '0127' | '0001' | '0002' | '0003' | '0011' | (string & {});

/** getStatus (ticket) or getStatusCdr (consult service) answer. */
export interface StatusResult {
  kind: 'status';
  statusCode: StatusCode;
  /** Only the consult service sends one. */
  statusMessage?: string;
  /** Present with `0`/`99` (ticket) and `0001`/`0002` (consult); SUNAT sometimes omits it. */
  cdrZip?: Uint8Array;
  cdr?: CdrInfo;
}

/** A SOAP Fault: SUNAT exceptions (01xx–1xxx) and many rejections arrive this way. */
export interface FaultResult {
  kind: 'fault';
  /** Digits of faultcode, else the first number of faultstring; empty if neither has one. */
  code: string;
  /** faultstring (and detail), Spanish as SUNAT wrote it. */
  message: string;
  /** Raw faultcode, e.g. `soap-env:Client.0109` or `env:Client`. */
  faultCode: string;
  classification: SunatCodeClass;
  httpStatus: number;
}

export type TransportReason =
  | 'refused'
  | 'timeout'
  | 'http-status'
  | 'empty-response'
  | 'tls'
  | 'malformed'
  /** Reset, DNS failure, unreachable host…: anything else below HTTP. */
  | 'network';

/** SUNAT gave no usable answer; nothing is known about the document: retry later. */
export interface TransportFailure {
  kind: 'transport';
  reason: TransportReason;
  httpStatus?: number;
  /** Spanish, ready for the fiscal monitor. */
  message: string;
}

/** getStatusCdr without a consult service URL (SUNAT beta has none). */
export interface NotConfiguredResult {
  kind: 'not-configured';
  message: string;
}

export type SendBillResult = CdrResult | FaultResult | TransportFailure;
export type SendSummaryResult = TicketResult | FaultResult | TransportFailure;
export type GetStatusResult = StatusResult | FaultResult | TransportFailure;
export type GetStatusCdrResult = StatusResult | FaultResult | TransportFailure | NotConfiguredResult;
