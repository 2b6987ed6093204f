import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { limaTimestamp } from '../shared/lima-time';
import type { Sql } from '../storage/sql';
import type { UserAccount } from './user-directory';

/** Wrong PINs in a row (logins and approvals alike) that lock the user. */
export const MAX_WRONG_PINS = 5;
/** How long the lock lasts; an administrador can lift it earlier. */
export const LOCK_MINUTES = 15;

const MINUTE_MS = 60_000;

/** Whole minutes left of a lock (rounded up), 0 when there is none or it has run out. */
export function lockMinutesLeft(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const left = new Date(lockedUntil).getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / MINUTE_MS) : 0;
}

/** The lock and the count as they stand now: a lock that ran out counts as none, and its count with it. */
export function effectiveLock(
  account: Pick<UserAccount, 'failedPinAttempts' | 'lockedUntil'>,
  now: Date,
): { failedPinAttempts: number; lockedUntil: string | null } {
  if (account.lockedUntil === null)
    return { failedPinAttempts: account.failedPinAttempts, lockedUntil: null };
  return lockMinutesLeft(account.lockedUntil, now) > 0
    ? { failedPinAttempts: account.failedPinAttempts, lockedUntil: account.lockedUntil }
    : { failedPinAttempts: 0, lockedUntil: null };
}

/**
 * Guessing a short PIN must be slow: the fifth wrong PIN in a row locks the user for a
 * while, even for the right PIN. Count and lock live on the user's row, so neither a
 * restart nor a second window resets them.
 */
export class PinLockout {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Minutes the user stays locked (0: not locked). */
  minutesLeft(account: Pick<UserAccount, 'lockedUntil'>): number {
    return lockMinutesLeft(account.lockedUntil, this.clock.now());
  }

  /** Re-reads the row: another request may have locked it while a PIN was being checked. */
  assertUnlocked(userId: string, username: string): void {
    const minutes = this.minutesLeft({ lockedUntil: this.lockedUntil(userId) });
    if (minutes > 0) throw new AppError('USER_LOCKED', { username, minutes });
  }

  /**
   * One more wrong PIN; the fifth in a row locks the user (audited). Call inside the
   * transaction that audits the failed attempt. Returns the lock's minutes when locked.
   */
  wrongPin(userId: string, via: 'login' | 'approval'): number | null {
    const now = this.clock.now();
    const row = this.sql.first(
      this.qb.selectFrom('users').select(['failed_pin_attempts', 'locked_until']).where('id', '=', userId),
    );
    if (!row) return null;
    const current = effectiveLock(
      { failedPinAttempts: row.failed_pin_attempts, lockedUntil: row.locked_until },
      now,
    );
    // Already locked (a concurrent attempt got there first): the lock stands as it is.
    if (current.lockedUntil !== null) return lockMinutesLeft(current.lockedUntil, now);
    const attempts = current.failedPinAttempts + 1;
    const locks = attempts >= MAX_WRONG_PINS;
    const lockedUntil = locks ? limaTimestamp(new Date(now.getTime() + LOCK_MINUTES * MINUTE_MS)) : null;
    this.sql.run(
      this.qb
        .updateTable('users')
        .set({ failed_pin_attempts: attempts, locked_until: lockedUntil })
        .where('id', '=', userId),
    );
    if (!locks) return null;
    this.audit.append({
      action: 'auth.user_locked',
      entityType: 'user',
      entityId: userId,
      userId: null,
      data: { via, attempts, lockedUntil, minutes: LOCK_MINUTES },
    });
    return LOCK_MINUTES;
  }

  /** Back to no wrong PINs and no lock; inside the caller's transaction (which audits why). */
  clear(userId: string): void {
    this.sql.run(
      this.qb
        .updateTable('users')
        .set({ failed_pin_attempts: 0, locked_until: null })
        .where('id', '=', userId),
    );
  }

  private lockedUntil(userId: string): string | null {
    return (
      this.sql.first(this.qb.selectFrom('users').select('locked_until').where('id', '=', userId))
        ?.locked_until ?? null
    );
  }
}
