import type { CoreEvent, RpcRequest, RpcResponse } from '../src-main/api/transport';

/**
 * The one door the preload opens into the page (Electron). The web host's renderer
 * builds the same shape over HTTP, so screens never know which transport they use.
 */
export interface MostradorBridge {
  readonly transport: 'electron' | 'web';
  invoke(request: RpcRequest): Promise<RpcResponse>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

declare global {
  interface Window {
    mostrador?: MostradorBridge;
  }
}
