import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/**
 * Strict XML parsing and namespace-aware navigation. SUNAT, OSEs and proxies pick their own
 * prefixes (`soap-env:`, `S:`, `ns2:`, a default cbc namespace…), so every lookup is by
 * namespace URI and local name, never by prefix.
 */

export class XmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlParseError';
  }
}

/** Parses or throws `XmlParseError`; xmldom's recoverable errors count as failures too. */
export function parseXml(text: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new XmlParseError(message);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new XmlParseError(error instanceof Error ? error.message : String(error));
  }
  if (!doc.documentElement) throw new XmlParseError('El XML no tiene elemento raíz.');
  return doc;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Text of an XML file as its declaration says: SUNAT's own CDRs are ISO-8859-1, everything we
 * produce is UTF-8. WHATWG's `latin1` decoder is windows-1252, a superset that reads both.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const latin =
    declared !== undefined && /^(iso-8859-1|iso8859-1|latin1|windows-1252|cp1252)$/.test(declared);
  return new TextDecoder(latin ? 'latin1' : 'utf-8').decode(bytes);
}

export function childElements(parent: Element, namespace: string | null, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.localName === localName && (element.namespaceURI ?? null) === namespace) found.push(element);
  }
  return found;
}

export function firstChildElement(parent: Element): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) return node as Element;
  }
  return undefined;
}

/** Follows a path of `[namespace, localName]` steps through first matches. */
export function findPath(
  parent: Element,
  ...steps: readonly (readonly [string | null, string])[]
): Element | undefined {
  let current: Element | undefined = parent;
  for (const [namespace, localName] of steps) {
    if (!current) return undefined;
    current = childElements(current, namespace, localName)[0];
  }
  return current;
}

export function trimmedText(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  return (element.textContent ?? '').trim();
}
