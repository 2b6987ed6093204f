/**
 * The core's process entry. Electron main starts it with utilityProcess.fork (messages
 * over `process.parentPort`); tests and tools start the very same file with
 * child_process.fork (messages over `process.send`). Either way it opens the terminal
 * database, says `{ ready: true }`, answers `{ id, request }` with `{ id, response }`
 * and pushes core events as `{ event }`. See core-protocol.ts.
 */
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import type { RpcResponse } from '../api/transport';
import { AppError } from '../shared/errors';
import { createCore, type Core } from './core';
import { isCoreInbound, parseCoreProcessOptions, type CoreInbound, type CoreOutbound } from './core-protocol';

interface ParentChannel {
  send(message: CoreOutbound): void;
  onMessage(handler: (message: unknown) => void): void;
  /** Sends a last message and exits once it has left. */
  sendAndExit(message: CoreOutbound, code: number): void;
}

/** The slice of Electron's ParentPort we use; typed here so the core never imports 'electron'. */
interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function openParentChannel(): ParentChannel | null {
  const parentPort = Reflect.get(process, 'parentPort') as ParentPortLike | null | undefined;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (handler) => parentPort.on('message', (messageEvent) => handler(messageEvent.data)),
      sendAndExit: (message, code) => {
        parentPort.postMessage(message);
        // postMessage has no completion callback; a short grace period lets it reach main.
        setTimeout(() => process.exit(code), 100);
      },
    };
  }
  const send = process.send?.bind(process);
  if (send) {
    return {
      send: (message) => void send(message),
      onMessage: (handler) => process.on('message', handler),
      sendAndExit: (message, code) => void send(message, undefined, {}, () => process.exit(code)),
    };
  }
  return null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function serve(channel: ParentChannel): void {
  let core: Core | null = null;
  let dispatcher: Dispatcher | null = null;
  // Requests that arrive while the database is still opening wait here, in order.
  const early: CoreInbound[] = [];

  function stop(code: number): never {
    try {
      core?.close();
    } catch (error) {
      console.error('core: closing the database failed', error);
    }
    process.exit(code);
  }

  function reply(id: number, response: RpcResponse): void {
    try {
      channel.send({ id, response });
    } catch (error) {
      // A value that cannot cross the boundary must still get an answer.
      console.error(`core: reply ${id} could not be sent`, error);
      channel.send({ id, response: { ok: false, error: new AppError('INTERNAL').toApiError() } });
    }
  }

  function handle(message: CoreInbound): void {
    if ('shutdown' in message) stop(0);
    if (!dispatcher) {
      early.push(message);
      return;
    }
    const { id, request } = message;
    void dispatcher.dispatch(request).then((response) => reply(id, response));
  }

  channel.onMessage((message) => {
    if (isCoreInbound(message)) handle(message);
    else console.error('core: ignored a malformed message from the parent');
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  // A forked Node child loses its parent: nobody is left to answer, so close cleanly.
  process.on('disconnect', () => stop(0));
  process.on('uncaughtException', (error) => {
    console.error('core: uncaught exception', error);
    stop(1);
  });

  const SENDER_INTERVAL_MS = 15_000;
  void (async () => {
    try {
      const options = parseCoreProcessOptions(process.argv, process.env);
      core = await createCore({
        dataDir: options.dataDir,
        demo: options.demo,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
        ...(options.secretKey ? { secretKey: options.secretKey } : {}),
        // The SUNAT queue drains in the background, never in the way of the counter.
        fiscal: { senderIntervalMs: SENDER_INTERVAL_MS, log: (message) => console.error(message) },
        devices: { log: (message) => console.error(message) },
      });
      dispatcher = createDispatcher(core);
      dispatcher.onEvent((event) => channel.send({ event }));
    } catch (error) {
      console.error('core: startup failed', error);
      core?.close();
      channel.sendAndExit({ fatal: errorMessage(error) }, 1);
      return;
    }
    channel.send({ ready: true });
    for (const message of early.splice(0)) handle(message);
  })();
}

const channel = openParentChannel();
if (channel) {
  serve(channel);
} else {
  console.error(
    'core-process talks only over IPC: start it with Electron utilityProcess.fork or Node child_process.fork.',
  );
  process.exit(2);
}
