import type { Core } from '../core/core';
import { EMPTY_COUNT } from '../cash/denominations';

/** Opens the drawer as the demo supervisor with no float, so tests about other things can sell. */
export function openDrawerForTests(core: Core): void {
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
