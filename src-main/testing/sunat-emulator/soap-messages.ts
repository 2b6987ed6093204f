import type { Element } from '@xmldom/xmldom';
import {
  childElements,
  findPath,
  firstChildElement,
  parseXml,
  trimmedText,
} from '../../fiscal/sunat-client/xml-dom';

/**
 * The emulator's side of the SOAP 1.1 contract in resources/sunat/wsdl. Requests are read by
 * namespace; answers use prefixes other than the client's (`S:`, `ns2:`, `soap-env:` for
 * faults, like SUNAT's JAX-WS and DataPower front ends) so prefix-bound parsing would fail.
 */

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SERVICE = 'http://service.sunat.gob.pe';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

export interface SoapRequest {
  operation: string;
  parameters: ReadonlyMap<string, string>;
  /** Absent when there is no WS-Security UsernameToken. */
  username?: string;
  password?: string;
}

export type SoapRequestParse = { ok: true; request: SoapRequest } | { ok: false; message: string };

export function parseSoapRequest(text: string): SoapRequestParse {
  let root: Element;
  try {
    root = parseXml(text).documentElement as Element;
  } catch (error) {
    return { ok: false, message: `XML mal formado: ${(error as Error).message}` };
  }
  if (root.localName !== 'Envelope' || root.namespaceURI !== SOAP_ENV) {
    return { ok: false, message: 'Se esperaba un sobre SOAP 1.1.' };
  }
  const body = childElements(root, SOAP_ENV, 'Body')[0];
  const operation = body ? firstChildElement(body) : undefined;
  if (!operation || operation.namespaceURI !== SERVICE || !operation.localName) {
    return { ok: false, message: `El cuerpo SOAP debe contener una operación de ${SERVICE}.` };
  }
  const parameters = new Map<string, string>();
  for (let node = operation.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) {
      const element = node as Element;
      parameters.set(element.localName ?? '', (element.textContent ?? '').trim());
    }
  }
  const header = childElements(root, SOAP_ENV, 'Header')[0];
  const token = header ? findPath(header, [WSSE, 'Security'], [WSSE, 'UsernameToken']) : undefined;
  const username = trimmedText(token ? childElements(token, WSSE, 'Username')[0] : undefined);
  const password = token ? (childElements(token, WSSE, 'Password')[0]?.textContent ?? undefined) : undefined;
  return {
    ok: true,
    request: {
      operation: operation.localName,
      parameters,
      ...(username !== undefined ? { username } : {}),
      ...(password !== undefined ? { password } : {}),
    },
  };
}

export function soapResponse(operation: string, inner: string): string {
  return (
    `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="${SOAP_ENV}"><S:Body>` +
    `<ns2:${operation}Response xmlns:ns2="${SERVICE}">${inner}</ns2:${operation}Response>` +
    '</S:Body></S:Envelope>'
  );
}

export function soapFault(faultCode: string, faultString: string, detail?: string): string {
  const detailXml = detail ? `<detail><message>${escapeXml(detail)}</message></detail>` : '';
  return (
    `<?xml version='1.0' encoding='UTF-8'?><soap-env:Envelope xmlns:soap-env="${SOAP_ENV}">` +
    '<soap-env:Header/><soap-env:Body><soap-env:Fault>' +
    `<faultcode>${escapeXml(faultCode)}</faultcode><faultstring>${escapeXml(faultString)}</faultstring>` +
    `${detailXml}</soap-env:Fault></soap-env:Body></soap-env:Envelope>`
  );
}

export function element(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
