import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoStore, type DemoTerminal } from '../../db/seeds/demo-store';
import type { CatalogProduct } from '../../db/seeds/demo-catalog';
import { AuditLog } from '../audit/audit-log';
import { ProductCatalog } from '../catalog/product-catalog';
import { CustomerDirectory } from '../customers/customer-directory';
import { CartService } from '../sales/cart-service';
import { Checkout } from '../sales/checkout';
import { SaleRecords } from '../sales/sale-records';
import { NoteRecords } from '../returns/note-records';
import { ExchangeRates } from '../settings/exchange-rates';
import { StoreSettings } from '../settings/store-settings';
import { systemClock, type Clock } from '../shared/clock';
import { limaTimestamp } from '../shared/lima-time';
import { StockLedger } from '../stock/stock-ledger';
import { claimDataDir } from '../storage/data-dir-lock';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { migrateDatabase, type MigrationReport } from '../storage/migrate';
import { Sql } from '../storage/sql';
import { Outbox } from '../sync/outbox';
import { Authenticator } from '../users/authenticator';
import { UserDirectory } from '../users/user-directory';
import type { CoreContext, TerminalIdentity } from './context';
import { createFiscalModule, type FiscalModule, type FiscalModuleOptions } from '../fiscal/fiscal-module';
import type { DocumentValidator } from '../fiscal/issuing/document-validator';
import { DeferredValidator } from '../fiscal/issuing/deferred-validator';
import { aesSecretBox, fileSecretKey } from '../fiscal/secrets/secret-box';
import { installDemoCredentials } from '../fiscal/credentials/demo-credentials';
import { loadDocumentValidator } from '../fiscal/issuing/load-validator';
import { defaultResourcesDir } from './resources';
import { CashSessions } from '../cash/cash-sessions';
import { createSyncModule, type SyncModule, type SyncModuleOptions } from '../sync/sync-module';
import {
  createDevicesModule,
  type DevicesModule,
  type DevicesModuleOptions,
} from '../devices/devices-module';

export interface CoreOptions {
  /** Folder holding this terminal's database (and, later, its certificates and queues). */
  dataDir: string;
  clock?: Clock;
  /** Fill an empty database with the demo minimarket (the default for `npm start`). */
  demo?: boolean;
  /** Catalogue for the demo seed instead of the bundled one (benchmarks load 200,000 products). */
  demoProducts?: readonly CatalogProduct[];
  /** Which till of the demo store this is (a second terminal gets its own series). */
  demoTerminal?: DemoTerminal;
  /** better_sqlite3.node built for this runtime (Electron's differs from Node's). */
  nativeBinding?: string;
  /** The app's bundled `resources/` folder (SUNAT schemas and rules). */
  resourcesDir?: string;
  /** Key that seals secrets in the database; by default a key file in `dataDir`. */
  secretKey?: Uint8Array;
  /** Replaces SUNAT's schema + rule validation (tests of other modules may use a lighter one). */
  fiscalValidator?: DocumentValidator;
  /** Sender tuning and the TLS trust for SUNAT (tests: the emulator's certificate). */
  fiscal?: FiscalModuleOptions;
  /** Print retries and serial reconnection pace (tests shorten them). */
  devices?: DevicesModuleOptions;
  /** How often idle sessions are ended (default 30 s; 0: never, tests call `auth.expireIdleSessions`). */
  sessionSweepMs?: number;
  /** Measures sessions' idle time (default: monotonic real time, whatever `clock` says). */
  sessionClock?: Clock;
  /** Sync engine pace and versions (tests shorten the backoff; 0 interval: only on demand). */
  sync?: SyncModuleOptions;
}

