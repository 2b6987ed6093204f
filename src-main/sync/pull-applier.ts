import type BetterSqlite3 from 'better-sqlite3';
import { withBulkSearchIndex } from '../catalog/search-index';
import { z } from 'zod';
import type { ProductTable } from '../../db/schema';
import type { AuditLog } from '../audit/audit-log';
import { canonicalPlu } from '../catalog/product';
import {
  SETTING_DEFAULTS,
  SETTING_SCHEMAS,
  type SettingKey,
  type StoreSettings,
} from '../settings/store-settings';
import type { Clock } from '../shared/clock';
import { limaTimestamp } from '../shared/lima-time';
import type { Sql } from '../storage/sql';
import { SyncError, type RawChange, type RawPullResponse } from './hq-client';
import type { ProductRecord, SettingRecord, UserRecord } from './protocol';
import type { SyncStateStore } from './sync-state';

// What each entity must carry before it touches a row. HQ is trusted to send the right
// things, not to never have a bug: a record that does not fit fails its whole page.
const productRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    sku: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    brand: z.string().nullable(),
    category: z.string().nullable(),
    unit: z.enum(['NIU', 'KGM']),
    priceCents: z.number().int().nonnegative(),
    igvAffectation: z.enum(['10', '20', '30']),
    icbper: z.boolean(),
    plu: z.string().trim().min(1).max(20).nullable(),
    active: z.boolean(),
    barcodes: z.array(z.string().trim().min(1).max(64)).max(100),
  })
  .refine(
    (p) => !p.icbper || p.unit === 'NIU',
    'ICBPER solo aplica a productos por unidad',
  ) satisfies z.ZodType<ProductRecord>;

const userRecordSchema = z.object({
  id: z.string().min(1).max(64),
  username: z.string().trim().min(1).max(30),
  fullName: z.string().trim().min(1).max(80),
  role: z.enum(['cajero', 'supervisor', 'administrador']),
  pinHash: z
    .string()
    .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'hash de PIN no reconocido'),
  active: z.boolean(),
}) satisfies z.ZodType<UserRecord>;

const settingRecordSchema = z.object({
  key: z.string().min(1).max(100),
  value: z.unknown(),
}) satisfies z.ZodType<SettingRecord>;

const tombstoneKey = z.string().min(1).max(100);

export interface PageCounts {
  products: { upserted: number; deactivated: number; skuConflicts: number };
  users: { upserted: number; deactivated: number; renamed: number };
  settings: { applied: number; reset: number; ignored: number; ignoredKeys: string[] };
  /** Entity kinds this version does not know, tombstones of rows it never had, changes already applied. */
  ignored: number;
}

export interface AppliedPage {
  cursorFrom: number;
  cursorTo: number;
  changes: number;
  counts: PageCounts;
}

type Statement = BetterSqlite3.Statement<unknown[]>;

/** The products columns master data sets (never seq, id or created_at). */
const PRODUCT_COLUMNS = [
  'sku',
  'name',
  'brand',
  'category',
  'unit',
  'price_cents',
  'igv_affectation',
  'icbper',
  'plu',
  'active',
] as const satisfies readonly (keyof ProductTable)[];
type ProductColumns = Pick<ProductTable, (typeof PRODUCT_COLUMNS)[number]>;

/** Keys listed in the audit entry; the count says how many there were in all. */
const MAX_IGNORED_KEYS_LISTED = 20;

/**
 * Applies one page of headquarters' master data (products, barcodes, prices, users,
 * settings) in ONE transaction that also stores the new cursor: after a crash the page is
 * either all there with its cursor, or not at all and asked again.
 *
 * What it never does: edit a sale (sale lines carry their own prices, so repricing is just
 * `products.price_cents`), delete a product (sales, stock and carts point at it: a
 * tombstone deactivates it and frees its barcodes), touch a user's lockout counters, or
 * write a setting this version does not know (device settings are the terminal's own).
 */
