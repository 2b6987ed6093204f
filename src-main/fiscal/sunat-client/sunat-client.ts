import type { Element } from '@xmldom/xmldom';
import { CdrReadError, readCdr, type CdrInfo } from './cdr-reader';
import {
  buildSoapEnvelope,
  soapActionOf,
  type OperationParameters,
  type SunatOperation,
  type WsSecurityCredentials,
} from './soap-envelope';
import {
  isResponseOf,
  parseSoapReply,
  responseChild,
  SoapFormatError,
  sunatCodeOfFault,
} from './soap-response';
import { postSoap } from './soap-transport';
import { classifyCdr, classifySunatCode } from './sunat-codes';
import type {
  FaultResult,
  GetStatusCdrResult,
  GetStatusResult,
  SendBillResult,
  SendSummaryResult,
  StatusResult,
  TransportFailure,
} from './sunat-results';
import { decodeXmlBytes, trimmedText } from './xml-dom';
import { CdrZipError, readCdrZip } from './zip';

export interface SunatClientConfig {
  /** billService URL: SUNAT beta/production (see endpoints.ts) or an OSE. */
  billServiceUrl: string;
  /** billConsultService URL (getStatusCdr); SUNAT only has it in production. */
  consultServiceUrl?: string;
  /** The issuer's RUC (11 digits). */
  ruc: string;
  /** SOL secondary user, without the RUC (a pasted `RUC+user` is accepted as is). */
  solUser: string;
  solPassword: string;
  /** Hard deadline per call, connect to last byte. Default 30 s, kept within 100 ms–180 s. */
  timeoutMs?: number;
  /** Extra trusted CA (PEM) on top of the public roots: tests and OSEs with a private CA. */
  ca?: string | Buffer;
}

export interface CdrQuery {
  ruc: string;
  /** `01`, `07`, `08` (SUNAT only answers facturas and their notes). */
  docType: string;
  serie: string;
  /** The number; sent as an integer (the WSDL types it `xsd:int`), so `00000001` works too. */
  correlativo: number | string;
}