export interface Core {
  ctx: CoreContext;
  carts: CartService;
  checkout: Checkout;
  sales: SaleRecords;
  notes: NoteRecords;
  fiscal: FiscalModule;
  /** Printer, drawer, scanners and scale. */
  devices: DevicesModule;
  /** The drawer's cash sessions: float, cash in/out, X and Z. */
  cash: CashSessions;
  /** Outbox push and master-data pull with headquarters. */
  sync: SyncModule;
  /** The SUNAT queue moved (a document was sent, accepted, …): screens refresh. */
  onFiscalChange(listener: () => void): () => void;
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

/** Idle sessions end within this much of their limit (a request past it is refused at once anyway). */
const SESSION_SWEEP_MS = 30_000;

/** Opens the terminal database, brings its schema up to date and wires the services. */
export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const dataDirLock = claimDataDir(options.dataDir, options.nativeBinding);
  let handle: DatabaseHandle;
  try {
    handle = openDatabase({ file: databaseFile, nativeBinding: options.nativeBinding });
  } catch (error) {
    dataDirLock.release();
    throw error;
  }
  try {
    const migration = await migrateDatabase(handle);
    const sql = new Sql(handle.sqlite);
    const qb = handle.kysely;
    if (options.demo) {
      await seedDemoStore(sql, qb, {
        at: limaTimestamp(clock.now()),
        ...(options.demoProducts ? { products: options.demoProducts } : {}),
        ...(options.demoTerminal ? { terminal: options.demoTerminal } : {}),
      });
    }
    const row = sql.first(
      qb
        .selectFrom('terminal')
        .innerJoin('store', 'store.id', 'terminal.store_id')
        .select([
          'terminal.id',
          'terminal.code',
          'terminal.store_id',
          'store.ruc',
          'store.legal_name',
          'store.ubigeo',
        ]),
    );
    if (!row) throw new TerminalNotConfiguredError(databaseFile);
    const terminal: TerminalIdentity = { terminalId: row.id, terminalCode: row.code, storeId: row.store_id };

    const outbox = new Outbox(sql, qb, clock);
    const audit = new AuditLog(sql, qb, clock, terminal.terminalId, outbox);
    const users = new UserDirectory(sql, qb);
    const settings = new StoreSettings(sql, qb, clock);
    const ctx: CoreContext = {
      sql,
      qb,
      clock,
      terminal,
      settings,
      catalog: new ProductCatalog(sql, qb),
      customers: new CustomerDirectory(sql, qb, clock),
      users,
      auth: new Authenticator({ users, sql, qb, audit, clock, settings, sessionClock: options.sessionClock }),
      audit,
      outbox,
      stock: new StockLedger(sql, qb, clock, terminal.terminalId, outbox),
      exchangeRates: new ExchangeRates(sql, qb, clock),
    };
    const validator = new DeferredValidator(
      options.fiscalValidator
        ? Promise.resolve(options.fiscalValidator)
        : loadDocumentValidator(options.resourcesDir ?? defaultResourcesDir()),
    );
    const box = aesSecretBox(options.secretKey ?? fileSecretKey(options.dataDir));
    const carts = new CartService(ctx);
    const sales = new SaleRecords(ctx);
    const fiscalListeners = new Set<() => void>();
    const notes = new NoteRecords(ctx);
    const fiscal = createFiscalModule(
      ctx,
      sales,
      notes,
      { ruc: row.ruc, legalName: row.legal_name, ubigeo: row.ubigeo },
      box,
      validator,
      {
        ...options.fiscal,
        onChange: () => {
          options.fiscal?.onChange?.();
          fiscalListeners.forEach((listener) => listener());
        },
      },
    );
    const devices = createDevicesModule(
      ctx,
      sales,
      (sale) => fiscal.saleDocuments.view(sale),
      options.devices,
    );
    if (options.demo) installDemoCredentials(fiscal.credentials, ctx.clock);
    if (options.fiscal?.senderIntervalMs) fiscal.sender.start(options.fiscal.senderIntervalMs);
    ctx.auth.startIdleSweep(options.sessionSweepMs ?? SESSION_SWEEP_MS);
    const sync = createSyncModule(ctx, box, options.sync);
    sync.start();
    return {
      ctx,
      carts,
      checkout: new Checkout(ctx, carts, sales, fiscal.saleDocuments),
      sales,
      notes,
      fiscal,
      devices,
      cash: new CashSessions(ctx),
      sync,
      onFiscalChange: (listener) => {
        fiscalListeners.add(listener);
        return () => fiscalListeners.delete(listener);
      },
      migration,
      databaseFile,
      close: () => {
        ctx.auth.stopIdleSweep();
        void fiscal.sender.stop();
        void devices.close();
        void sync.stop();
        // Fold the WAL back so a copied data folder is one self-contained file.
        if (handle.sqlite.open) handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        handle.close();
        dataDirLock.release();
      },
    };
  } catch (error) {
    handle.close();
    dataDirLock.release();
    throw error;
  }
}
