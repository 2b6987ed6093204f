/**
 * Namespace declarations on the root element. UBL 2.1 documents (factura, boleta, notes) and
 * SUNAT's UBL 2.0 summaries share the OASIS common namespaces; each root has its own default one.
 */

const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const EXT = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';
const SAC = 'urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1';

export type Ubl21Root = 'Invoice' | 'CreditNote' | 'DebitNote';
export type SunatSummaryRoot = 'SummaryDocuments' | 'VoidedDocuments';

export function ubl21Namespaces(root: Ubl21Root): Record<string, string> {
  return {
    xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
    'xmlns:cac': CAC,
    'xmlns:cbc': CBC,
    'xmlns:ds': DS,
    'xmlns:ext': EXT,
  };
}

export function sunatSummaryNamespaces(root: SunatSummaryRoot): Record<string, string> {
  return {
    xmlns: `urn:sunat:names:specification:ubl:peru:schema:xsd:${root}-1`,
    'xmlns:cac': CAC,
    'xmlns:cbc': CBC,
    'xmlns:ds': DS,
    'xmlns:ext': EXT,
    'xmlns:sac': SAC,
  };
}
