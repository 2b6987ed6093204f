import type { Handlers } from './handlers';

type ReturnsMethod = Extract<keyof Handlers, `history.${string}` | `returns.${string}`>;

export const returnsHandlers: Pick<Handlers, ReturnsMethod> = {};
