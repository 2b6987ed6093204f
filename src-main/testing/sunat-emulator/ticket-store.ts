/**
 * Summary tickets (RC/RA): answered `98` for a scripted number of polls, then `0` with the CDR
 * or `99` with the error CDR — what getStatus does at SUNAT (sunat.md §1.2).
 */

export interface TicketOutcome {
  statusCode: '0' | '99';
  cdrZip: Uint8Array;
}

interface TicketRecord {
  ruc: string;
  documentName: string;
  pendingPolls: number;
  outcome: TicketOutcome;
}

export type TicketPoll =
  | { kind: 'unknown' }
  | { kind: 'foreign' }
  | { kind: 'pending' }
  | ({ kind: 'done'; documentName: string } & TicketOutcome);

export class TicketStore {
  private readonly tickets = new Map<string, TicketRecord>();
  private sequence = 0;

  constructor(private readonly now: () => Date) {}

  create(record: {
    ruc: string;
    documentName: string;
    pendingPolls: number;
    outcome: TicketOutcome;
  }): string {
    // SUNAT tickets are long digit strings (e.g. 201702781732225): year + a running number.
    this.sequence += 1;
    const ticket = `${this.now().getUTCFullYear()}${String(Date.now() % 1e9).padStart(9, '0')}${String(this.sequence).padStart(2, '0')}`;
    this.tickets.set(ticket, { ...record, pendingPolls: Math.max(0, Math.floor(record.pendingPolls)) });
    return ticket;
  }

  poll(ticket: string, ruc: string): TicketPoll {
    const record = this.tickets.get(ticket);
    if (!record) return { kind: 'unknown' };
    if (record.ruc !== ruc) return { kind: 'foreign' };
    if (record.pendingPolls > 0) {
      record.pendingPolls -= 1;
      return { kind: 'pending' };
    }
    return { kind: 'done', documentName: record.documentName, ...record.outcome };
  }

  clear(): void {
    this.tickets.clear();
  }
}
