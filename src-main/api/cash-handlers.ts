import type { Handlers } from './handlers';

type CashMethod = Extract<keyof Handlers, `cash.${string}`>;

export const cashHandlers: Pick<Handlers, CashMethod> = {};
