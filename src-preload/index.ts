/**
 * The preload: runs sandboxed, before the page, and opens exactly one door into it,
 * `window.mostrador` (see api.d.ts). Nothing from Electron or Node crosses otherwise;
 * in particular ipcRenderer itself never does.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent, RpcRequest, RpcResponse } from '../src-main/api/transport';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../src-main/electron/ipc-channels';
import type { MostradorBridge } from './api';

const bridge: MostradorBridge = {
  transport: 'electron',

  async invoke(request: RpcRequest): Promise<RpcResponse> {
    // Copy the three fields: the page must not smuggle anything else across.
    const message: RpcRequest = { method: request.method, input: request.input, session: request.session };
    try {
      return (await ipcRenderer.invoke(RPC_CHANNEL, message)) as RpcResponse;
    } catch {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'No se pudo comunicar con el núcleo de Mostrador. Reinicie la aplicación.',
        },
      };
    }
  },

  onEvent(listener: (event: CoreEvent) => void): () => void {
    // Wrap the listener so the page never sees the IpcRendererEvent (it carries `sender`).
    const relay = (_event: IpcRendererEvent, coreEvent: CoreEvent) => listener(coreEvent);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('mostrador', bridge);
