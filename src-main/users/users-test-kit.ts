import type { Core } from '../core/core';
import { AppError } from '../shared/errors';

/** The AppError a call failed with; fails the test when it did not fail that way. */
export async function failure(work: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

export interface AuditedEntry {
  entityId: string | null;
  userId: string | null;
  data: Record<string, unknown>;
}

/** Audit entries of one action, oldest first. */
export function audited(core: Core, action: string): AuditedEntry[] {
  const { sql, qb } = core.ctx;
  return sql
    .all(
      qb
        .selectFrom('audit_log')
        .select(['entity_id', 'user_id', 'data'])
        .where('action', '=', action)
        .orderBy('seq'),
    )
    .map((row) => ({
      entityId: row.entity_id,
      userId: row.user_id,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
}

export function userId(core: Core, username: string): string {
  const user = core.ctx.users.credentials(username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}
