import type { Kysely } from 'kysely';
import type { Database, Role, UserTable } from '../../db/schema';
import type { Sql } from '../storage/sql';

export interface User {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
}

/** A user with the bookkeeping the people screen and the PIN lockout need (never the hash). */
export interface UserAccount extends User {
  failedPinAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function userFromRow(row: Pick<UserTable, 'id' | 'username' | 'full_name' | 'role' | 'active'>): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    active: row.active === 1,
  };
}

const ACCOUNT_COLUMNS = [
  'id',
  'username',
  'full_name',
  'role',
  'active',
  'failed_pin_attempts',
  'locked_until',
  'last_login_at',
  'created_at',
  'updated_at',
] as const;

type AccountRow = Pick<
  UserTable,
  'id' | 'username' | 'full_name' | 'role' | 'active' | 'locked_until' | 'last_login_at' | 'created_at'
> & { failed_pin_attempts: number; updated_at: string };

function accountFromRow(row: AccountRow): UserAccount {
  return {
    ...userFromRow(row),
    failedPinAttempts: row.failed_pin_attempts,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class UserDirectory {
  constructor(
    private readonly sql: Sql,
    private readonly qb: Kysely<Database>,
  ) {}

  byId(id: string): User | undefined {
    const row = this.sql.first(
      this.qb
        .selectFrom('users')
        .select(['id', 'username', 'full_name', 'role', 'active'])
        .where('id', '=', id),
    );
    return row && userFromRow(row);
  }

  account(id: string): UserAccount | undefined {
    const row = this.sql.first(this.qb.selectFrom('users').select(ACCOUNT_COLUMNS).where('id', '=', id));
    return row && accountFromRow(row);
  }

  /** Everyone, active first, by name: the people screen. */
  accounts(): UserAccount[] {
    return this.sql
      .all(
        this.qb
          .selectFrom('users')
          .select(ACCOUNT_COLUMNS)
          .orderBy('active', 'desc')
          .orderBy('full_name')
          .orderBy('username'),
      )
      .map(accountFromRow);
  }

  /** Usernames compare without case (the column is NOCASE). */
  usernameTaken(username: string): boolean {
    return (
      this.sql.first(this.qb.selectFrom('users').select('id').where('username', '=', username.trim())) !==
      undefined
    );
  }

  activeAdministrators(): number {
    const row = this.sql.first(
      this.qb
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'administrador')
        .where('active', '=', 1),
    );
    return Number(row?.n ?? 0);
  }

  /** Inside the transaction that audits the login. */
  recordLogin(id: string, at: string): void {
    this.sql.run(this.qb.updateTable('users').set({ last_login_at: at }).where('id', '=', id));
  }

  /** With the PIN hash: only the authenticator reads it. */
  credentials(username: string): (UserAccount & { pinHash: string }) | undefined {
    const row = this.sql.first(
      this.qb
        .selectFrom('users')
        .select([...ACCOUNT_COLUMNS, 'pin_hash'])
        .where('username', '=', username.trim()),
    );
    return row && { ...accountFromRow(row), pinHash: row.pin_hash };
  }
}
