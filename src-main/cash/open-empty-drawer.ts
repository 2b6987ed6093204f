import type { Core } from '../core/core';
import { EMPTY_COUNT } from './denominations';

/**
 * Opens the drawer as the demo supervisor with no float: for tests, benchmarks and the web
 * host's `openCashSession` option, never for a real store (which opens by counting).
 */
export function openEmptyDrawer(core: Core): void {
  if (core.cash.openId()) return;
  const supervisor = core.ctx.users.credentials('supervisor');
  if (!supervisor) throw new Error('demo supervisor missing');
  core.cash.open(
    {
      userId: supervisor.id,
      username: supervisor.username,
      fullName: supervisor.fullName,
      role: supervisor.role,
    },
    null,
    EMPTY_COUNT,
  );
}
