import type { SunatClient } from '../sunat-client/sunat-client';
import { sunatCodeNumber } from '../sunat-client/sunat-codes';

/**
 * Asks SUNAT for the status of a ticket that cannot exist: the answer proves the endpoint is
 * reachable over verified TLS and says whether the SOL user is accepted, without sending anything.
 */
export async function testSunatConnection(
  client: SunatClient | { unavailable: string },
): Promise<{ ok: boolean; message: string }> {
  if ('unavailable' in client) return { ok: false, message: client.unavailable };
  const result = await client.getStatus('1');
  switch (result.kind) {
    case 'transport':
      return { ok: false, message: `No se pudo conectar: ${result.message}` };
    case 'status':
      return { ok: true, message: 'Conexión correcta: SUNAT respondió con el usuario configurado.' };
    case 'fault': {
      const code = sunatCodeNumber(result.code);
      // 0127 "el ticket no existe" means the credentials passed and the service answered.
      if (code === 127)
        return { ok: true, message: 'Conexión correcta: SUNAT respondió con el usuario configurado.' };
      return { ok: false, message: `SUNAT respondió ${result.code}: ${result.message}` };
    }
  }
}
