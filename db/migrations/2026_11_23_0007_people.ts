import type { Kysely } from 'kysely';

/** PIN lockout and user management (filled in by the people work). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
