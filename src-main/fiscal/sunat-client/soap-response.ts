import type { Element } from '@xmldom/xmldom';
import { SOAP_ENV_NS, SUNAT_SERVICE_NS } from './soap-envelope';
import { childElements, firstChildElement, parseXml, trimmedText, XmlParseError } from './xml-dom';

/** What came back inside a SOAP 1.1 envelope: the operation's response element or a Fault. */
export type SoapReply =
  | { kind: 'response'; element: Element }
  | { kind: 'fault'; faultCode: string; faultString: string; detail?: string };

export class SoapFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SoapFormatError';
  }
}

export function parseSoapReply(text: string): SoapReply {
  let root: Element;
  try {
    root = parseXml(text).documentElement as Element;
  } catch (error) {
    if (error instanceof XmlParseError) throw new SoapFormatError(`La respuesta no es XML: ${error.message}`);
    throw error;
  }
  if (root.localName !== 'Envelope' || root.namespaceURI !== SOAP_ENV_NS) {
    throw new SoapFormatError(`La respuesta no es un sobre SOAP 1.1: ${root.tagName}`);
  }
  const body = childElements(root, SOAP_ENV_NS, 'Body')[0];
  const content = body ? firstChildElement(body) : undefined;
  if (!content) throw new SoapFormatError('El sobre SOAP no tiene contenido en Body.');
  if (content.localName === 'Fault' && content.namespaceURI === SOAP_ENV_NS) {
    // SOAP 1.1 fault children are unqualified; tolerate servers that qualify them.
    const faultChild = (name: string): Element | undefined =>
      childElements(content, null, name)[0] ?? childElements(content, SOAP_ENV_NS, name)[0];
    const detail = trimmedText(faultChild('detail'));
    return {
      kind: 'fault',
      faultCode: trimmedText(faultChild('faultcode')) ?? '',
      faultString: trimmedText(faultChild('faultstring')) ?? '',
      ...(detail ? { detail } : {}),
    };
  }
  return { kind: 'response', element: content };
}

/**
 * The SUNAT code of a fault: the digits of `faultcode` (`soap-env:Client.0109`), else the first
 * number in `faultstring` (`env:Client` + `0111 - No tiene el perfil…`), else empty — as
 * Greenter's `getErrorByCode`, except that only the first number of the text is taken (the
 * text may go on with RUCs and tickets).
 */
export function sunatCodeOfFault(faultCode: string, faultString: string): string {
  const fromCode = faultCode.replace(/\D+/g, '');
  if (fromCode !== '') return fromCode;
  return /\d+/.exec(faultString)?.[0] ?? '';
}

/**
 * A child of the operation response, e.g. `applicationResponse` in `sendBillResponse`. The WSDL
 * leaves them unqualified; some stacks qualify them with the service namespace.
 */
export function responseChild(parent: Element, localName: string): Element | undefined {
  return childElements(parent, null, localName)[0] ?? childElements(parent, SUNAT_SERVICE_NS, localName)[0];
}

export function isResponseOf(element: Element, operation: string): boolean {
  return element.localName === `${operation}Response` && element.namespaceURI === SUNAT_SERVICE_NS;
}
