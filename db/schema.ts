import type { Generated } from 'kysely';

/**
 * Row types of the terminal's SQLite file, as the latest migration leaves it.
 * Money is integer céntimos (`*_cents`), quantities integer thousandths (`*_milli`),
 * flags 0/1, instants ISO-8601 with the Lima offset, dates `YYYY-MM-DD`.
 */

export type Flag = 0 | 1;
export type Role = 'cajero' | 'supervisor' | 'administrador';
export type DocType = '01' | '03';
/** Documents with a series of their own: sales (01, 03) and notes (07 crédito, 08 débito). */
export type NoteDocType = '07' | '08';
export type SeriesDocType = DocType | NoteDocType;
/** What the SUNAT queue carries: CPE plus Resumen Diario (RC) and Comunicación de Baja (RA). */
export type FiscalDocType = SeriesDocType | 'RC' | 'RA';
export type FiscalStatus =
  'unsigned' | 'pending' | 'sent' | 'accepted' | 'observed' | 'rejected' | 'needs_attention';
export type RefundMethod = 'cash' | 'card' | 'wallet';
export type Unit = 'NIU' | 'KGM';
export type IgvAffectationCode = '10' | '20' | '30';
export type PaymentMethodCode = 'cash' | 'card' | 'wallet' | 'usd';
export type StockReason = 'initial' | 'sale' | 'return' | 'adjustment' | 'receipt';
export type DiscountKind = 'amount' | 'percent';

export interface StoreTable {
  id: string;
  ruc: string;
  legal_name: string;
  trade_name: string;
  address: string;
  ubigeo: string | null;
  created_at: string;
}

