import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import { UserAdmin } from '../users/user-admin';
import type { HandlerContext, Handlers } from './handlers';

type UsersMethod = Extract<keyof Handlers, `users.${string}`>;

function actorOf(context: HandlerContext): Actor {
  if (!context.actor) throw new AppError('NOT_AUTHENTICATED');
  return context.actor;
}

/** Stateless over the core's context: cheap to make per call. */
function admin(context: HandlerContext): UserAdmin {
  return new UserAdmin(context.core.ctx);
}

export const usersHandlers: Pick<Handlers, UsersMethod> = {
  'users.list': (_input, context) => admin(context).list(),
  'users.create': (input, context) => admin(context).create(actorOf(context), input),
  'users.update': (input, context) => admin(context).update(actorOf(context), input),
  'users.deactivate': (input, context) => admin(context).deactivate(actorOf(context), input.userId),
  'users.reactivate': (input, context) => admin(context).reactivate(actorOf(context), input.userId),
  'users.resetPin': (input, context) => admin(context).resetPin(actorOf(context), input.userId, input.pin),
  'users.unlock': (input, context) => admin(context).unlock(actorOf(context), input.userId),
  'users.securitySettings': (_input, context) => admin(context).securitySettings(),
  'users.saveSecuritySettings': (input, context) =>
    admin(context).saveSecuritySettings(actorOf(context), input),
};
