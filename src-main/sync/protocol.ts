import { z } from 'zod';

/**
 * The sync protocol between a terminal and headquarters, declared once and imported by both
 * sides (`src-main/sync` and `hq/`). HQ validates everything it receives with these schemas;
 * the terminal builds its records with the inferred types, so a change here breaks the
 * compile on both sides, not the data.
 *
 * Money is integer céntimos, quantities integer thousandths, instants ISO-8601 with offset.
 */

export const PROTOCOL_VERSION = 1;

/** Headers every terminal request carries. */
export const SYNC_HEADERS = {
  /** The terminal's SQLite schema version (number of applied migrations). */
  schemaVersion: 'x-mostrador-schema',
  appVersion: 'x-mostrador-app',
  /** The terminal's clock when it sent the request; HQ flags a skew, never trusts it. */
  clock: 'x-mostrador-clock',
  /** Outbox rows still waiting on the terminal (HQ shows who is behind). */
  pending: 'x-mostrador-pending',
} as const;

/** HQ flags a terminal whose clock is further off than this. */
export const CLOCK_SKEW_LIMIT_MS = 120_000;
/** Most records in one push; the terminal also keeps a batch under MAX_BATCH_BYTES. */
export const MAX_BATCH_RECORDS = 2000;
export const MAX_BATCH_BYTES = 4_000_000;
export const MAX_PULL_LIMIT = 5_000;

const text = z.string();
const nullableText = z.string().nullable();
const int = z.number().int();
const cents = z.number().int();
const instant = z.string().min(10);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ---------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------

export const enrolRequestSchema = z
  .object({
    code: z.string().min(6).max(40),
    /** The terminal's own id (UUIDv7 made locally): every record it wrote carries it. */
    terminalId: text.min(1),
    /** The terminal's store id and RUC: they must be the store the code was issued for. */
    storeId: text.min(1),
    ruc: z.string().regex(/^\d{11}$/),
    terminalCode: text.min(1).max(40),
    terminalName: text.min(1).max(80),
  })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export interface EnrolResponse {
  terminalId: string;
  storeId: string;
  storeName: string;
  /** Bearer credential: sent as `Authorization: Bearer <terminalId>.<token>`; HQ keeps only its hash. */
  token: string;
}

// ---------------------------------------------------------------------------------------
// Push: the records of the terminal's outbox
// ---------------------------------------------------------------------------------------

const saleLinePayload = z
  .object({
    id: text,
    lineNo: int,
    productId: text,
    sku: text,
    description: text,
    unit: z.enum(['NIU', 'KGM']),
    quantityMilli: int.positive(),
    unitPriceCents: cents,
    grossCents: cents,
    discountCents: cents,
    amountCents: cents,
    igvAffectation: z.enum(['10', '20', '30']),
    taxableCents: cents,
    igvCents: cents,
    icbperCents: cents,
  })
  .strict();

const paymentPayload = z
  .object({
    id: text,
    seq: int,
    method: z.enum(['cash', 'card', 'wallet', 'usd']),
    amountCents: cents.nonnegative(),
    tenderedCents: cents,
    changeCents: cents,
    usdCents: cents.nullable(),
    rateE4: int.nullable(),
    wallet: z.enum(['yape', 'plin']).nullable(),
    cardBrand: nullableText,
    reference: nullableText,
  })
  .strict();

export const salePayloadSchema = z
  .object({
    id: text,
    storeId: text,
    terminalId: text,
    userId: text,
    cashSessionId: nullableText,
    docType: z.enum(['01', '03']),
    serie: z.string().length(4),
    correlativo: int.positive(),
    issuedAt: instant,
    issueDate: isoDate,
    customerDocType: nullableText,
    customerDocNumber: nullableText,
    customerName: nullableText,
    gravadasCents: cents,
    exoneradasCents: cents,
    inafectasCents: cents,
    igvCents: cents,
    icbperCents: cents,
    discountCents: cents,
    totalCents: cents,
    paidCents: cents,
    changeCents: cents,
    lines: z.array(saleLinePayload).min(1),
    payments: z.array(paymentPayload).min(1),
  })
  .strict();
export type SalePayload = z.infer<typeof salePayloadSchema>;

const noteLinePayload = z
  .object({
    id: text,
    lineNo: int,
    saleLineId: nullableText,
    productId: text,
    sku: text,
    description: text,
    quantityMilli: int.positive(),
    amountCents: cents,
    igvCents: cents,
  })
  .strict();

