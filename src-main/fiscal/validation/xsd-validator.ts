import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Libxml2Module from 'libxml2-wasm';
import type { XmlDocument, XmlLibError, XsdValidator } from 'libxml2-wasm';

/**
 * XSD validation in process with libxml2 compiled to WebAssembly (the store's PC has no
 * xmllint). Each schema is parsed and compiled once, on first use, and kept until dispose().
 * libxml2 resolves `xsd:include`/`xsd:import` through a process-wide input provider; ours only
 * opens files under the schema folders it was given, so documents cannot reach other files.
 */

export type SchemaKind = 'invoice' | 'credit-note' | 'debit-note' | 'summary' | 'voided';

/** Main schema of each kind, under `resources/sunat/xsd`. */
export const SCHEMA_FILES: Readonly<Record<SchemaKind, string>> = {
  invoice: '2.1/maindoc/UBL-Invoice-2.1.xsd',
  'credit-note': '2.1/maindoc/UBL-CreditNote-2.1.xsd',
  'debit-note': '2.1/maindoc/UBL-DebitNote-2.1.xsd',
  summary: '2.0/maindoc/UBLPE-SummaryDocuments-1.0.xsd',
  voided: '2.0/maindoc/UBLPE-VoidedDocuments-1.0.xsd',
};

export interface XsdIssue {
  line: number;
  message: string;
}

export interface XsdResult {
  valid: boolean;
  /** False when the text is not even XML; `errors` then holds the parser's complaints. */
  wellFormed: boolean;
  errors: XsdIssue[];
}

type Libxml2 = typeof Libxml2Module;

/** libxml2 severities: 1 warning, 2 error, 3 fatal. */
const LIBXML_ERROR = 2;

const allowedRoots = new Set<string>();
const openFiles = new Map<number, number>();
let nextHandle = 1;
let providerRegistered = false;

function schemaPath(name: string): string | undefined {
  let path: string;
  try {
    path = name.startsWith('file:') ? fileURLToPath(name) : resolve(name);
  } catch {
    return undefined;
  }
  for (const root of allowedRoots) if (path.startsWith(root + sep)) return path;
  return undefined;
}

function registerSchemaProvider(lib: Libxml2, root: string): void {
  allowedRoots.add(resolve(root));
  if (providerRegistered) return;
  // Handles are ours, not fds: libxml2 treats 0 as "not opened".
  providerRegistered = lib.xmlRegisterInputProvider({
    match: (name) => {
      const path = schemaPath(name);
      return path !== undefined && existsSync(path);
    },
    open: (name) => {
      const path = schemaPath(name);
      if (path === undefined) return undefined;
      const handle = nextHandle++;
      openFiles.set(handle, openSync(path, 'r'));
      return handle;
    },
    read: (handle, buffer) => {
      const fd = openFiles.get(handle);
      return fd === undefined ? -1 : readSync(fd, buffer, 0, buffer.byteLength, null);
    },
    close: (handle) => {
      const fd = openFiles.get(handle);
      openFiles.delete(handle);
      if (fd !== undefined) closeSync(fd);
      return true;
    },
  });
  if (!providerRegistered) throw new Error('libxml2-wasm refused the schema input provider');
}

interface CompiledSchema {
  /** libxml2 keeps pointers into the schema document: both live and die together. */
  document: XmlDocument;
  validator: XsdValidator;
}

function issuesOf(error: XmlLibError): XsdIssue[] {
  const serious = error.details.filter((detail) => detail.level >= LIBXML_ERROR);
  const chosen = serious.length > 0 ? serious : error.details;
  if (chosen.length === 0) return [{ line: 0, message: error.message.trim() }];
  return chosen.map((detail) => ({ line: detail.line, message: detail.message.trim() }));
}

export class XsdValidators {
  private readonly compiled = new Map<SchemaKind, CompiledSchema>();
  private disposed = false;

  private constructor(
    private readonly lib: Libxml2,
    private readonly xsdDir: string,
  ) {}

  /** Loads the wasm module (asynchronous once); validation itself is synchronous. */
  static async create(resourcesDir: string): Promise<XsdValidators> {
    const lib = await import('libxml2-wasm');
    const xsdDir = resolve(resourcesDir, 'sunat', 'xsd');
    registerSchemaProvider(lib, xsdDir);
    return new XsdValidators(lib, xsdDir);
  }

  validate(kind: SchemaKind, xml: string): XsdResult {
    const schema = this.schema(kind);
    let doc: XmlDocument;
    try {
      // A JS string is Unicode whatever its declaration says (SUNAT's own samples say ISO-8859-1).
      doc = this.lib.XmlDocument.fromString(xml, { encoding: 'utf-8' });
    } catch (error) {
      if (error instanceof this.lib.XmlLibError) {
        return { valid: false, wellFormed: false, errors: issuesOf(error) };
      }
      throw error;
    }
    try {
      schema.validator.validate(doc);
      return { valid: true, wellFormed: true, errors: [] };
    } catch (error) {
      if (error instanceof this.lib.XmlValidateError) {
        return { valid: false, wellFormed: true, errors: issuesOf(error) };
      }
      throw error;
    } finally {
      doc.dispose();
    }
  }

  /** Kinds whose schema is compiled and held, in compilation order. */
  loadedSchemas(): SchemaKind[] {
    return [...this.compiled.keys()];
  }

  /** Frees every compiled schema's wasm memory. */
  dispose(): void {
    this.disposed = true;
    for (const { validator, document } of this.compiled.values()) {
      validator.dispose();
      document.dispose();
    }
    this.compiled.clear();
  }

  private schema(kind: SchemaKind): CompiledSchema {
    if (this.disposed) throw new Error('XsdValidators used after dispose()');
    let schema = this.compiled.get(kind);
    if (!schema) {
      const path = join(this.xsdDir, SCHEMA_FILES[kind]);
      // The URL is the base libxml2 resolves the schema's includes against.
      const document = this.lib.XmlDocument.fromBuffer(readFileSync(path), { url: pathToFileURL(path).href });
      try {
        schema = { document, validator: this.lib.XsdValidator.fromDoc(document) };
      } catch (error) {
        document.dispose();
        throw error;
      }
      this.compiled.set(kind, schema);
    }
    return schema;
  }
}
