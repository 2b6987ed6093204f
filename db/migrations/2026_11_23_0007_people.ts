import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * PIN lockout and the people screen: wrong PINs in a row, the lock they lead to and the
 * last login live on the user's row, so a restart neither forgets a lock nor resets the count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE users ADD COLUMN failed_pin_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_attempts >= 0)`,
    `ALTER TABLE users ADD COLUMN locked_until TEXT`,
    `ALTER TABLE users ADD COLUMN last_login_at TEXT`,
  ]);
}
