/**
 * SOAP 1.1 request envelopes for SUNAT's billService / billConsultService, written by hand from
 * the bundled WSDLs (resources/sunat/wsdl): document/literal, operation element in
 * `http://service.sunat.gob.pe`, its parameters unqualified (the types schema has no
 * elementFormDefault), and a WS-Security UsernameToken with a plain-text password and no
 * nonce — what SUNAT accepts (sunat.md §1.3).
 */

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SUNAT_SERVICE_NS = 'http://service.sunat.gob.pe';
export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const PASSWORD_TEXT =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

export type SunatOperation = 'sendBill' | 'sendSummary' | 'getStatus' | 'getStatusCdr';

/** soapAction of each operation in the WSDL bindings (`urn:sendBill`, …). */
export function soapActionOf(operation: SunatOperation): string {
  return `urn:${operation}`;
}

export interface WsSecurityCredentials {
  /** RUC followed by the SOL user, e.g. `20123456789MODDATOS`. */
  username: string;
  password: string;
}

export type OperationParameters = readonly (readonly [name: string, value: string])[];

export function buildSoapEnvelope(
  operation: SunatOperation,
  parameters: OperationParameters,
  credentials: WsSecurityCredentials,
): string {
  const body = parameters.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NS}" xmlns:ser="${SUNAT_SERVICE_NS}" xmlns:wsse="${WSSE_NS}">` +
    '<soapenv:Header><wsse:Security><wsse:UsernameToken>' +
    `<wsse:Username>${escapeXml(credentials.username)}</wsse:Username>` +
    `<wsse:Password Type="${PASSWORD_TEXT}">${escapeXml(credentials.password)}</wsse:Password>` +
    '</wsse:UsernameToken></wsse:Security></soapenv:Header>' +
    `<soapenv:Body><ser:${operation}>${body}</ser:${operation}></soapenv:Body>` +
    '</soapenv:Envelope>'
  );
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
