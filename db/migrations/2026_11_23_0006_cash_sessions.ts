import type { Kysely } from 'kysely';

/** Cash sessions (filled in by the cash work). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
