import type { SettingValue } from '../../settings/store-settings';
import type { SolCredentials } from '../credentials/fiscal-credentials';
import { SUNAT_BETA, SUNAT_PRODUCTION } from '../sunat-client/endpoints';
import { createSunatClient, type SunatClient } from '../sunat-client/sunat-client';

export interface ClientSettings {
  endpoint: SettingValue<'fiscal.endpoint'>;
  sol: SolCredentials | null;
  ruc: string;
  timeoutMs: number;
  ca?: string;
}

/** The URLs of the store's chosen endpoint. */
export function endpointUrls(endpoint: SettingValue<'fiscal.endpoint'>): {
  billServiceUrl: string;
  consultServiceUrl: string | null;
} {
  switch (endpoint.kind) {
    case 'beta':
      return { billServiceUrl: SUNAT_BETA.billServiceUrl, consultServiceUrl: null };
    case 'production':
      return {
        billServiceUrl: SUNAT_PRODUCTION.billServiceUrl,
        consultServiceUrl: SUNAT_PRODUCTION.consultServiceUrl ?? null,
      };
    case 'ose':
      return { billServiceUrl: endpoint.billServiceUrl, consultServiceUrl: endpoint.consultServiceUrl };
  }
}

/** A SOAP client for the current settings, or why there cannot be one yet. */
export function sunatClientFor(settings: ClientSettings): SunatClient | { unavailable: string } {
  if (!settings.sol) {
    return {
      unavailable: 'Falta el usuario SOL (o su clave) para enviar a SUNAT. Configúrelo en Configuración.',
    };
  }
  const urls = endpointUrls(settings.endpoint);
  return createSunatClient({
    billServiceUrl: urls.billServiceUrl,
    ...(urls.consultServiceUrl ? { consultServiceUrl: urls.consultServiceUrl } : {}),
    ruc: settings.ruc,
    solUser: settings.sol.user,
    solPassword: settings.sol.password,
    timeoutMs: settings.timeoutMs,
    ...(settings.ca ? { ca: settings.ca } : {}),
  });
}
