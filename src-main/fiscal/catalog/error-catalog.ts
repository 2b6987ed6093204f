import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { defaultResourcesDir } from '../../core/resources';

/**
 * SUNAT's error and observation messages (`CatalogoErrores.xml`, the copy SUNAT's rule
 * stylesheets ship with): one Spanish sentence per four-digit code, for rule findings, SOAP
 * fault codes and CDR response codes alike.
 */

/** Where the catalogue sits under the resources folder (shared with the rule stylesheets). */
export const ERROR_CATALOG_PATH = join('sunat', 'xsl', 'commons', 'cpe', 'catalogo', 'CatalogoErrores.xml');

export interface ErrorCatalog {
  /** The message for a code in any usual spelling (`'109'`, `'0109'`, `soap-env:Client.0109`). */
  message(code: string | number): string | undefined;
  readonly size: number;
}

/**
 * `'0109'`, `'109'`, `109`, `'soap-env:Client.109'` → `'0109'`: the one run of digits, as a
 * four-digit code. Undefined without digits, with several runs, or above 9999.
 */
export function normalizeSunatCode(code: string | number): string | undefined {
  const runs = String(code).match(/\d+/g);
  if (runs?.length !== 1) return undefined;
  const value = Number(runs[0]);
  return value <= 9999 ? String(value).padStart(4, '0') : undefined;
}

export function parseErrorCatalog(xml: string): ErrorCatalog {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const messages = new Map<string, string>();
  const errors = doc.getElementsByTagName('error');
  for (let i = 0; i < errors.length; i++) {
    const error = errors.item(i);
    const code = normalizeSunatCode(error?.getAttribute('numero') ?? '');
    const text = error?.textContent?.replace(/\s+/g, ' ').trim();
    if (code && text) messages.set(code, text);
  }
  if (messages.size === 0) throw new Error('CatalogoErrores.xml has no <error numero="…"> entries');
  return {
    size: messages.size,
    message(code) {
      const normalized = normalizeSunatCode(code);
      return normalized === undefined ? undefined : messages.get(normalized);
    },
  };
}

const loaded = new Map<string, ErrorCatalog>();

/** The catalogue under `resourcesDir`, read once per folder. */
export function loadErrorCatalog(resourcesDir: string): ErrorCatalog {
  let catalog = loaded.get(resourcesDir);
  if (!catalog) {
    catalog = parseErrorCatalog(readFileSync(join(resourcesDir, ERROR_CATALOG_PATH), 'utf8'));
    loaded.set(resourcesDir, catalog);
  }
  return catalog;
}

let defaultDir: string | undefined;

/** Points `sunatMessage` at the app's resources (the packaged app's differ from the repository's). */
export function useErrorCatalogFrom(resourcesDir: string): void {
  defaultDir = resourcesDir;
}

/** SUNAT's message for a code, from the repository's resources unless told otherwise. */
export function sunatMessage(code: string | number): string | undefined {
  defaultDir ??= defaultResourcesDir();
  return loadErrorCatalog(defaultDir).message(code);
}
