import type { Kysely } from 'kysely';
import { appendOnly, runStatements } from './run-statements';

/**
 * Cash sessions of a terminal: opened with a counted float, moved by cash in/out, closed by
 * a count. Sales, notes and voids record the session that was open when they happened, in
 * their own transaction, so each belongs to exactly one. A closed session never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE cash_sessions (
      id TEXT PRIMARY KEY,
      terminal_id TEXT NOT NULL REFERENCES terminal(id),
      number INTEGER NOT NULL CHECK (number > 0),
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL REFERENCES users(id),
      float_cents INTEGER NOT NULL CHECK (float_cents >= 0),
      float_count TEXT NOT NULL,
      closed_at TEXT,
      closed_by TEXT REFERENCES users(id),
      confirmed_by TEXT REFERENCES users(id),
      blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
      close_reason TEXT,
      difference_cents INTEGER,
      report TEXT,
      UNIQUE (terminal_id, number),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND report IS NOT NULL))
    )`,
    `CREATE UNIQUE INDEX cash_sessions_one_open ON cash_sessions(terminal_id) WHERE status = 'open'`,
    `CREATE TRIGGER cash_sessions_frozen BEFORE UPDATE ON cash_sessions WHEN OLD.status = 'closed'
      BEGIN SELECT RAISE(ABORT, 'a closed cash session is frozen'); END`,
    `CREATE TRIGGER cash_sessions_no_delete BEFORE DELETE ON cash_sessions
      BEGIN SELECT RAISE(ABORT, 'cash sessions are never deleted'); END`,
    `CREATE TABLE cash_movements (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES cash_sessions(id),
      kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
      reason TEXT NOT NULL,
      user_id TEXT NOT NULL REFERENCES users(id),
      approver_id TEXT REFERENCES users(id),
      at TEXT NOT NULL
    )`,
    `CREATE INDEX cash_movements_by_session ON cash_movements(session_id)`,
    ...appendOnly('cash_movements'),
    `ALTER TABLE sales ADD COLUMN cash_session_id TEXT REFERENCES cash_sessions(id)`,
    `ALTER TABLE notes ADD COLUMN cash_session_id TEXT REFERENCES cash_sessions(id)`,
    `ALTER TABLE sale_voids ADD COLUMN cash_session_id TEXT REFERENCES cash_sessions(id)`,
    `CREATE INDEX sales_by_cash_session ON sales(cash_session_id)`,
    `CREATE INDEX notes_by_cash_session ON notes(cash_session_id)`,
    `CREATE INDEX sale_voids_by_cash_session ON sale_voids(cash_session_id)`,
  ]);
}
