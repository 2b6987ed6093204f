import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of headquarters' PostgreSQL schema, as the latest migration leaves it.
 * `open-database` makes int8 read as a JS number (céntimos and thousandths stay far below
 * 2^53), `date` read as its `YYYY-MM-DD` text and timestamptz as a Date, on pg and PGlite alike.
 */

/** A timestamptz: written as a Date or ISO text, read as a Date. */
export type Instant = ColumnType<Date, Date | string, Date | string>;
export type DefaultInstant = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string, string>;

export interface StoresTable {
  id: string;
  ruc: string;
  legal_name: string;
  trade_name: string;
  address: Generated<string>;
  created_at: DefaultInstant;
}

export interface TerminalsTable {
  id: string;
  store_id: string;
  code: string;
  name: string;
  token_hash: string;
  enrolled_at: DefaultInstant;
  revoked_at: Instant | null;
  last_seen_at: Instant | null;
  last_push_at: Instant | null;
  last_pull_at: Instant | null;
  last_seq: Generated<number>;
  pending_count: Generated<number>;
  app_version: string | null;
  schema_version: number | null;
  clock_skew_ms: number | null;
  clock_flagged_at: Instant | null;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  store_id: string;
  terminal_code: string;
  terminal_name: string;
  created_at: DefaultInstant;
  expires_at: Instant;
  used_at: Instant | null;
  used_by: string | null;
}

export interface ReceivedRecordsTable {
  id: string;
  terminal_id: string;
  seq: number;
  topic: string;
  status: 'applied' | 'rejected';
  reason: string | null;
  batch_id: string;
  received_at: DefaultInstant;
}

export interface PushBatchesTable {
  id: string;
  terminal_id: string;
  received_at: DefaultInstant;
  records: number;
  applied: number;
  duplicates: number;
  rejected: number;
}

export interface SalesTable {
  id: string;
  store_id: string;
  terminal_id: string;
  user_id: string;
  cash_session_id: string | null;
  doc_type: string;
  serie: string;
  correlativo: number;
  issued_at: Instant;
  issue_date: string;
  customer_doc_type: string | null;
  customer_doc_number: string | null;
  customer_name: string | null;
  gravadas_cents: number;
  exoneradas_cents: number;
  inafectas_cents: number;
  igv_cents: number;
  icbper_cents: number;
  discount_cents: number;
  total_cents: number;
  paid_cents: number;
  change_cents: number;
  voided: Generated<boolean>;
  fiscal_status: Generated<string>;
  received_at: DefaultInstant;
}

export interface SaleLinesTable {
  id: string;
  sale_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  description: string;
  unit: string;
  quantity_milli: number;
  unit_price_cents: number;
  gross_cents: number;
  discount_cents: number;
  amount_cents: number;
  igv_affectation: string;
  taxable_cents: number;
  igv_cents: number;
  icbper_cents: number;
}

export interface PaymentsTable {
  id: string;
  sale_id: string;
  seq: number;
  method: 'cash' | 'card' | 'wallet' | 'usd';
  amount_cents: number;
  tendered_cents: number;
  change_cents: number;
  usd_cents: number | null;
  rate_e4: number | null;
  wallet: string | null;
  card_brand: string | null;
  reference: string | null;
}

export interface NotesTable {
  id: string;
  store_id: string;
  terminal_id: string;
  sale_id: string;
  doc_type: string;
  serie: string;
  correlativo: number;
  reason_code: string;
  reason_text: string;
  issued_at: Instant;
  issue_date: string;
  user_id: string;
  approver_id: string | null;
  total_cents: number;
  igv_cents: number;
  refund_method: string | null;
  refund_cents: number;
  restock: boolean;
  cash_session_id: string | null;
  fiscal_status: Generated<string>;
  received_at: DefaultInstant;
}

