import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import type { HandlerContext, Handlers } from './handlers';

type SyncMethod = Extract<keyof Handlers, `sync.${string}`>;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

export const syncHandlers: Pick<Handlers, SyncMethod> = {
  'sync.status': (_input, context) => context.core.sync.status(),
  'sync.now': (_input, context) => context.core.sync.syncNow(),
  'sync.enrol': (input, context) => context.core.sync.enrol(input, actorOf(context).userId),
  'sync.configure': (input, context) => context.core.sync.configure(input, actorOf(context).userId),
  'sync.deadLetters': (_input, context) => context.core.sync.deadLetters(),
  'sync.retryDead': (input, context) => context.core.sync.retryDead(input.id, actorOf(context).userId),
};