export const notePayloadSchema = z
  .object({
    id: text,
    storeId: text,
    terminalId: text,
    saleId: text,
    docType: z.enum(['07', '08']),
    serie: z.string().length(4),
    correlativo: int.positive(),
    reasonCode: text,
    reasonText: text,
    issuedAt: instant,
    issueDate: isoDate,
    userId: text,
    approverId: nullableText,
    totalCents: cents,
    igvCents: cents,
    refundMethod: z.enum(['cash', 'card', 'wallet']).nullable(),
    refundCents: cents,
    restock: z.boolean(),
    cashSessionId: nullableText,
    lines: z.array(noteLinePayload),
  })
  .strict();
export type NotePayload = z.infer<typeof notePayloadSchema>;

export const saleVoidPayloadSchema = z
  .object({
    saleId: text,
    terminalId: text,
    reason: text,
    voidedAt: instant,
    userId: text,
    approverId: nullableText,
    cashSessionId: nullableText,
  })
  .strict();
export type SaleVoidPayload = z.infer<typeof saleVoidPayloadSchema>;

export const fiscalStatusPayloadSchema = z
  .object({
    documentId: text,
    terminalId: text,
    docType: z.enum(['01', '03', '07', '08', 'RC', 'RA']),
    serie: text,
    correlativo: int,
    saleId: nullableText,
    noteId: nullableText,
    status: z.enum(['unsigned', 'pending', 'sent', 'accepted', 'observed', 'rejected', 'needs_attention']),
    voided: z.boolean(),
    sunatCode: nullableText,
    sunatMessage: nullableText,
    at: instant,
  })
  .strict();
export type FiscalStatusPayload = z.infer<typeof fiscalStatusPayloadSchema>;

export const stockMovementPayloadSchema = z
  .object({
    id: text,
    terminalId: text,
    productId: text,
    quantityMilli: int.refine((n) => n !== 0, 'quantity must not be zero'),
    reason: z.enum(['initial', 'sale', 'return', 'adjustment', 'receipt']),
    saleId: nullableText,
    noteText: nullableText,
    userId: nullableText,
    createdAt: instant,
  })
  .strict();
export type StockMovementPayload = z.infer<typeof stockMovementPayloadSchema>;

export const cashSessionOpenedPayloadSchema = z
  .object({
    id: text,
    terminalId: text,
    number: int.positive(),
    openedAt: instant,
    openedBy: text,
    floatCents: cents,
    floatCount: z.unknown(),
  })
  .strict();
export type CashSessionOpenedPayload = z.infer<typeof cashSessionOpenedPayloadSchema>;

/** Written as the cash_movements row (snake_case) since migration 0006. */
export const cashMovementPayloadSchema = z
  .object({
    id: text,
    session_id: text,
    kind: z.enum(['in', 'out']),
    amount_cents: cents.positive(),
    reason: text,
    user_id: text,
    approver_id: nullableText,
    at: instant,
  })
  .strict();
export type CashMovementPayload = z.infer<typeof cashMovementPayloadSchema>;

/**
 * The frozen Z report (the terminal's CashReportView) as it was printed. Declared field by
 * field (not passthrough) so the terminal's report type is checked against it when queued.
 */
const cashReportPayload = z
  .object({
    /** Not in the report terminals print: the difference is countedCashCents − expectedCashCents. */
    differenceCents: cents.optional(),
    kind: z.enum(['X', 'Z']),
    store: z.object({ tradeName: text, ruc: text }).strict(),
    terminalCode: text,
    sessionNumber: int.positive(),
    openedAt: instant,
    openedBy: text,
    closedAt: instant.nullable(),
    closedBy: nullableText,
    printedAt: instant,
    copy: z.boolean(),
    floatCents: cents,
    salesCount: int,
    salesTotalCents: cents,
    methods: z.array(
      z.object({ label: text, expectedCents: cents, countedCents: cents.nullable() }).strict(),
    ),
    movements: z.array(z.object({ kind: z.enum(['in', 'out']), reason: text, amountCents: cents }).strict()),
    denominations: z.array(z.object({ label: text, count: int, amountCents: cents }).strict()),
    expectedCashCents: cents,
    countedCashCents: cents.nullable(),
  })
  .strict();

export const cashSessionClosedPayloadSchema = z
  .object({
    id: text,
    closedAt: instant,
    report: cashReportPayload,
    count: z.unknown(),
  })
  .strict();
export type CashSessionClosedPayload = z.infer<typeof cashSessionClosedPayloadSchema>;

export const auditEntryPayloadSchema = z
  .object({
    id: text,
    seq: int.positive(),
    at: instant,
    terminalId: text,
    userId: nullableText,
    approverId: nullableText,
    action: text,
    entityType: text,
    entityId: nullableText,
    /** The entry's data exactly as hashed (a JSON text), so HQ can re-verify the chain. */
    data: text,
    prevHash: z.string().length(64),
    hash: z.string().length(64),
  })
  .strict();
