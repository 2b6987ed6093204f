/**
 * Where the store sends its CPE (sunat.md §1.1). The endpoint is a per-store setting: SUNAT beta
 * for trials, SUNAT production, or an OSE's URL (same WSDL contract, its own CDR).
 */

export type SunatEnvironment = 'beta' | 'production' | 'ose';

export interface SunatEndpoints {
  environment: SunatEnvironment;
  billServiceUrl: string;
  /** getStatusCdr lives on a separate service that SUNAT only runs in production. */
  consultServiceUrl?: string;
}

export const SUNAT_BETA: SunatEndpoints = {
  environment: 'beta',
  billServiceUrl: 'https://e-beta.sunat.gob.pe/ol-ti-itcpfegem-beta/billService',
};

export const SUNAT_PRODUCTION: SunatEndpoints = {
  environment: 'production',
  billServiceUrl: 'https://e-factura.sunat.gob.pe/ol-ti-itcpfegem/billService',
  consultServiceUrl: 'https://e-factura.sunat.gob.pe/ol-it-wsconscpegem/billConsultService',
};

export function oseEndpoints(billServiceUrl: string, consultServiceUrl?: string): SunatEndpoints {
  assertHttpsUrl(billServiceUrl);
  if (consultServiceUrl !== undefined) assertHttpsUrl(consultServiceUrl);
  return {
    environment: 'ose',
    billServiceUrl,
    ...(consultServiceUrl !== undefined ? { consultServiceUrl } : {}),
  };
}

/**
 * Beta accepts any RUC with the public test user: the SOAP username is still RUC + user,
 * e.g. `20000000001MODDATOS` (sunat.md §1.1).
 */
export const SUNAT_BETA_CREDENTIALS = { solUser: 'MODDATOS', solPassword: 'moddatos' } as const;

function assertHttpsUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`not a URL: ${url}`);
  }
  // An OSE carries the store's SOL password: never over plain HTTP.
  if (parsed.protocol !== 'https:') throw new RangeError(`an OSE endpoint must use https: ${url}`);
}
