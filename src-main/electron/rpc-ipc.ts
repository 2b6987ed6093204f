import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { RpcRequest, RpcResponse } from '../api/transport';
import { AppError } from '../shared/errors';
import { isAppUrl, type RendererSource } from './app-origin';
import type { CoreHost } from './core-host';
import { EVENT_CHANNEL, RPC_CHANNEL } from './ipc-channels';

/**
 * Only our window's top frame, showing our own page, may talk to the core (the model is
 * VS Code's validatedIpcMain). A frame that navigated elsewhere, an iframe or any other
 * webContents gets nothing.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  source: RendererSource,
): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(source, frame.url);
}

/** Copies just the fields of a request, so nothing else the page sends reaches the core. */
function toRpcRequest(value: unknown): RpcRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { method, input, session } = value as Record<string, unknown>;
  if (typeof method !== 'string') return null;
  if (session !== undefined && session !== null && typeof session !== 'string') return null;
  return { method, input, session };
}

export interface RpcBridgeOptions {
  core: CoreHost;
  source: RendererSource;
  window: () => BrowserWindow | null;
  log?: (message: string) => void;
}

/** `mostrador:rpc` for calls from the window; core events pushed back on `mostrador:event`. */
export function bridgeCoreToWindow(options: RpcBridgeOptions): void {
  const log = options.log ?? ((message) => console.error(message));
  ipcMain.handle(RPC_CHANNEL, async (event, payload: unknown): Promise<RpcResponse> => {
    if (!isTrustedSender(event, options.window(), options.source)) {
      log(`rpc: refused a call from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      throw new Error('Unauthorized sender');
    }
    const request = toRpcRequest(payload);
    if (!request) {
      const error = new AppError('VALIDATION_FAILED', {
        issues: ['la solicitud no tiene el formato esperado'],
      });
      return { ok: false, error: error.toApiError() };
    }
    return options.core.invoke(request);
  });

  options.core.onEvent((coreEvent) => {
    const window = options.window();
    if (!window || window.isDestroyed()) return;
    // Never push data into a page that is not ours (navigation is denied, but be sure).
    if (!isAppUrl(options.source, window.webContents.getURL())) return;
    window.webContents.send(EVENT_CHANNEL, coreEvent);
  });
}
