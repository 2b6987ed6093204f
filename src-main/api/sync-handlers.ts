import { AppError } from '../shared/errors';
import { isSyncError } from '../sync/sync-module';
import type { Actor } from '../users/authenticator';
import type { HandlerContext, Handlers } from './handlers';

type SyncMethod = Extract<keyof Handlers, `sync.${string}`>;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

/** The engine's own failures carry a Spanish message; they leave the core as SYNC_FAILED, not INTERNAL. */
async function asAppError<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isSyncError(error)) throw new AppError('SYNC_FAILED', { code: error.code, message: error.message });
    throw error;
  }
}

export const syncHandlers: Pick<Handlers, SyncMethod> = {
  'sync.status': (_input, context) => context.core.sync.status(),
  'sync.now': (_input, context) => context.core.sync.syncNow(),
  'sync.enrol': (input, context) => asAppError(() => context.core.sync.enrol(input, actorOf(context).userId)),
  'sync.configure': (input, context) => context.core.sync.configure(input, actorOf(context).userId),
  'sync.deadLetters': (_input, context) => context.core.sync.deadLetters(),
  'sync.retryDead': (input, context) =>
    asAppError(() => context.core.sync.retryDead(input.id, actorOf(context).userId)),
};
