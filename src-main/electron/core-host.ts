import { utilityProcess, type UtilityProcess } from 'electron';
import type { CoreEvent, CoreEventListener, RpcRequest, RpcResponse } from '../api/transport';
import { isCoreOutbound, type CoreInbound, type CoreOutbound } from '../core/core-protocol';
import type { ApiError } from '../shared/errors';

export interface CoreHostOptions {
  /** out/main/core-process.js */
  modulePath: string;
  args: string[];
  /** Extra environment for the core process only (the sealed-secrets key). */
  env?: Record<string, string>;
  /** How long one call may wait for the core (including a restart) before the window gets an error. */
  requestTimeoutMs?: number;
  /** Called when the core failed to start this many times in a row and we stopped trying. */
  onGiveUp?: (reason: string) => void;
  log?: (message: string) => void;
}

interface Pending {
  resolve(response: RpcResponse): void;
  timer: NodeJS.Timeout;
}

type State = 'starting' | 'ready' | 'failed' | 'stopped';

const MAX_STARTUP_FAILURES = 5;
const STOP_GRACE_MS = 5_000;

function failure(message: string, details?: unknown): RpcResponse {
  const error: ApiError =
    details === undefined ? { code: 'INTERNAL', message } : { code: 'INTERNAL', message, details };
  return { ok: false, error };
}

// The core may have finished a sale before it died, so none of these say "nothing was saved".
const CORE_DIED = failure(
  'El núcleo de Mostrador se detuvo mientras atendía la operación y se está reiniciando. ' +
    'Revise si la operación quedó registrada antes de repetirla.',
);
const CORE_TIMEOUT = failure(
  'El núcleo de Mostrador no respondió a tiempo. Revise si la operación quedó registrada antes de repetirla.',
);
const CORE_STOPPED = failure('Mostrador se está cerrando; no se puede atender la operación.');
const coreFailed = (reason: string) =>
  failure(
    'Mostrador no pudo abrir la base de datos de esta caja. Reinicie la aplicación; si sigue, llame a soporte.',
    {
      reason,
    },
  );

/**
 * Runs the core in an Electron utilityProcess and relays calls to it: request ids, a bounded
 * wait, a restart with backoff when the process dies, and a Spanish error for the window
 * whenever an answer cannot come.
 */
export class CoreHost {
  private child: UtilityProcess | null = null;
  private state: State = 'starting';
  private startupFailures = 0;
  private lastFatal = '';
  private nextId = 1;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly stateWaiters = new Set<() => void>();
  private readonly listeners = new Set<CoreEventListener>();
  private readonly timeoutMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: CoreHostOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.log = options.log ?? ((message) => console.error(message));
  }

  start(): void {
    this.state = 'starting';
    const child = utilityProcess.fork(this.options.modulePath, this.options.args, {
      serviceName: 'mostrador-core',
      stdio: 'inherit',
      ...(this.options.env ? { env: { ...process.env, ...this.options.env } } : {}),
    });
    this.child = child;
    child.on('message', (message: unknown) => {
      if (isCoreOutbound(message)) this.receive(message);
      else this.log('core-host: ignored a malformed message from the core');
    });
    child.once('exit', (code) => this.exited(child, code));
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async invoke(request: RpcRequest): Promise<RpcResponse> {
    const deadline = Date.now() + this.timeoutMs;
    while (this.state === 'starting') {
      if (!(await this.stateChange(deadline - Date.now()))) return CORE_TIMEOUT;
    }
    if (this.state === 'stopped') return CORE_STOPPED;
    if (this.state === 'failed' || !this.child) return coreFailed(this.lastFatal);
    const id = this.nextId++;
    const child = this.child;
    return new Promise<RpcResponse>((resolve) => {
      const timer = setTimeout(
        () => {
          this.pending.delete(id);
          resolve(CORE_TIMEOUT);
        },
        Math.max(0, deadline - Date.now()),
      );
      this.pending.set(id, { resolve, timer });
      this.post(child, { id, request });
    });
  }

  /** Asks the core to close its database and exit; kills it if it does not within a few seconds. */
  async stop(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    this.setState('stopped');
    this.answerAll(CORE_STOPPED);
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.post(child, { shutdown: true });
    const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private post(child: UtilityProcess, message: CoreInbound): void {
    child.postMessage(message);
  }

  private receive(message: CoreOutbound): void {
    if ('ready' in message) {
      this.startupFailures = 0;
      this.setState('ready');
    } else if ('fatal' in message) {
      this.lastFatal = message.fatal;
      this.log(`core-host: the core could not start: ${message.fatal}`);
    } else if ('event' in message) {
      this.emit(message.event);
    } else {
      const pending = this.pending.get(message.id);
      if (!pending) return; // Already answered with a timeout.
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message.response);
    }
  }

  private exited(child: UtilityProcess, code: number): void {
    if (this.child === child) this.child = null;
    if (this.state === 'stopped') return;
    const wasReady = this.state === 'ready';
    this.log(`core-host: the core exited with code ${code}${wasReady ? '' : ' while starting'}`);
    this.answerAll(CORE_DIED);
    if (!wasReady) this.startupFailures += 1;
    if (this.startupFailures >= MAX_STARTUP_FAILURES) {
      this.setState('failed');
      this.options.onGiveUp?.(this.lastFatal || `exit code ${code}`);
      return;
    }
    this.setState('starting');
    // Back off so a core that cannot start does not spin: 0.5 s after a crash, then 1 s, 2 s, 4 s…
    const delay = 500 * 2 ** this.startupFailures;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.state === 'starting') this.start();
    }, delay);
  }

  private answerAll(response: RpcResponse): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve(response);
      this.pending.delete(id);
    }
  }

  private emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private setState(state: State): void {
    this.state = state;
    for (const wake of this.stateWaiters) wake();
    this.stateWaiters.clear();
  }

  /** Resolves true when the state changes, false when `ms` pass first. */
  private stateChange(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.stateWaiters.delete(wake);
        resolve(false);
      }, ms);
      this.stateWaiters.add(wake);
    });
  }
}
