import { documentNumber } from '../../../src-main/sales/sale-view';
import type { TerminalPrincipal } from '../hq-context';
import { reasons } from './ingest-reasons';
import { numberKey, type KnownState } from './known-state';
import type { ParsedRecord } from './parsed-record';

/**
 * Goes through the records in seq order and decides which ones headquarters applies: a
 * reference must be to something HQ holds (or an earlier record of the batch brings) in the
 * sender's store, and a business duplicate (a serie-correlativo already used, a second
 * void) is rejected here, before anything is written, so it never aborts the batch.
 * `known` grows with every accepted record.
 */
export function decideRecords(
  records: ParsedRecord[],
  known: KnownState,
  principal: TerminalPrincipal,
): { accepted: ParsedRecord[]; rejected: Map<string, string> } {
  const accepted: ParsedRecord[] = [];
  const rejected = new Map<string, string>();
  for (const parsed of records) {
    const problem = referenceProblem(parsed, known, principal);
    if (problem === null) {
      accept(parsed, known, principal);
      accepted.push(parsed);
    } else {
      rejected.set(parsed.record.id, problem);
    }
  }
  return { accepted, rejected };
}

function sessionProblem(
  sessionId: string | null,
  known: KnownState,
  principal: TerminalPrincipal,
): string | null {
  if (sessionId === null) return null;
  const session = known.sessions.get(sessionId);
  // A session HQ never heard of may predate sync: the sale is still the terminal's own.
  if (!session) return null;
  return session.terminalId === principal.terminalId ? null : reasons.sessionOfOtherTerminal(sessionId);
}

function referenceProblem(
  parsed: ParsedRecord,
  known: KnownState,
  principal: TerminalPrincipal,
): string | null {
  const store = principal.storeId;
  switch (parsed.topic) {
    case 'sale.completed.v2': {
      const p = parsed.payload;
      if (known.sales.has(p.id)) return reasons.saleAlreadyReceived(documentNumber(p.serie, p.correlativo));
      if (known.saleNumbers.has(numberKey(p.serie, p.correlativo)))
        return reasons.saleNumberTaken(p.serie, p.correlativo);
      const children = [...p.lines.map((l) => l.id), ...p.payments.map((x) => x.id)];
      if (children.some((id) => known.childIds.has(id)))
        return reasons.repeatedLine(documentNumber(p.serie, p.correlativo));
      return sessionProblem(p.cashSessionId, known, principal);
    }
    case 'note.issued.v2': {
      const p = parsed.payload;
      const number = documentNumber(p.serie, p.correlativo);
      if (known.notes.has(p.id)) return reasons.noteAlreadyReceived(number);
      if (known.noteNumbers.has(numberKey(p.serie, p.correlativo)))
        return reasons.noteNumberTaken(p.serie, p.correlativo);
      const sale = known.sales.get(p.saleId);
      if (!sale) return reasons.saleMissing(p.saleId, `nota ${number}`);
      if (sale.storeId !== store) return reasons.saleOfOtherStore(p.saleId);
      if (p.lines.some((l) => known.childIds.has(l.id))) return reasons.repeatedLine(number);
      return sessionProblem(p.cashSessionId, known, principal);
    }
    case 'sale.voided.v2': {
      const p = parsed.payload;
      const sale = known.sales.get(p.saleId);
      if (!sale) return reasons.saleMissing(p.saleId, 'anulación');
      if (sale.storeId !== store) return reasons.saleOfOtherStore(p.saleId);
      if (sale.voided) return reasons.saleAlreadyVoided(sale.number);
      return sessionProblem(p.cashSessionId, known, principal);
    }
    case 'fiscal.status.v1': {
      const p = parsed.payload;
      const document = known.fiscalDocuments.get(p.documentId);
      if (document && (document.storeId !== store || document.terminalId !== principal.terminalId))
        return reasons.fiscalDocumentOfOther(`${p.serie}-${p.correlativo}`);
      // The terminal may report a document's status before the sale itself arrives (both are
      // written in the same terminal transaction): an unknown sale is linked when it comes.
      const sale = p.saleId === null ? undefined : known.sales.get(p.saleId);
      if (sale && sale.storeId !== store) return reasons.saleOfOtherStore(p.saleId ?? '');
      const note = p.noteId === null ? undefined : known.notes.get(p.noteId);
      if (note && note.storeId !== store) return reasons.noteOfOtherStore(p.noteId ?? '');
      return null;
    }
    case 'stock.movement.v1': {
      const p = parsed.payload;
      if (known.stockMovementIds.has(p.id)) return reasons.stockMovementRepeated(p.id);
      // A sale's movements may come before the sale: the ledger is the store's either way.
      const sale = p.saleId === null ? undefined : known.sales.get(p.saleId);
      if (sale && sale.storeId !== store) return reasons.saleOfOtherStore(p.saleId ?? '');
      return null;
    }
    case 'cash_session.opened.v1': {
      const p = parsed.payload;
      const session = known.sessions.get(p.id);
      if (!session) return null;
      return session.terminalId === principal.terminalId
        ? reasons.sessionAlreadyReceived(p.number)
        : reasons.sessionOfOtherTerminal(p.id);
    }
    case 'cash_movement.recorded.v1': {
      const p = parsed.payload;
      const session = known.sessions.get(p.session_id);
      if (!session) return reasons.sessionMissing(p.session_id);
      if (session.terminalId !== principal.terminalId) return reasons.sessionOfOtherTerminal(p.session_id);
      return known.cashMovementIds.has(p.id) ? reasons.cashMovementRepeated(p.id) : null;
    }
    case 'cash_session.closed.v1': {
      const p = parsed.payload;
      const session = known.sessions.get(p.id);
      if (!session) return reasons.sessionMissing(p.id);
      if (session.terminalId !== principal.terminalId) return reasons.sessionOfOtherTerminal(p.id);
      return session.status === 'closed' ? reasons.sessionAlreadyClosed(p.id) : null;
    }
    case 'audit.entry.v1': {
      const p = parsed.payload;
      return known.auditIds.has(p.id) || known.auditSeqs.has(p.seq) ? reasons.auditRepeated(p.seq) : null;
    }
  }
}