export class PullApplier {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly settings: StoreSettings,
    private readonly state: SyncStateStore,
  ) {}

  apply(after: number, page: RawPullResponse): AppliedPage {
    if (page.cursor < after) throw malformed(`el cursor retrocedió de ${after} a ${page.cursor}`);
    const tooNew = page.changes.find((c) => c.changeNo > page.cursor);
    if (tooNew) throw malformed(`el cambio ${tooNew.changeNo} es posterior al cursor ${page.cursor}`);
    const at = limaTimestamp(this.clock.now());
    return this.sql.transaction(() => {
      // Two pages applied out of order would skip changes: the page must start where we are.
      const stored = this.state.pullCursor();
      if (stored !== after) throw malformed(`la página empieza en ${after} pero esta caja va en ${stored}`);
      const counts: PageCounts = {
        products: { upserted: 0, deactivated: 0, skuConflicts: 0 },
        users: { upserted: 0, deactivated: 0, renamed: 0 },
        settings: { applied: 0, reset: 0, ignored: 0, ignoredKeys: [] },
        ignored: 0,
      };
      // HQ sends each product once per page (its current state), so new rows can be indexed in one go.
      withBulkSearchIndex(this.sql, () => {
        for (const change of page.changes) {
          // Already applied in an earlier page: replaying an older version would undo a newer one.
          if (change.changeNo <= after) counts.ignored += 1;
          else this.applyChange(change, at, counts);
        }
      });
      if (page.cursor !== after) this.state.setPullCursor(page.cursor);
      if (page.changes.length > 0) {
        this.audit.append({
          action: 'sync.master_data_applied',
          entityType: 'sync',
          userId: null,
          data: { cursorFrom: after, cursorTo: page.cursor, changes: page.changes.length, ...counts },
        });
      }
      return { cursorFrom: after, cursorTo: page.cursor, changes: page.changes.length, counts };
    });
  }

  private applyChange(change: RawChange, at: string, counts: PageCounts): void {
    const entity = change.entity;
    if (entity !== 'product' && entity !== 'user' && entity !== 'setting') {
      counts.ignored += 1;
      return;
    }
    if (change.op === 'delete') {
      const key = parse(tombstoneKey, change.key, change);
      if (entity === 'product') this.deactivateProduct(key, at, counts);
      else if (entity === 'user') this.deactivateUser(key, at, counts);
      else this.resetSetting(key, counts);
      return;
    }
    if (entity === 'product') this.upsertProduct(parse(productRecordSchema, change.data, change), at, counts);
    else if (entity === 'user') this.upsertUser(parse(userRecordSchema, change.data, change), at, counts);
    else this.upsertSetting(parse(settingRecordSchema, change.data, change), counts);
  }

  private upsertProduct(product: ProductRecord, at: string, counts: PageCounts): void {
    const plu = product.plu === null ? null : canonicalPlu(product.plu);
    const row: ProductColumns = {
      sku: product.sku,
      name: product.name,
      brand: product.brand,
      category: product.category,
      unit: product.unit,
      price_cents: product.priceCents,
      igv_affectation: product.igvAffectation,
      icbper: product.icbper ? 1 : 0,
      plu,
      active: product.active ? 1 : 0,
    };
    const existing = this.stmt(`SELECT ${PRODUCT_COLUMNS.join(', ')} FROM products WHERE id = ?`).get(
      product.id,
    ) as ProductColumns | undefined;
    if (!existing || existing.sku !== row.sku) this.claimSku(product, at, counts);
    if (plu !== null && existing?.plu !== plu) {
      this.stmt('UPDATE products SET plu = NULL WHERE plu = ? AND id <> ?').run(plu, product.id);
    }
    if (!existing) {
      this.stmt(
        `INSERT INTO products (id, ${PRODUCT_COLUMNS.join(', ')}, created_at, updated_at)
         VALUES (?, ${PRODUCT_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
      ).run(product.id, ...PRODUCT_COLUMNS.map((c) => row[c]), at, at);
    } else {
      // Only what changed: a repricing writes one column, and the search index (kept by a
      // trigger on name, brand and sku) is rewritten only when those change.
      const changed = PRODUCT_COLUMNS.filter((c) => existing[c] !== row[c]);
      if (changed.length > 0) {
        this.stmt(
          `UPDATE products SET ${changed.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
        ).run(...changed.map((c) => row[c]), at, product.id);
      }
    }
    this.replaceBarcodes(product, existing !== undefined, at);
    counts.products.upserted += 1;
  }

  /**
   * HQ's product wins its SKU: a local product holding it under another id (made before the
   * terminal was enrolled) is retired under a renamed SKU; its sales keep their own copy.
   */
  private claimSku(product: ProductRecord, at: string, counts: PageCounts): void {
    const holder = this.stmt('SELECT id FROM products WHERE sku = ? AND id <> ?').get(
      product.sku,
      product.id,
    ) as { id: string } | undefined;
    if (!holder) return;
    const renamed = this.freeName('products', 'sku', product.sku, holder.id);
    this.stmt('UPDATE products SET sku = ?, active = 0, updated_at = ? WHERE id = ?').run(
      renamed,
      at,
      holder.id,
    );
    this.stmt('DELETE FROM product_barcodes WHERE product_id = ?').run(holder.id);
    counts.products.skuConflicts += 1;
  }

  /** The barcode list is replaced; a barcode HQ moved here from another product follows it. */
  private replaceBarcodes(product: ProductRecord, existed: boolean, at: string): void {
    const wanted = [...new Set(product.barcodes)];
    if (existed) {
      const current = (
        this.stmt('SELECT barcode FROM product_barcodes WHERE product_id = ?').all(product.id) as {
          barcode: string;
        }[]
      ).map((r) => r.barcode);
      if (current.length === wanted.length && current.every((b) => wanted.includes(b))) return;
      this.stmt('DELETE FROM product_barcodes WHERE product_id = ?').run(product.id);
    }
    const takeOver = this.stmt(
      `INSERT INTO product_barcodes (barcode, product_id, created_at) VALUES (?, ?, ?)
       ON CONFLICT(barcode) DO UPDATE SET product_id = excluded.product_id, created_at = excluded.created_at`,
    );
    for (const barcode of wanted) takeOver.run(barcode, product.id, at);
  }

  private deactivateProduct(id: string, at: string, counts: PageCounts): void {
    const changed = this.stmt('UPDATE products SET active = 0, updated_at = ? WHERE id = ?').run(
      at,
      id,
    ).changes;
    if (changed === 0) {
      counts.ignored += 1;
      return;
    }
    // The row stays (sales point at it); freed barcodes can be given to another product.
    this.stmt('DELETE FROM product_barcodes WHERE product_id = ?').run(id);
    counts.products.deactivated += 1;
  }

  private upsertUser(user: UserRecord, at: string, counts: PageCounts): void {
    // Usernames are unique (case-insensitive): a local user under HQ's username but another id
    // steps aside, deactivated and renamed, so HQ's person can log in with that name.
    const holders = this.stmt('SELECT id, username FROM users WHERE username = ? AND id <> ?').all(
      user.username,
      user.id,
    ) as { id: string; username: string }[];
    for (const holder of holders) {
      const renamed = this.freeName('users', 'username', holder.username, holder.id);
      this.stmt('UPDATE users SET username = ?, active = 0, updated_at = ? WHERE id = ?').run(
        renamed,
        at,
        holder.id,
      );
      counts.users.renamed += 1;
    }
    // Lockout counters (failed_pin_attempts, locked_until) and last login are this terminal's.
    this.stmt(
      `INSERT INTO users (id, username, full_name, role, pin_hash, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET username = excluded.username, full_name = excluded.full_name,
         role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active, updated_at = excluded.updated_at`,
    ).run(user.id, user.username, user.fullName, user.role, user.pinHash, user.active ? 1 : 0, at, at);
    counts.users.upserted += 1;
  }

  private deactivateUser(id: string, at: string, counts: PageCounts): void {
    const changed = this.stmt('UPDATE users SET active = 0, updated_at = ? WHERE id = ?').run(at, id).changes;
    if (changed === 0) counts.ignored += 1;
    else counts.users.deactivated += 1;
  }

  private upsertSetting(setting: SettingRecord, counts: PageCounts): void {
    if (!isSettingKey(setting.key) || !SETTING_SCHEMAS[setting.key].safeParse(setting.value).success) {
      this.ignoreSetting(setting.key, counts);
      return;
    }
    // Through StoreSettings, so its read cache forgets the old value.
    this.settings.set(setting.key, setting.value, null);
    counts.settings.applied += 1;
  }

  /** A deleted setting goes back to the default this version ships with. */
  private resetSetting(key: string, counts: PageCounts): void {
    if (!isSettingKey(key)) {
      this.ignoreSetting(key, counts);
      return;
    }
    this.settings.set(key, SETTING_DEFAULTS[key], null);
    counts.settings.reset += 1;
  }

  private ignoreSetting(key: string, counts: PageCounts): void {
    counts.settings.ignored += 1;
    if (
      counts.settings.ignoredKeys.length < MAX_IGNORED_KEYS_LISTED &&
      !counts.settings.ignoredKeys.includes(key)
    )
      counts.settings.ignoredKeys.push(key);
  }

  /** `name~abc123` (from the holder's id), made unique if that is taken too. */
  private freeName(
    table: 'products' | 'users',
    column: 'sku' | 'username',
    name: string,
    holderId: string,
  ): string {
    const suffix = holderId
      .replace(/[^0-9a-zA-Z]/g, '')
      .slice(-6)
      .toLowerCase();
    const taken = this.stmt(`SELECT 1 FROM ${table} WHERE ${column} = ?`);
    for (let n = 0; ; n++) {
      const candidate = `${name}~${suffix}${n === 0 ? '' : `-${n}`}`;
      if (!taken.get(candidate)) return candidate;
    }
  }

  private stmt(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sql.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_SCHEMAS, key);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, change: RawChange): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? ` (${issue.path.join('.') || change.op}: ${issue.message})` : '';
  throw malformed(`el cambio ${change.changeNo} de ${change.entity} no es válido${where}`);
}

function malformed(detail: string): SyncError {
  return new SyncError(
    'MALFORMED',
    `La central envió datos maestros no válidos: ${detail}. No se aplicó esa página.`,
    'malformed',
  );
}
