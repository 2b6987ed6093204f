import { z } from 'zod';
import type { CashSessionView, CloseOutcome } from '../cash/cash-sessions';
import type { SessionTotals } from '../cash/session-totals';
import type { CashReportView } from '../devices/printer/cash-report-document';
import type { PrintJobView } from '../devices/device-views';
import { approval, cents, id, method, none } from './spec';

export type { CashReportView, CashSessionView, CloseOutcome, SessionTotals };

export interface ClosedSessionSummary {
  id: string;
  number: number;
  openedAt: string;
  closedAt: string;
  differenceCents: number;
}

/** Counts by denomination (keys: the value in céntimos); the core checks the denominations. */
const count = z
  .object({
    pen: z.record(z.string(), z.number().int().min(0).max(100_000)),
    usd: z.record(z.string(), z.number().int().min(0).max(100_000)),
  })
  .strict();
const reason = z.string().trim().min(2).max(200);

export const cashContract = {
  /** The open session of this terminal (null: the drawer is closed). */
  'cash.current': method<CashSessionView | null>()({ input: none, permission: 'cash.in' }),
  'cash.open': method<CashSessionView>()({
    input: z.object({ count, approval: approval.optional() }).strict(),
    permission: 'cash.manage',
    approvable: true,
  }),
  'cash.cashIn': method<CashSessionView>()({
    input: z.object({ amountCents: cents.min(1), reason }).strict(),
    permission: 'cash.in',
  }),
  'cash.cashOut': method<CashSessionView>()({
    input: z.object({ amountCents: cents.min(1), reason, approval: approval.optional() }).strict(),
    permission: 'cash.out',
    approvable: true,
  }),
  /** The Z close; a cashier's count is confirmed by a supervisor's PIN, a large difference by an administrador's. */
  'cash.close': method<CloseOutcome>()({
    input: z
      .object({
        count,
        cardCents: cents.nullable(),
        walletCents: cents.nullable(),
        reason: z.string().trim().max(500).optional(),
        approval: approval.optional(),
        adminApproval: approval.optional(),
      })
      .strict(),
    permission: 'cash.manage',
    approvable: true,
  }),
  /** X report of the open session, or the Z of a closed one (marked COPIA). */
  'cash.report': method<CashReportView>()({
    input: z.object({ sessionId: id.optional() }).strict(),
    permission: 'cash.manage',
  }),
  'cash.printReport': method<PrintJobView>()({
    input: z.object({ sessionId: id.optional() }).strict(),
    permission: 'cash.manage',
  }),
  'cash.closedSessions': method<ClosedSessionSummary[]>()({ input: none, permission: 'cash.manage' }),
  'cash.exportZ': method<{ fileName: string; csv: string }>()({
    input: z.object({ sessionId: id }).strict(),
    permission: 'cash.manage',
  }),
} as const;
