import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../shared/errors';
import type { Sql } from '../storage/sql';

export interface AuditFilter {
  /** Entries this user did or authorized (as approver). */
  userId?: string | undefined;
  /** Prefix of the action: `cash.` for every cash entry. */
  action?: string | undefined;
  /** `action` is a whole name: `auth.login` without `auth.login_failed`. */
  actionExact?: boolean | undefined;
  /** Lima calendar days, `YYYY-MM-DD`, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** The page after the one that ended at this seq (`nextBeforeSeq` of the previous page). */
  beforeSeq?: number | undefined;
}

export type AuditExportFilter = Omit<AuditFilter, 'limit' | 'beforeSeq'>;

export interface AuditEntryView {
  seq: number;
  id: string;
  /** ISO-8601 with the Lima offset, as stored. */
  at: string;
  terminalId: string;
  /** `CAJA-01`; null for a terminal this file does not know. */
  terminalCode: string | null;
  userId: string | null;
  userName: string | null;
  approverId: string | null;
  approverName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The entry's JSON, parsed. */
  data: unknown;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `beforeSeq` for the next (older) page; null when there is none. */
  nextBeforeSeq: number | null;
}

export const MAX_PAGE = 500;
/** An export beyond this would not fit in one answer (nor in a spreadsheet someone reads). */
export const MAX_EXPORT_ROWS = 200_000;
const EXPORT_BATCH = 2_000;

/** Entries matching the filter, newest first, one page at a time. */
export function listAudit(sql: Sql, qb: Kysely<Database>, filter: AuditFilter): AuditPage {
  const limit = Math.min(Math.max(1, Math.floor(filter.limit)), MAX_PAGE);
  let query = matching(qb, filter)
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .leftJoin('users as a', 'a.id', 'l.approver_id')
    .leftJoin('terminal as t', 't.id', 'l.terminal_id')
    .select([
      'l.seq',
      'l.id',
      'l.at',
      'l.terminal_id',
      't.code as terminal_code',
      'l.user_id',
      'u.full_name as user_name',
      'l.approver_id',
      'a.full_name as approver_name',
      'l.action',
      'l.entity_type',
      'l.entity_id',
      'l.data',
    ])
    .orderBy('l.seq', 'desc')
    // One extra row tells whether an older page exists.
    .limit(limit + 1);
  if (filter.beforeSeq !== undefined) query = query.where('l.seq', '<', filter.beforeSeq);
  const rows = sql.all(query);
  const page = rows.slice(0, limit);
  const entries = page.map((row): AuditEntryView => ({
    seq: row.seq,
    id: row.id,
    at: row.at,
    terminalId: row.terminal_id,
    terminalCode: row.terminal_code,
    userId: row.user_id,
    userName: row.user_name,
    approverId: row.approver_id,
    approverName: row.approver_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: parseData(row.data),
  }));
  const last = entries[entries.length - 1];
  return { entries, nextBeforeSeq: rows.length > limit && last ? last.seq : null };
}

/** How many entries match (for the export's size check). */
export function countAudit(sql: Sql, qb: Kysely<Database>, filter: AuditExportFilter): number {
  return sql.first(matching(qb, filter).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

/** Every action name the log holds, for the screen's filter. */
export function auditActions(sql: Sql, qb: Kysely<Database>): string[] {
  return sql
    .all(qb.selectFrom('audit_log').select('action').distinct().orderBy('action'))
    .map((r) => r.action);
}

/**
 * The matching entries as a CSV file, newest first: RFC 4180 (commas, CRLF, quotes doubled),
 * with a UTF-8 byte order mark so Excel shows "Ramírez" and not "RamÃ­rez".
 */
export function auditCsv(sql: Sql, qb: Kysely<Database>, filter: AuditExportFilter): string {
  const count = countAudit(sql, qb, filter);
  if (count > MAX_EXPORT_ROWS) throw new AppError('AUDIT_EXPORT_TOO_LARGE', { count, max: MAX_EXPORT_ROWS });
  const lines = [csvLine(CSV_HEADER)];
  let beforeSeq: number | undefined;
  // Paged like the screen: one batch of parsed rows alive at a time, however long the log.
  do {
    const page = listAudit(sql, qb, { ...filter, limit: EXPORT_BATCH, beforeSeq });
    for (const entry of page.entries) lines.push(csvLine(csvRow(entry)));
    beforeSeq = page.nextBeforeSeq ?? undefined;
  } while (beforeSeq !== undefined);
  return `\uFEFF${lines.join('')}`;
}

const CSV_HEADER = [
  'N.º',
  'Fecha y hora',
  'Caja',
  'Usuario',
  'Autorizó',
  'Acción',
  'Entidad',
  'ID de entidad',
  'Detalle',
];

function csvRow(entry: AuditEntryView): string[] {
  return [
    String(entry.seq),
    // `2026-11-23 10:15:30`: Excel reads it as a date and time; the day is Lima's.
    entry.at.slice(0, 19).replace('T', ' '),
    entry.terminalCode ?? entry.terminalId,
    entry.userName ?? '',
    entry.approverName ?? '',
    entry.action,
    entry.entityType,
    entry.entityId ?? '',
    typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data),
  ];
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** RFC 4180 quoting, and a leading apostrophe where a spreadsheet would run the text as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function matching(qb: Kysely<Database>, filter: AuditExportFilter) {
  const from = filter.from === undefined ? undefined : checkedDate(filter.from, 'desde');
  const to = filter.to === undefined ? undefined : checkedDate(filter.to, 'hasta');
  if (from && to && from > to)
    throw new AppError('AUDIT_FILTER_INVALID', { reason: 'la fecha «desde» es posterior a «hasta»' });
  let query = qb.selectFrom('audit_log as l');
  const userId = filter.userId;
  if (userId)
    query = query.where((eb) => eb.or([eb('l.user_id', '=', userId), eb('l.approver_id', '=', userId)]));
  const action = filter.action;
  if (action && filter.actionExact) query = query.where('l.action', '=', action);
  else if (action) {
    // Exact prefix: LIKE would read `_` in `cart.line_removed` as a wildcard.
    query = query.where((eb) =>
      eb(eb.fn('substr', ['l.action', eb.val(1), eb.val(action.length)]), '=', action),
    );
  }
  // Entries carry Lima's offset (`2026-11-23T21:05:09-05:00`), so text order is time order
  // and a Lima day is the range [day, next day).
  if (from) query = query.where('l.at', '>=', from);
  if (to) query = query.where('l.at', '<', nextDay(to));
  return query;
}

function checkedDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value)
    throw new AppError('AUDIT_FILTER_INVALID', { reason: `la fecha «${field}» (${value}) no existe` });
  return value;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The column checks json_valid, but a tampered file may not: show what is there.
    return text;
  }
}
