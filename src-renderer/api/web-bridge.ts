import type { MostradorBridge } from '../../src-preload/api';
import type { CoreEvent, RpcResponse } from '../../src-main/api/transport';

const HOST_TOKEN_KEY = 'mostrador.hostToken';

export type TransportFailure = 'unauthorized' | 'network' | 'protocol';

const FAILURE_MESSAGES: Record<TransportFailure, string> = {
  unauthorized:
    'Esta página se abrió sin su clave de acceso. Cierre esta pestaña y abra de nuevo el enlace que muestra ' +
    'el servidor de Mostrador al iniciar (el que termina en #token=…).',
  network:
    'No hay conexión con el servidor de Mostrador. Verifique que siga en ejecución e intente de nuevo.',
  protocol: 'El servidor de Mostrador respondió algo inesperado. Intente de nuevo.',
};

/** A failure of the channel itself (not of the operation): the core never saw the call or we cannot read its answer. */
export class TransportError extends Error {
  constructor(readonly failure: TransportFailure) {
    super(FAILURE_MESSAGES[failure]);
    this.name = 'TransportError';
  }
}

/**
 * The host prints a URL with `#token=…`. The fragment never reaches the server or its logs;
 * we keep the token for this tab only and wipe it from the address bar so it is not
 * shared by a screenshot or a bookmark.
 */
function takeHostToken(): string | null {
  const match = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(HOST_TOKEN_KEY, decodeURIComponent(match[1]));
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(HOST_TOKEN_KEY);
}

/** The loopback web host's twin of the Electron preload: same shape, over HTTP and Server-Sent Events. */
export function createWebBridge(): MostradorBridge {
  const token = takeHostToken();
  return {
    transport: 'web',
    async invoke(request) {
      if (!token) throw new TransportError('unauthorized');
      let response: Response;
      try {
        response = await fetch('/api/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Mostrador-Token': token },
          body: JSON.stringify(request),
        });
      } catch {
        throw new TransportError('network');
      }
      if (response.status === 401 || response.status === 403) throw new TransportError('unauthorized');
      if (!response.ok) throw new TransportError('protocol');
      try {
        return (await response.json()) as RpcResponse;
      } catch {
        throw new TransportError('protocol');
      }
    },
    onEvent(listener) {
      if (!token) return () => {};
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        let event: CoreEvent;
        try {
          event = JSON.parse(message.data) as CoreEvent;
        } catch {
          return;
        }
        listener(event);
      };
      return () => source.close();
    },
  };
}