function accept(parsed: ParsedRecord, known: KnownState, principal: TerminalPrincipal): void {
  switch (parsed.topic) {
    case 'sale.completed.v2': {
      const p = parsed.payload;
      const number = numberKey(p.serie, p.correlativo);
      known.sales.set(p.id, { storeId: principal.storeId, number, voided: false });
      known.saleNumbers.set(number, p.id);
      for (const line of p.lines) known.childIds.add(line.id);
      for (const payment of p.payments) known.childIds.add(payment.id);
      return;
    }
    case 'note.issued.v2': {
      const p = parsed.payload;
      known.notes.set(p.id, { storeId: principal.storeId });
      known.noteNumbers.set(numberKey(p.serie, p.correlativo), p.id);
      for (const line of p.lines) known.childIds.add(line.id);
      return;
    }
    case 'sale.voided.v2': {
      const sale = known.sales.get(parsed.payload.saleId);
      if (sale) sale.voided = true;
      return;
    }
    case 'fiscal.status.v1':
      known.fiscalDocuments.set(parsed.payload.documentId, {
        storeId: principal.storeId,
        terminalId: principal.terminalId,
      });
      return;
    case 'stock.movement.v1':
      known.stockMovementIds.add(parsed.payload.id);
      return;
    case 'cash_session.opened.v1':
      known.sessions.set(parsed.payload.id, { terminalId: principal.terminalId, status: 'open' });
      return;
    case 'cash_movement.recorded.v1':
      known.cashMovementIds.add(parsed.payload.id);
      return;
    case 'cash_session.closed.v1': {
      const session = known.sessions.get(parsed.payload.id);
      if (session) session.status = 'closed';
      return;
    }
    case 'audit.entry.v1':
      known.auditIds.add(parsed.payload.id);
      known.auditSeqs.add(parsed.payload.seq);
      return;
  }
}