export interface TerminalTable {
  id: string;
  store_id: string;
  code: string;
  name: string;
  /** Always 1: the file holds exactly one terminal's identity. */
  singleton: Generated<number>;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  pin_hash: string;
  active: Flag;
  /** Wrong PINs in a row (login or approval); back to 0 on a good login or an unlock. */
  failed_pin_attempts: Generated<number>;
  /** Instant the PIN lock ends; null when not locked. */
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductTable {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  category: string | null;
  unit: Unit;
  price_cents: number;
  igv_affectation: IgvAffectationCode;
  icbper: Flag;
  plu: string | null;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface ProductBarcodeTable {
  barcode: string;
  product_id: string;
  created_at: string;
}

export interface CustomerTable {
  id: string;
  doc_type: string;
  doc_number: string;
  name: string;
  address: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface SeriesTable {
  serie: string;
  doc_type: SeriesDocType;
  last_correlativo: number;
  updated_at: string;
}

export interface ExchangeRateTable {
  date: string;
  /** Soles per US dollar × 10 000. */
  rate_e4: number;
  set_by: string;
  set_at: string;
}

export interface SaleTable {
  id: string;
  store_id: string;
  terminal_id: string;
  user_id: string;
  doc_type: DocType;
  serie: string;
  correlativo: number;
  issued_at: string;
  issue_date: string;
  currency: 'PEN';
  customer_id: string | null;
  customer_doc_type: string | null;
  customer_doc_number: string | null;
  customer_name: string | null;
  customer_address: string | null;
  gravadas_cents: number;
  exoneradas_cents: number;
  inafectas_cents: number;
  igv_cents: number;
  icbper_cents: number;
  discount_cents: number;
  total_cents: number;
  paid_cents: number;
  change_cents: number;
  igv_bps: number;
  icbper_rate_cents: number;
  status: 'completed';
  /** The cash session open on the terminal when the sale was made (null: before sessions existed). */
  cash_session_id: string | null;
  created_at: string;
}

export interface SaleLineTable {
  id: string;
  sale_id: string;
  line_no: number;
  product_id: string;
  sku: string;
  description: string;
  unit: Unit;
  quantity_milli: number;
  unit_price_cents: number;
  gross_cents: number;
  discount_cents: number;
  amount_cents: number;
  igv_affectation: IgvAffectationCode;
  taxable_cents: number;
  gross_taxable_cents: number;
  discount_taxable_cents: number;
  igv_cents: number;
  icbper_units: number;
  icbper_cents: number;
  scanned_code: string | null;
}

export interface PaymentTable {
  id: string;
  sale_id: string;
  seq: number;
  method: PaymentMethodCode;
  amount_cents: number;
  tendered_cents: number;
  change_cents: number;
  usd_cents: number | null;
  rate_e4: number | null;
  wallet: 'yape' | 'plin' | null;
  card_brand: string | null;
  reference: string | null;
  created_at: string;
}

export interface StockMovementTable {
  id: string;
  product_id: string;
  quantity_milli: number;
  reason: StockReason;
  sale_id: string | null;
  sale_line_id: string | null;
  user_id: string | null;
  terminal_id: string;
  note: string | null;
  created_at: string;
}

export interface StockLevelTable {
  product_id: string;
  quantity_milli: number;
  updated_at: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  topic: string;
  entity_id: string;
  payload: string;
  created_at: string;
  status: Generated<'pending' | 'sent' | 'dead'>;
  attempts: Generated<number>;
  last_error: string | null;
  acked_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  terminal_id: string;
  user_id: string | null;
  approver_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface CartTable {
  id: string;
  terminal_id: string;
  user_id: string;
  status: 'open' | 'held';
  doc_type: DocType;
  customer_id: string | null;
  discount_kind: DiscountKind | null;
  discount_value: number;
  discount_approved_bps: number;
  discount_approved_by: string | null;
  label: string | null;
  created_at: string;
  updated_at: string;
  held_at: string | null;
}

export interface CartLineTable {
  id: string;
  cart_id: string;
  position: number;
  product_id: string;
  quantity_milli: number;
  unit_price_cents: number;
  fixed_amount_cents: number | null;
  discount_kind: DiscountKind | null;
  discount_value: number;
  discount_approved_bps: number;
  discount_approved_by: string | null;
  scanned_code: string | null;
  created_at: string;
}

export interface NoteTable {
  id: string;
  doc_type: NoteDocType;
  serie: string;
  correlativo: number;
  sale_id: string;
  /** Catálogo 09 (crédito) or 10 (débito). */
  reason_code: string;
  reason_text: string;
  issued_at: string;
  issue_date: string;
  user_id: string;
  approver_id: string | null;
  gravadas_cents: number;
  exoneradas_cents: number;
  inafectas_cents: number;
  igv_cents: number;
  icbper_cents: number;
  total_cents: number;
  refund_method: RefundMethod | null;
  refund_cents: number;
  cash_session_id: string | null;
  restock: Flag;
  created_at: string;
}

export interface NoteLineTable {
  id: string;
  note_id: string;
  line_no: number;
  sale_line_id: string | null;
  product_id: string;
  sku: string;
  description: string;
  unit: Unit;
  quantity_milli: number;
  unit_price_cents: number;
  amount_cents: number;
  igv_affectation: IgvAffectationCode;
  taxable_cents: number;
  igv_cents: number;
  icbper_units: number;
  icbper_cents: number;
}

export interface SaleVoidTable {
  id: string;
  sale_id: string;
  reason: string;
  user_id: string;
  approver_id: string | null;
  voided_at: string;
  cash_session_id: string | null;
}

export interface FiscalDocumentTable {
  id: string;
  doc_type: FiscalDocType;
  serie: string;
  correlativo: number;
  /** `20601234565-03-B001-7`, `20601234565-RC-20261123-1` (without .xml/.zip). */
  file_name: string;
  sale_id: string | null;
  note_id: string | null;
  issued_at: string;
  issue_date: string;
  total_cents: number;
  /** How it reaches SUNAT: on its own (sendBill) or inside a Resumen Diario. */
  delivery: 'bill' | 'summary';
  /** The exact signed text; null only while `unsigned`. Never re-serialised. */
  signed_xml: string | null;
  digest_value: string | null;
  status: FiscalStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  ticket: string | null;
  sunat_code: string | null;
  sunat_message: string | null;
  /** JSON `{ code, message }[]`. */
  observations: string;
  cdr_zip: Uint8Array | null;
  /** The RC that reported this boleta or note. */
  summary_id: string | null;
  /** The RC (condition 3) or RA that voids it. */
  void_summary_id: string | null;
  voided: Flag;
  deadline_date: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  resolved_at: string | null;
}

export interface FiscalSummaryItemTable {
  summary_id: string;
  document_id: string;
  line_no: number;
  /** Catálogo 19: 1 adicionar, 2 modificar, 3 anular. */
  condition: 1 | 2 | 3;
}

export interface FiscalCredentialsTable {
  singleton: number;
  pfx_sealed: Uint8Array | null;
  pfx_password_sealed: Uint8Array | null;
  certificate_subject: string | null;
  certificate_serial: string | null;
  certificate_not_before: string | null;
  certificate_not_after: string | null;
  sol_user: string | null;
  sol_password_sealed: Uint8Array | null;
  updated_at: string;
  updated_by: string | null;
}

export interface DeviceSettingTable {
  key: string;
  /** JSON, validated by devices/device-settings-schema. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export type PrintJobKind = 'sale' | 'copy' | 'test' | 'report' | 'drawer';
export type PrintJobStatus = 'pending' | 'printing' | 'printed' | 'failed' | 'dismissed';

export interface PrintJobTable {
  id: string;
  kind: PrintJobKind;
  /** The sale a receipt or copy prints; its layout is rebuilt from the sale at print time. */
  sale_id: string | null;
  /** For people: `B001-00000012`, `Página de prueba`. */
  label: string;
  /** JSON ReceiptDocument for jobs that are not a sale (test page, reports). */
  document: string | null;
  open_drawer: Flag;
  status: PrintJobStatus;
  attempts: number;
  last_error_code: string | null;
  last_error: string | null;
  requested_by: string | null;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
}

export interface CashSessionTable {
  id: string;
  terminal_id: string;
  /** 1, 2, 3… per terminal: the number printed on X and Z reports. */
  number: number;
  status: 'open' | 'closed';
  opened_at: string;
  opened_by: string;
  float_cents: number;
  /** JSON CashCount of the float. */
  float_count: string;
  closed_at: string | null;
  closed_by: string | null;
  /** The supervisor who confirmed a count made by someone else. */
  confirmed_by: string | null;
  blind: Flag;
  close_reason: string | null;
  difference_cents: number | null;
  /** JSON CashReportView of the Z close, frozen with the session. */
  report: string | null;
}

export interface CashMovementTable {
  id: string;
  session_id: string;
  kind: 'in' | 'out';
  amount_cents: number;
  reason: string;
  user_id: string;
  approver_id: string | null;
  at: string;
}

export interface SyncStateTable {
  singleton: number;
  hq_url: string | null;
  store_name: string | null;
  /** The terminal's bearer token, sealed with the data folder's secret key. */
  credential_sealed: Uint8Array | null;
  enrolled_at: string | null;
  enrolled_by: string | null;
  /** Headquarters' change number applied so far; stored in the same transaction as the page. */
  pull_cursor: number;
  nightly_hour: number;
  last_nightly_run_on: string | null;
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: string | null;
  clock_skew_ms: number | null;
  updated_at: string;
}

export interface Database {
  store: StoreTable;
  terminal: TerminalTable;
  settings: SettingTable;
  users: UserTable;
  products: ProductTable;
  product_barcodes: ProductBarcodeTable;
  customers: CustomerTable;
  series: SeriesTable;
  exchange_rates: ExchangeRateTable;
  sales: SaleTable;
  sale_lines: SaleLineTable;
  payments: PaymentTable;
  stock_movements: StockMovementTable;
  stock_levels: StockLevelTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  carts: CartTable;
  cart_lines: CartLineTable;
  notes: NoteTable;
  note_lines: NoteLineTable;
  sale_voids: SaleVoidTable;
  fiscal_documents: FiscalDocumentTable;
  fiscal_summary_items: FiscalSummaryItemTable;
  fiscal_credentials: FiscalCredentialsTable;
  device_settings: DeviceSettingTable;
  print_jobs: PrintJobTable;
  cash_sessions: CashSessionTable;
  cash_movements: CashMovementTable;
  sync_state: SyncStateTable;
}
