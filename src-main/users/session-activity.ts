import type { ApiMethod } from '../api/contract';

/**
 * Calls a screen makes on its own (refreshing after a core event, or on a timer), not
 * because someone touched it. They must not keep an unattended session alive: the
 * deadline banner alone asks every five minutes.
 */
const BACKGROUND_METHODS: ReadonlySet<string> = new Set([
  'fiscal.overview',
  'fiscal.documents',
  'fiscal.forSale',
  'devices.status',
  'cart.current',
  'cart.held',
  'sync.status',
  'sync.deadLetters',
] satisfies readonly ApiMethod[]);

/** Whether a request counts as the person being at the screen (for the inactivity lock). */
export function countsAsActivity(method: string): boolean {
  return !BACKGROUND_METHODS.has(method);
}
