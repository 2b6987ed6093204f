/**
 * A tiny XML builder: enough for the UBL documents we emit, with no dependency.
 *
 * Elements are plain data; `serializeXmlDocument` turns them into UTF-8 text with an XML
 * declaration. Text and attribute values are always escaped here, so callers never build
 * markup by concatenation. Characters XML 1.0 cannot represent at all (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) are dropped: not even a character reference is allowed.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

/** A child slot that may be left out (optional parts of a document). */
export type XmlChild = XmlNode | null | undefined | false | readonly XmlChild[];

export type XmlAttributes = Readonly<Record<string, string | number | null | undefined>>;

const NAME_PATTERN = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/** Builds an element; null/undefined attributes and empty child slots are left out. */
export function el(name: string, attributes: XmlAttributes = {}, ...children: XmlChild[]): XmlElement {
  assertName(name);
  const attributeList: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    assertName(key);
    attributeList.push([key, String(value)]);
  }
  return { name, attributes: attributeList, children: flattenChildren(children) };
}

function assertName(name: string): void {
  if (!NAME_PATTERN.test(name)) throw new RangeError(`not a valid XML name: ${name}`);
}

function flattenChildren(children: readonly XmlChild[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) nodes.push(...flattenChildren(child));
    else nodes.push(child as XmlNode);
  }
  return nodes;
}

/**
 * Code points XML 1.0 forbids: C0 controls except tab/LF/CR, lone surrogates, U+FFFE and
 * U+FFFF. The `u` flag makes a valid surrogate pair one code point, so only lone halves match.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

export function escapeText(value: string): string {
  return value
    .replace(FORBIDDEN_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values also escape quotes and whitespace controls, which parsers would normalize to spaces. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const INDENT = '  ';

/**
 * Serializes with one element per line when an element holds only elements; text content is
 * written inline so no whitespace is ever added to a value.
 */
export function serializeXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeElement(root, 0)}\n`;
}

function serializeElement(element: XmlElement, depth: number): string {
  const indent = INDENT.repeat(depth);
  const attributes = element.attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (element.children.length === 0) return `${open}/>`;
  if (element.children.every((child) => typeof child === 'string')) {
    const text = element.children.map((child) => escapeText(child as string)).join('');
    return `${open}>${text}</${element.name}>`;
  }
  const inner = element.children.map((child) =>
    typeof child === 'string'
      ? `${INDENT.repeat(depth + 1)}${escapeText(child)}`
      : serializeElement(child, depth + 1),
  );
  return `${open}>\n${inner.join('\n')}\n${indent}</${element.name}>`;
}
