import type { Migration, MigrationProvider } from 'kysely';
import * as coreSchema from './2026_11_23_0001_core_schema';
import * as carts from './2026_11_23_0002_carts';
import * as productSearch from './2026_11_23_0003_product_search';
import * as fiscal from './2026_11_23_0004_fiscal';
import * as devices from './2026_11_23_0005_devices';
import * as cashSessions from './2026_11_23_0006_cash_sessions';
import * as people from './2026_11_23_0007_people';
import * as syncState from './2026_11_23_0008_sync_state';
import * as outboxV2 from './2026_11_23_0009_outbox_v2';
import * as searchIndexBulk from './2026_11_23_0010_search_index_bulk';

/**
 * Every migration, in order. A static list (not a folder scan) so the bundled app
 * finds them inside its archive, and a new file cannot be forgotten silently.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_23_0001_core_schema': coreSchema,
  '2026_11_23_0002_carts': carts,
  '2026_11_23_0003_product_search': productSearch,
  '2026_11_23_0004_fiscal': fiscal,
  '2026_11_23_0005_devices': devices,
  '2026_11_23_0006_cash_sessions': cashSessions,
  '2026_11_23_0007_people': people,
  '2026_11_23_0008_sync_state': syncState,
  '2026_11_23_0009_outbox_v2': outboxV2,
  '2026_11_23_0010_search_index_bulk': searchIndexBulk,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) as string;

/** Serves the first `upTo` names (all by default): tests build databases "as of" an older release. */
export function migrationProvider(upTo?: string): MigrationProvider {
  const names = Object.keys(MIGRATIONS)
    .sort()
    .filter((name) => upTo === undefined || name <= upTo);
  return {
    getMigrations: async () => Object.fromEntries(names.map((name) => [name, MIGRATIONS[name] as Migration])),
  };
}
