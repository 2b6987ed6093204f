import type { Handlers } from './handlers';

type UsersMethod = Extract<keyof Handlers, `users.${string}`>;

export const usersHandlers: Pick<Handlers, UsersMethod> = {};
