import type { ApiError } from '../shared/errors';

/** One call across a process boundary (Electron IPC or the web host's HTTP). */
export interface RpcRequest {
  method: string;
  input?: unknown;
  /** Session token from `session.login`; absent for public methods. */
  session?: string | null | undefined;
}

export type RpcResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Pushed from the core to every window: something changed that a screen may show. */
export type CoreEvent =
  | { type: 'cart.changed' }
  | { type: 'sale.completed'; saleId: string; number: string }
  /** `userId`: whose session ended, so only that person's screens go back to the login. */
  | { type: 'session.ended'; reason: 'logout' | 'inactive'; userId: string }
  | { type: 'fiscal.changed' }
  /** Printer queue or a serial device changed state. */
  | { type: 'devices.changed' }
  /** A serial scanner read a code: the counter scans it as if typed by a wedge scanner. */
  | { type: 'scanner.scanned'; code: string }
  /** The sync engine's state changed (pending count, online, last error). */
  | { type: 'sync.changed' };

export type CoreEventListener = (event: CoreEvent) => void;
