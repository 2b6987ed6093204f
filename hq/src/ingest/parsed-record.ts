import { z } from 'zod';
import {
  TOPIC_SCHEMAS,
  isKnownTopic,
  type PushRecord,
  type SyncTopic,
  type TopicPayload,
} from '../../../src-main/sync/protocol';
import { reasons } from './ingest-reasons';

/** A record whose topic HQ knows and whose payload passed that topic's schema. */
export type ParsedOf<T extends SyncTopic> = T extends SyncTopic
  ? { topic: T; record: PushRecord; payload: TopicPayload<T> }
  : never;
export type ParsedRecord = ParsedOf<SyncTopic>;

export interface Rejected {
  rejected: string;
}

const MAX_ISSUES = 5;
// Reasons are read in Perú: zod's own messages in Spanish too.
const spanish = z.locales.es();

function parseAs<T extends SyncTopic>(
  topic: T,
  schema: z.ZodType<TopicPayload<T>>,
  record: PushRecord,
): { topic: T; record: PushRecord; payload: TopicPayload<T> } | Rejected {
  const result = schema.safeParse(record.payload, { error: spanish.localeError });
  if (result.success) return { topic, record, payload: result.data };
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.map(String).join('.') || '(registro)'}: ${issue.message}`)
    .join('; ');
  const more =
    result.error.issues.length > MAX_ISSUES ? ` (y ${result.error.issues.length - MAX_ISSUES} más)` : '';
  return { rejected: reasons.invalidPayload(topic, issues + more) };
}

// One parser per topic keeps topic and payload type tied together for the switch statements downstream.
const PARSERS: { [T in SyncTopic]: (record: PushRecord) => ParsedOf<T> | Rejected } = {
  'sale.completed.v2': (r) => parseAs('sale.completed.v2', TOPIC_SCHEMAS['sale.completed.v2'], r),
  'note.issued.v2': (r) => parseAs('note.issued.v2', TOPIC_SCHEMAS['note.issued.v2'], r),
  'sale.voided.v2': (r) => parseAs('sale.voided.v2', TOPIC_SCHEMAS['sale.voided.v2'], r),
  'fiscal.status.v1': (r) => parseAs('fiscal.status.v1', TOPIC_SCHEMAS['fiscal.status.v1'], r),
  'stock.movement.v1': (r) => parseAs('stock.movement.v1', TOPIC_SCHEMAS['stock.movement.v1'], r),
  'cash_session.opened.v1': (r) =>
    parseAs('cash_session.opened.v1', TOPIC_SCHEMAS['cash_session.opened.v1'], r),
  'cash_movement.recorded.v1': (r) =>
    parseAs('cash_movement.recorded.v1', TOPIC_SCHEMAS['cash_movement.recorded.v1'], r),
  'cash_session.closed.v1': (r) =>
    parseAs('cash_session.closed.v1', TOPIC_SCHEMAS['cash_session.closed.v1'], r),
  'audit.entry.v1': (r) => parseAs('audit.entry.v1', TOPIC_SCHEMAS['audit.entry.v1'], r),
};

/** Topic known and payload valid, or why not. A topic from an older or newer version is never guessed at. */
export function parseRecord(record: PushRecord): ParsedRecord | Rejected {
  const topic = record.topic;
  if (!isKnownTopic(topic)) return { rejected: reasons.unknownTopic(topic) };
  return PARSERS[topic](record);
}

export function isRejected(value: ParsedRecord | Rejected): value is Rejected {
  return 'rejected' in value;
}
