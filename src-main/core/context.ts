import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { ProductCatalog } from '../catalog/product-catalog';
import type { CustomerDirectory } from '../customers/customer-directory';
import type { ExchangeRates } from '../settings/exchange-rates';
import type { StoreSettings } from '../settings/store-settings';
import type { Clock } from '../shared/clock';
import type { StockLedger } from '../stock/stock-ledger';
import type { Sql } from '../storage/sql';
import type { Outbox } from '../sync/outbox';
import type { Authenticator } from '../users/authenticator';
import type { UserDirectory } from '../users/user-directory';

export interface TerminalIdentity {
  terminalId: string;
  terminalCode: string;
  storeId: string;
}

/** The shared parts every service of the core is built from; one per open database. */
export interface CoreContext {
  sql: Sql;
  qb: Kysely<Database>;
  clock: Clock;
  terminal: TerminalIdentity;
  settings: StoreSettings;
  catalog: ProductCatalog;
  customers: CustomerDirectory;
  users: UserDirectory;
  auth: Authenticator;
  audit: AuditLog;
  outbox: Outbox;
  stock: StockLedger;
  exchangeRates: ExchangeRates;
}