export interface SunatClient {
  /** Synchronous CDR for 01, 03, 07, 08. `fileName` is `{name}.zip` (`.zip` added if missing). */
  sendBill(fileName: string, zip: Uint8Array): Promise<SendBillResult>;
  /** Asynchronous RC/RA: answers a ticket to poll with getStatus. */
  sendSummary(fileName: string, zip: Uint8Array): Promise<SendSummaryResult>;
  getStatus(ticket: string): Promise<GetStatusResult>;
  /** CDR of a document already sent (e.g. after 1033), from the consult service. */
  getStatusCdr(query: CdrQuery): Promise<GetStatusCdrResult>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 180_000;

export function createSunatClient(config: SunatClientConfig): SunatClient {
  const billUrl = serviceUrl(config.billServiceUrl);
  const consultUrl = config.consultServiceUrl ? serviceUrl(config.consultServiceUrl) : undefined;
  if (!/^\d{11}$/.test(config.ruc)) throw new RangeError(`RUC must be 11 digits: ${config.ruc}`);
  if (config.solUser.trim() === '' || config.solPassword === '') {
    throw new RangeError('SOL user and password are required');
  }
  const credentials: WsSecurityCredentials = {
    // Username = RUC + SOL user (sunat.md §1.3); users often paste it already joined.
    username: config.solUser.startsWith(config.ruc) ? config.solUser : `${config.ruc}${config.solUser}`,
    password: config.solPassword,
  };
  const timeoutMs = Math.min(
    MAX_TIMEOUT_MS,
    Math.max(MIN_TIMEOUT_MS, Math.round(config.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
  );

  async function call<T>(
    url: URL,
    operation: SunatOperation,
    parameters: OperationParameters,
    extract: (response: Element) => T,
  ): Promise<T | FaultResult | TransportFailure> {
    const outcome = await postSoap({
      url,
      soapAction: soapActionOf(operation),
      body: buildSoapEnvelope(operation, parameters, credentials),
      timeoutMs,
      ...(config.ca !== undefined ? { ca: config.ca } : {}),
    });
    if (!outcome.ok) return { kind: 'transport', reason: outcome.reason, message: outcome.message };

    const { status, body } = outcome;
    const text = decodeXmlBytes(body);
    if (text.trim() === '') {
      // Production answers an unauthenticated request with an empty 200 (sunat.md §1.3):
      // that is a failure, never "sent".
      return status === 200
        ? {
            kind: 'transport',
            reason: 'empty-response',
            httpStatus: status,
            message: 'SUNAT respondió vacío (HTTP 200 sin contenido); el envío no se considera recibido.',
          }
        : httpStatusFailure(status);
    }
    let reply;
    try {
      reply = parseSoapReply(text);
    } catch (error) {
      if (!(error instanceof SoapFormatError)) throw error;
      return status === 200 ? malformed(error.message, status) : httpStatusFailure(status);
    }
    if (reply.kind === 'fault') {
      const code = sunatCodeOfFault(reply.faultCode, reply.faultString);
      const detail = reply.detail && reply.detail !== reply.faultString ? ` - ${reply.detail}` : '';
      return {
        kind: 'fault',
        code,
        message: `${reply.faultString}${detail}`,
        faultCode: reply.faultCode,
        classification: classifySunatCode(code),
        httpStatus: status,
      };
    }
    if (status !== 200) return httpStatusFailure(status);
    if (!isResponseOf(reply.element, operation)) {
      return malformed(`Se esperaba ${operation}Response y llegó ${reply.element.tagName}.`, status);
    }
    try {
      return extract(reply.element);
    } catch (error) {
      if (error instanceof SoapFormatError || error instanceof CdrZipError || error instanceof CdrReadError) {
        return malformed(error.message, status);
      }
      throw error;
    }
  }

  // Methods are async so that invalid arguments reject the promise instead of throwing.
  return {
    async sendBill(fileName, zip) {
      return call(billUrl, 'sendBill', sendParameters(fileName, zip), (response) => {
        const cdrZip = decodeBase64(requiredText(response, 'applicationResponse'));
        const cdr = readCdrFromZip(cdrZip);
        return { kind: 'cdr', cdrZip, cdr, classification: classifyCdr(cdr) } as const;
      });
    },

    async sendSummary(fileName, zip) {
      return call(billUrl, 'sendSummary', sendParameters(fileName, zip), (response) => ({
        kind: 'ticket' as const,
        ticket: requiredText(response, 'ticket'),
      }));
    },

    async getStatus(ticket) {
      if (ticket.trim() === '') throw new RangeError('ticket is empty');
      return call(billUrl, 'getStatus', [['ticket', ticket.trim()]], (response) =>
        statusOf(response, 'status'),
      );
    },

    async getStatusCdr(query) {
      if (!consultUrl) {
        return {
          kind: 'not-configured',
          message: 'No hay servicio de consulta de CDR configurado para este entorno.',
        };
      }
      return call(consultUrl, 'getStatusCdr', consultParameters(query), (response) =>
        statusOf(response, 'statusCdr'),
      );
    },
  };
}

function serviceUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`not a URL: ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`SUNAT service URL must be http(s): ${text}`);
  }
  return url;
}

function sendParameters(fileName: string, zip: Uint8Array): OperationParameters {
  const name = fileName.trim();
  if (name === '' || /[\\/]/.test(name)) throw new RangeError(`invalid zip file name: ${fileName}`);
  return [
    ['fileName', /\.zip$/i.test(name) ? name : `${name}.zip`],
    ['contentFile', Buffer.from(zip).toString('base64')],
  ];
}

function consultParameters(query: CdrQuery): OperationParameters {
  const number = String(query.correlativo).trim();
  if (!/^\d{1,8}$/.test(number) || Number(number) === 0) {
    throw new RangeError(`correlativo must be 1 to 8 digits: ${query.correlativo}`);
  }
  return [
    ['rucComprobante', query.ruc],
    ['tipoComprobante', query.docType],
    ['serieComprobante', query.serie],
    ['numeroComprobante', String(Number(number))],
  ];
}

function statusOf(response: Element, wrapper: 'status' | 'statusCdr'): StatusResult {
  const status = responseChild(response, wrapper);
  if (!status) throw new SoapFormatError(`La respuesta no contiene ${wrapper}.`);
  const statusCode = trimmedText(responseChild(status, 'statusCode'));
  if (!statusCode) throw new SoapFormatError('La respuesta no contiene statusCode.');
  const statusMessage = trimmedText(responseChild(status, 'statusMessage'));
  const content = trimmedText(responseChild(status, 'content'));
  const result: StatusResult = { kind: 'status', statusCode };
  if (statusMessage) result.statusMessage = statusMessage;
  if (content) {
    result.cdrZip = decodeBase64(content);
    result.cdr = readCdrFromZip(result.cdrZip);
  }
  return result;
}

function requiredText(response: Element, name: string): string {
  const text = trimmedText(responseChild(response, name));
  if (!text) throw new SoapFormatError(`La respuesta de SUNAT no contiene ${name}.`);
  return text;
}

function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new SoapFormatError('El contenido de la respuesta no es base64 válido.');
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function readCdrFromZip(zip: Uint8Array): CdrInfo {
  return readCdr(readCdrZip(zip).xmlBytes);
}

function malformed(detail: string, httpStatus: number): TransportFailure {
  return {
    kind: 'transport',
    reason: 'malformed',
    httpStatus,
    message: `Respuesta de SUNAT ilegible: ${detail}`,
  };
}

function httpStatusFailure(status: number): TransportFailure {
  return {
    kind: 'transport',
    reason: 'http-status',
    httpStatus: status,
    message: `SUNAT respondió HTTP ${status} sin una respuesta SOAP (servicio con problemas).`,
  };
}
