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

export function userFromRow(row: Pick<UserTable, 'id' | 'username' | 'full_name' | 'role' | 'active'>): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    active: row.active === 1,
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

  /** With the PIN hash: only the authenticator reads it. */
  credentials(username: string): (User & { pinHash: string }) | undefined {
    const row = this.sql.first(
      this.qb
        .selectFrom('users')
        .select(['id', 'username', 'full_name', 'role', 'active', 'pin_hash'])
        .where('username', '=', username.trim()),
    );
    return row && { ...userFromRow(row), pinHash: row.pin_hash };
  }
}
