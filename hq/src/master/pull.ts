import { sql, type Kysely } from 'kysely';
import type { MasterChange, PullResponse } from '../../../src-main/sync/protocol';
import type { HqDatabase } from '../db/schema';

export const DEFAULT_PULL_LIMIT = 1_000;

/** A page of changes whose `changes` is still the JSON text PostgreSQL built. */
export interface MasterChangesJson {
  /** A JSON array of MasterChange, oldest first. */
  changesJson: string;
  cursor: number;
  hasMore: boolean;
}

/**
 * The master-data changes a terminal of `storeId` has not seen: products and users (shared by
 * every store) and that store's settings, with change number above `after`, oldest first;
 * a deleted row is a tombstone carrying only its key.
 *
 * One statement (one snapshot). Each branch walks its change_no index and stops after
 * `limit + 1` rows; the merge keeps the first `limit + 1` (the extra row only says "more").
 * The page comes back as one JSON text built by the database: decoding thousands of rows
 * field by field costs far more than the query itself (a 200,000-product catalogue is 40 pages).
 */
export async function readMasterChangesJson(
  db: Kysely<HqDatabase>,
  query: { storeId: string; after: number; limit: number },
): Promise<MasterChangesJson> {
  const { storeId, after, limit } = query;
  const take = limit + 1;
  const result = await sql<{ fetched: number; last: number | null; changes: string }>`
    WITH merged AS (
      (SELECT change_no,
              CASE WHEN deleted
                THEN json_build_object('changeNo', change_no, 'entity', 'product', 'op', 'delete', 'key', id)
                ELSE json_build_object('changeNo', change_no, 'entity', 'product', 'op', 'upsert', 'data',
                  json_build_object('id', id, 'sku', sku, 'name', name, 'brand', brand, 'category', category,
                    'unit', unit, 'priceCents', price_cents, 'igvAffectation', igv_affectation::text,
                    'icbper', icbper, 'plu', plu, 'active', active, 'barcodes', barcodes))
              END AS change
         FROM products WHERE change_no > ${after} ORDER BY change_no LIMIT ${take})
      UNION ALL
      (SELECT change_no,
              CASE WHEN deleted
                THEN json_build_object('changeNo', change_no, 'entity', 'user', 'op', 'delete', 'key', id)
                ELSE json_build_object('changeNo', change_no, 'entity', 'user', 'op', 'upsert', 'data',
                  json_build_object('id', id, 'username', username, 'fullName', full_name, 'role', role,
                    'pinHash', pin_hash, 'active', active))
              END
         FROM users WHERE change_no > ${after} ORDER BY change_no LIMIT ${take})
      UNION ALL
      (SELECT change_no,
              CASE WHEN deleted
                THEN json_build_object('changeNo', change_no, 'entity', 'setting', 'op', 'delete', 'key', key)
                ELSE json_build_object('changeNo', change_no, 'entity', 'setting', 'op', 'upsert', 'data',
                  json_build_object('key', key, 'value', value))
              END
         FROM store_settings WHERE store_id = ${storeId} AND change_no > ${after}
         ORDER BY change_no LIMIT ${take})
      ORDER BY change_no
      LIMIT ${take}
    ),
    page AS (SELECT change_no, change FROM merged ORDER BY change_no LIMIT ${limit})
    SELECT (SELECT count(*) FROM merged) AS fetched,
           (SELECT max(change_no) FROM page) AS last,
           (SELECT coalesce(json_agg(change ORDER BY change_no), '[]'::json)::text FROM page) AS changes`.execute(
    db,
  );
  const row = result.rows[0];
  if (!row) throw new Error('the change query returned no row');
  return { changesJson: row.changes, cursor: row.last ?? after, hasMore: row.fetched > limit };
}

/** The same page, decoded. */
export async function readMasterChanges(
  db: Kysely<HqDatabase>,
  query: { storeId: string; after: number; limit: number },
): Promise<Omit<PullResponse, 'serverTime'>> {
  const page = await readMasterChangesJson(db, query);
  return {
    changes: JSON.parse(page.changesJson) as MasterChange[],
    cursor: page.cursor,
    hasMore: page.hasMore,
  };
}
