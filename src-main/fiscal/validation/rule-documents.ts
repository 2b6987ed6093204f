import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SaxonJS, { type SaxonNode } from 'saxon-js';

/**
 * The SUNAT catalogues the rule stylesheets read with document('../cpe/catalogo/cat_NN.xml'),
 * parsed once and handed to every transformation (SaxonJS `documentPool`, keyed by absolute
 * URI); SaxonJS would otherwise read and parse five or more of them per document. Only a
 * cache: a catalogue left out is read from disk as before. cat_25 (SUNAT product codes,
 * 2.9 MB, read only for cac:CommodityClassification) is left out on purpose.
 */
const POOLED_CATALOGUES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '13',
  '16',
  '18',
  '19',
  '20',
  '22',
  '26',
  '27',
  '51',
  '52',
  '53',
  '54',
  '55',
  '59',
] as const;

export function catalogueDir(resourcesDir: string): string {
  return join(resourcesDir, 'sunat', 'xsl', 'commons', 'cpe', 'catalogo');
}

export function loadCatalogueDocuments(resourcesDir: string): Record<string, SaxonNode> {
  const pool: Record<string, SaxonNode> = {};
  for (const id of POOLED_CATALOGUES) {
    const path = join(catalogueDir(resourcesDir), `cat_${id}.xml`);
    if (!existsSync(path)) continue;
    const doc = SaxonJS.XPath.evaluate('parse-xml($text)', null, {
      params: { text: readFileSync(path, 'utf8') },
    });
    pool[pathToFileURL(path).href] = doc as SaxonNode;
  }
  return pool;
}