export interface NoteLinesTable {
  id: string;
  note_id: string;
  line_no: number;
  sale_line_id: string | null;
  product_id: string;
  sku: string;
  description: string;
  quantity_milli: number;
  amount_cents: number;
  igv_cents: number;
}

export interface SaleVoidsTable {
  sale_id: string;
  store_id: string;
  terminal_id: string;
  reason: string;
  voided_at: Instant;
  user_id: string;
  approver_id: string | null;
  cash_session_id: string | null;
}

export interface FiscalDocumentsTable {
  id: string;
  store_id: string;
  terminal_id: string;
  doc_type: string;
  serie: string;
  correlativo: number;
  sale_id: string | null;
  note_id: string | null;
  status: string;
  voided: Generated<boolean>;
  sunat_code: string | null;
  sunat_message: string | null;
  status_at: Instant;
}

export interface StockMovementsTable {
  id: string;
  store_id: string;
  /** null: entered at headquarters (opening stock, receipts). */
  terminal_id: string | null;
  product_id: string;
  quantity_milli: number;
  reason: string;
  sale_id: string | null;
  note: string | null;
  user_id: string | null;
  created_at: Instant;
  received_at: DefaultInstant;
}

export interface StockReconciliationItemsTable {
  id: string;
  store_id: string;
  product_id: string;
  level_milli: number;
  detected_at: DefaultInstant;
  status: Generated<'open' | 'resolved'>;
  resolved_at: Instant | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface CashSessionsTable {
  id: string;
  store_id: string;
  terminal_id: string;
  number: number;
  status: 'open' | 'closed';
  opened_at: Instant;
  opened_by: string;
  float_cents: number;
  float_count: Json | null;
  closed_at: Instant | null;
  difference_cents: number | null;
  report: Json | null;
  count: Json | null;
}

export interface CashMovementsTable {
  id: string;
  session_id: string;
  store_id: string;
  terminal_id: string;
  kind: 'in' | 'out';
  amount_cents: number;
  reason: string;
  user_id: string;
  approver_id: string | null;
  at: Instant;
}

export interface AuditEntriesTable {
  id: string;
  store_id: string;
  terminal_id: string;
  seq: number;
  at: Instant;
  user_id: string | null;
  approver_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface ProductsTable {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  category: string | null;
  unit: 'NIU' | 'KGM';
  price_cents: number;
  igv_affectation: '10' | '20' | '30';
  icbper: boolean;
  plu: string | null;
  active: boolean;
  barcodes: ColumnType<string[], string[] | undefined, string[]>;
  deleted: Generated<boolean>;
  change_no: number;
  updated_at: DefaultInstant;
}

export interface UsersTable {
  id: string;
  username: string;
  full_name: string;
  role: 'cajero' | 'supervisor' | 'administrador';
  pin_hash: string;
  active: boolean;
  deleted: Generated<boolean>;
  change_no: number;
  updated_at: DefaultInstant;
}

export interface StoreSettingsTable {
  store_id: string;
  key: string;
  value: Json;
  deleted: Generated<boolean>;
  change_no: number;
  updated_at: DefaultInstant;
}

export interface HqDatabase {
  stores: StoresTable;
  terminals: TerminalsTable;
  enrolment_codes: EnrolmentCodesTable;
  received_records: ReceivedRecordsTable;
  push_batches: PushBatchesTable;
  sales: SalesTable;
  sale_lines: SaleLinesTable;
  payments: PaymentsTable;
  notes: NotesTable;
  note_lines: NoteLinesTable;
  sale_voids: SaleVoidsTable;
  fiscal_documents: FiscalDocumentsTable;
  stock_movements: StockMovementsTable;
  stock_reconciliation_items: StockReconciliationItemsTable;
  cash_sessions: CashSessionsTable;
  cash_movements: CashMovementsTable;
  audit_entries: AuditEntriesTable;
  products: ProductsTable;
  users: UsersTable;
  store_settings: StoreSettingsTable;
}
