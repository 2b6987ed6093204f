import { hashAuditEntry } from '../../../src-main/audit/audit-log';
import { documentNumber } from '../../../src-main/sales/sale-view';
import type { PushRecord } from '../../../src-main/sync/protocol';
import type { TerminalPrincipal } from '../hq-context';
import { reasons } from './ingest-reasons';
import type { ParsedRecord } from './parsed-record';

/**
 * Checks that need nothing but the record itself and who sent it. Everything PostgreSQL
 * would refuse on its own (a bad date, an integer column overflow, a NUL byte) is caught
 * here, so one bad record is rejected instead of aborting the whole batch.
 */
export function checkRecord(parsed: ParsedRecord, principal: TerminalPrincipal): string | null {
  return (
    badTextIn(parsed.record.payload) ?? ownershipProblem(parsed, principal) ?? shapeProblem(parsed) ?? null
  );
}

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// PostgreSQL text cannot hold NUL, and jsonb refuses lone UTF-16 surrogates.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * An id or topic PostgreSQL cannot even store (a NUL byte): such a record cannot be kept in
 * received_records, so it is answered `rejected` without being stored.
 */
export function unstorableEnvelope(record: PushRecord): string | null {
  return badTextIn(record.id, 'id') ?? badTextIn(record.topic, 'topic');
}

export function unstorableText(value: string): string | null {
  return badTextIn(value, 'texto');
}

function badTextIn(value: unknown, path = 'payload'): string | null {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? reasons.badText(path) : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = badTextIn(item, `${path}.${index}`);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (BAD_TEXT.test(key)) return reasons.badText(path);
      const problem = badTextIn(item, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function instantProblem(field: string, value: string): string | null {
  const match = INSTANT.exec(value);
  const ok = match !== null && isCalendarDate(match[1] ?? '') && Number.isFinite(Date.parse(value));
  return ok ? null : reasons.invalidInstant(field, value);
}

function dateProblem(field: string, value: string): string | null {
  return isCalendarDate(value) ? null : reasons.invalidDate(field, value);
}

function int4Problem(field: string, value: number | null): string | null {
  return value === null || (value >= INT4_MIN && value <= INT4_MAX) ? null : reasons.outOfRange(field, value);
}

function allDistinct(values: Array<string | number>): boolean {
  return new Set(values).size === values.length;
}

function first(...problems: Array<string | null>): string | null {
  return problems.find((p) => p !== null) ?? null;
}

/** Any terminal or store named in the payload must be the sender's: a forged or other-store write is refused. */
function ownershipProblem(parsed: ParsedRecord, principal: TerminalPrincipal): string | null {
  const own = (terminalId: string, storeId: string = principal.storeId) =>
    terminalId === principal.terminalId && storeId === principal.storeId ? null : reasons.otherOwner();
  switch (parsed.topic) {
    case 'sale.completed.v2':
    case 'note.issued.v2':
      return own(parsed.payload.terminalId, parsed.payload.storeId);
    case 'sale.voided.v2':
    case 'fiscal.status.v1':
    case 'stock.movement.v1':
    case 'cash_session.opened.v1':
    case 'audit.entry.v1':
      return own(parsed.payload.terminalId);
    case 'cash_movement.recorded.v1':
    case 'cash_session.closed.v1':
      // They name only their session: checked against the session HQ holds.
      return null;
  }
}

function shapeProblem(parsed: ParsedRecord): string | null {
  switch (parsed.topic) {
    case 'sale.completed.v2': {
      const p = parsed.payload;
      const number = documentNumber(p.serie, p.correlativo);
      const sum = p.gravadasCents + p.exoneradasCents + p.inafectasCents + p.igvCents + p.icbperCents;
      return first(
        instantProblem('issuedAt', p.issuedAt),
        dateProblem('issueDate', p.issueDate),
        int4Problem('correlativo', p.correlativo),
        ...p.lines.map((l) => int4Problem('lines.lineNo', l.lineNo)),
        ...p.payments.map((x) =>
          first(int4Problem('payments.seq', x.seq), int4Problem('payments.rateE4', x.rateE4)),
        ),
        sum === p.totalCents ? null : reasons.saleTotalsMismatch(number),
        allDistinct(p.lines.map((l) => l.lineNo)) &&
          allDistinct(p.lines.map((l) => l.id)) &&
          allDistinct(p.payments.map((x) => x.seq)) &&
          allDistinct(p.payments.map((x) => x.id))
          ? null
          : reasons.repeatedLine(number),
      );
    }
    case 'note.issued.v2': {
      const p = parsed.payload;
      return first(
        instantProblem('issuedAt', p.issuedAt),
        dateProblem('issueDate', p.issueDate),
        int4Problem('correlativo', p.correlativo),
        ...p.lines.map((l) => int4Problem('lines.lineNo', l.lineNo)),
        allDistinct(p.lines.map((l) => l.id))
          ? null
          : reasons.repeatedLine(documentNumber(p.serie, p.correlativo)),
      );
    }
    case 'sale.voided.v2':
      return instantProblem('voidedAt', parsed.payload.voidedAt);
    case 'fiscal.status.v1':
      return first(
        instantProblem('at', parsed.payload.at),
        int4Problem('correlativo', parsed.payload.correlativo),
      );
    case 'stock.movement.v1':
      return instantProblem('createdAt', parsed.payload.createdAt);
    case 'cash_session.opened.v1':
      return first(
        instantProblem('openedAt', parsed.payload.openedAt),
        int4Problem('number', parsed.payload.number),
      );
    case 'cash_movement.recorded.v1':
      return instantProblem('at', parsed.payload.at);
    case 'cash_session.closed.v1':
      return instantProblem('closedAt', parsed.payload.closedAt);
    case 'audit.entry.v1': {
      const p = parsed.payload;
      // The entry's own hash covers all its fields and the previous hash: an edited entry no longer matches.
      const hash = hashAuditEntry({
        id: p.id,
        at: p.at,
        terminal_id: p.terminalId,
        user_id: p.userId,
        approver_id: p.approverId,
        action: p.action,
        entity_type: p.entityType,
        entity_id: p.entityId,
        data: p.data,
        prev_hash: p.prevHash,
      });
      return first(instantProblem('at', p.at), hash === p.hash ? null : reasons.auditTampered(p.seq));
    }
  }
}
