import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoStore } from '../../db/seeds/demo-store';
import type { CatalogProduct } from '../../db/seeds/demo-catalog';
import { AuditLog } from '../audit/audit-log';
import { ProductCatalog } from '../catalog/product-catalog';
import { CustomerDirectory } from '../customers/customer-directory';
import { CartService } from '../sales/cart-service';
import { Checkout } from '../sales/checkout';
import { SaleRecords } from '../sales/sale-records';
import { ExchangeRates } from '../settings/exchange-rates';
import { StoreSettings } from '../settings/store-settings';
import { systemClock, type Clock } from '../shared/clock';
import { limaTimestamp } from '../shared/lima-time';
import { StockLedger } from '../stock/stock-ledger';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { migrateDatabase, type MigrationReport } from '../storage/migrate';
import { Sql } from '../storage/sql';
import { Outbox } from '../sync/outbox';
import { Authenticator } from '../users/authenticator';
import { UserDirectory } from '../users/user-directory';
import type { CoreContext, TerminalIdentity } from './context';

export interface CoreOptions {
  /** Folder holding this terminal's database (and, later, its certificates and queues). */
  dataDir: string;
  clock?: Clock;
  /** Fill an empty database with the demo minimarket (the default for `npm start`). */
  demo?: boolean;
  /** Catalogue for the demo seed instead of the bundled one (benchmarks load 200,000 products). */
  demoProducts?: readonly CatalogProduct[];
  /** better_sqlite3.node built for this runtime (Electron's differs from Node's). */
  nativeBinding?: string;
}

export interface Core {
  ctx: CoreContext;
  carts: CartService;
  checkout: Checkout;
  sales: SaleRecords;
  migration: MigrationReport;
  databaseFile: string;
  close(): void;
}

export class TerminalNotConfiguredError extends Error {
  constructor(file: string) {
    super(
      `the database ${file} has no store or terminal identity; start with the demo seed or enrol the terminal`,
    );
    this.name = 'TerminalNotConfiguredError';
  }
}

export const DATABASE_FILE = 'terminal.sqlite';

/** Opens the terminal database, brings its schema up to date and wires the services. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const handle: DatabaseHandle = openDatabase({ file: databaseFile, nativeBinding: options.nativeBinding });
  try {
    const migration = await migrateDatabase(handle);
    const sql = new Sql(handle.sqlite);
    const qb = handle.kysely;
    if (options.demo) {
      await seedDemoStore(sql, qb, {
        at: limaTimestamp(clock.now()),
        ...(options.demoProducts ? { products: options.demoProducts } : {}),
      });
    }
    const row = sql.first(qb.selectFrom('terminal').select(['id', 'code', 'store_id']));
    if (!row) throw new TerminalNotConfiguredError(databaseFile);
    const terminal: TerminalIdentity = { terminalId: row.id, terminalCode: row.code, storeId: row.store_id };

    const audit = new AuditLog(sql, qb, clock, terminal.terminalId);
    const users = new UserDirectory(sql, qb);
    const ctx: CoreContext = {
      sql,
      qb,
      clock,
      terminal,
      settings: new StoreSettings(sql, qb, clock),
      catalog: new ProductCatalog(sql, qb),
      customers: new CustomerDirectory(sql, qb, clock),
      users,
      auth: new Authenticator(users, sql, audit),
      audit,
      outbox: new Outbox(sql, qb, clock),
      stock: new StockLedger(sql, qb, clock, terminal.terminalId),
      exchangeRates: new ExchangeRates(sql, qb, clock),
    };
    const carts = new CartService(ctx);
    const sales = new SaleRecords(ctx);
    return {
      ctx,
      carts,
      checkout: new Checkout(ctx, carts, sales),
      sales,
      migration,
      databaseFile,
      close: () => {
        // Fold the WAL back so a copied data folder is one self-contained file.
        if (handle.sqlite.open) handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        handle.close();
      },
    };
  } catch (error) {
    handle.close();
    throw error;
  }
}
