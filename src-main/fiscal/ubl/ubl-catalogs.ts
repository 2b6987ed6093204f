/** Attribute values SUNAT's rules expect on coded elements (observations 4251–4257 otherwise). */

export const SUNAT_AGENCY = 'PE:SUNAT';
export const UNECE_AGENCY = 'United Nations Economic Commission for Europe';

export function catalogUri(catalog: string): string {
  return `urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo${catalog}`;
}