export type AuditEntryPayload = z.infer<typeof auditEntryPayloadSchema>;

/**
 * Every topic HQ understands, with its payload schema. A topic a terminal sends that is not
 * here (an older or newer version) is rejected with a clear reason, never guessed at.
 */
export const TOPIC_SCHEMAS = {
  'sale.completed.v2': salePayloadSchema,
  'note.issued.v2': notePayloadSchema,
  'sale.voided.v2': saleVoidPayloadSchema,
  'fiscal.status.v1': fiscalStatusPayloadSchema,
  'stock.movement.v1': stockMovementPayloadSchema,
  'cash_session.opened.v1': cashSessionOpenedPayloadSchema,
  'cash_movement.recorded.v1': cashMovementPayloadSchema,
  'cash_session.closed.v1': cashSessionClosedPayloadSchema,
  'audit.entry.v1': auditEntryPayloadSchema,
} as const;

export type SyncTopic = keyof typeof TOPIC_SCHEMAS;
export type TopicPayload<T extends SyncTopic> = z.infer<(typeof TOPIC_SCHEMAS)[T]>;

export function isKnownTopic(topic: string): topic is SyncTopic {
  return Object.hasOwn(TOPIC_SCHEMAS, topic);
}

/** One outbox row on the wire. `payload` is validated per topic by HQ. */
export const pushRecordSchema = z
  .object({
    id: text.min(1).max(64),
    /** The outbox row's sequence on this terminal: strictly increasing, never reused. */
    seq: int.positive(),
    topic: text.min(1).max(80),
    entityId: text.min(1).max(64),
    createdAt: instant,
    payload: z.unknown(),
  })
  .strict();
export type PushRecord = z.infer<typeof pushRecordSchema>;

export const pushRequestSchema = z
  .object({
    batchId: text.min(1).max(64),
    terminalId: text.min(1),
    records: z.array(pushRecordSchema).min(1).max(MAX_BATCH_RECORDS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type AckStatus = 'applied' | 'duplicate' | 'rejected';

export interface PushAck {
  id: string;
  status: AckStatus;
  /** Why a record was rejected (Spanish, shown in the dead-letter list). */
  reason?: string;
}

export interface PushResponse {
  batchId: string;
  acks: PushAck[];
  /** HQ's clock minus the terminal's, when the terminal's was further off than CLOCK_SKEW_LIMIT_MS. */
  clockSkewMs: number | null;
  serverTime: string;
}

// ---------------------------------------------------------------------------------------
// Pull: master data by HQ's change number
// ---------------------------------------------------------------------------------------

export interface ProductRecord {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  category: string | null;
  unit: 'NIU' | 'KGM';
  priceCents: number;
  igvAffectation: '10' | '20' | '30';
  icbper: boolean;
  plu: string | null;
  active: boolean;
  barcodes: string[];
}

export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  role: 'cajero' | 'supervisor' | 'administrador';
  /** scrypt hash, as the terminal stores it; HQ never sees a PIN. */
  pinHash: string;
  active: boolean;
}

export interface SettingRecord {
  key: string;
  /** The setting's JSON value. */
  value: unknown;
}

/** One change, in HQ's change-number order. A deletion is a tombstone carrying only the key. */
export type MasterChange =
  | { changeNo: number; entity: 'product'; op: 'upsert'; data: ProductRecord }
  | { changeNo: number; entity: 'user'; op: 'upsert'; data: UserRecord }
  | { changeNo: number; entity: 'setting'; op: 'upsert'; data: SettingRecord }
  | { changeNo: number; entity: 'product' | 'user' | 'setting'; op: 'delete'; key: string };

export interface PullResponse {
  changes: MasterChange[];
  /** The change number to ask after next time (the last one in `changes`, or the one asked). */
  cursor: number;
  hasMore: boolean;
  serverTime: string;
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

export type SyncErrorCode =
  | 'UNAUTHENTICATED'
  | 'TERMINAL_REVOKED'
  | 'FORBIDDEN'
  | 'ENROLMENT_CODE_INVALID'
  | 'ENROLMENT_STORE_MISMATCH'
  | 'SCHEMA_UNSUPPORTED'
  | 'BAD_REQUEST'
  | 'BATCH_TOO_LARGE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAVAILABLE';

/** Every HQ error body. `message` is Spanish, for the person looking at the terminal. */
export interface SyncErrorBody {
  error: SyncErrorCode;
  message: string;
}

/** Oldest terminal schema HQ still accepts pushes from (older records may still be understood by topic). */
export const MIN_TERMINAL_SCHEMA = 7;
