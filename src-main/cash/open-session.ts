import type { CoreContext } from '../core/context';
import { AppError } from '../shared/errors';

/**
 * The cash session open on this terminal, read inside the caller's transaction: a sale,
 * a refund or a void records it there, so it lands in exactly one session even when it
 * races the close (SQLite runs one write transaction at a time).
 */
export function openCashSessionId(ctx: Pick<CoreContext, 'sql' | 'qb' | 'terminal'>): string | null {
  const row = ctx.sql.first(
    ctx.qb
      .selectFrom('cash_sessions')
      .select('id')
      .where('terminal_id', '=', ctx.terminal.terminalId)
      .where('status', '=', 'open'),
  );
  return row?.id ?? null;
}

export function requireOpenCashSession(ctx: Pick<CoreContext, 'sql' | 'qb' | 'terminal'>): string {
  const id = openCashSessionId(ctx);
  if (!id) throw new AppError('CASH_SESSION_REQUIRED');
  return id;
}
