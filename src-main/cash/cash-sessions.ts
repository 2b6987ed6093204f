import type { Selectable } from 'kysely';
import type { CashSessionTable } from '../../db/schema';
import type { CoreContext } from '../core/context';
import type { CashReportView } from '../devices/printer/cash-report-document';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import type { Actor } from '../users/authenticator';
import { roleCan } from '../users/roles';
import { cashCountSchema, countRows, countTotals, EMPTY_COUNT, type CashCount } from './denominations';
import { sessionTotals, type SessionTotals } from './session-totals';

type SessionRow = Selectable<CashSessionTable>;

export interface CashMovementView {
  id: string;
  kind: 'in' | 'out';
  amountCents: number;
  reason: string;
  by: string;
  approvedBy: string | null;
  at: string;
}

export interface CashSessionView {
  id: string;
  number: number;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  floatCents: number;
  closedAt: string | null;
  closedBy: string | null;
  movements: CashMovementView[];
  /** Null when the close is blind and this person counts without seeing what is expected. */
  totals: SessionTotals | null;
  /** The count must be made without seeing the expected amounts. */
  blindClose: boolean;
}

export interface CloseInput {
  count: CashCount;
  /** What the card terminal's batch and the wallet app say; null when not checked. */
  cardCents: number | null;
  walletCents: number | null;
  reason?: string | undefined;
}

export interface CloseOutcome {
  session: CashSessionView;
  report: CashReportView;
}

/**
 * The drawer's cash session: opened with a counted float, moved by cash in and out, closed
 * by a count by denomination against what the rows say should be there. Each step is one
 * transaction with its audit entry and outbox row.
 */
export class CashSessions {
  constructor(private readonly ctx: CoreContext) {}

  private now(): string {
    return limaTimestamp(this.ctx.clock.now());
  }

  private openRow(): SessionRow | undefined {
    const { sql, qb, terminal } = this.ctx;
    return sql.first(
      qb
        .selectFrom('cash_sessions')
        .selectAll()
        .where('terminal_id', '=', terminal.terminalId)
        .where('status', '=', 'open'),
    );
  }

  private row(sessionId: string): SessionRow {
    const row = this.ctx.sql.first(
      this.ctx.qb.selectFrom('cash_sessions').selectAll().where('id', '=', sessionId),
    );
    if (!row) throw new AppError('CASH_SESSION_NOT_FOUND');
    return row;
  }

  /** Called inside a sale's, return's or void's transaction: the session it belongs to. */
  requireOpenId(): string {
    const row = this.openRow();
    if (!row) throw new AppError('CASH_SESSION_REQUIRED');
    return row.id;
  }

  /** The open session's id, or null (returns refunded by card need no drawer). */
  openId(): string | null {
    return this.openRow()?.id ?? null;
  }

  open(actor: Actor, approverId: string | null, countInput: unknown): CashSessionView {
    const count = this.parseCount(countInput);
    const { sql, qb, terminal, audit, outbox } = this.ctx;
    const id = sql.transaction(() => {
      if (this.openRow()) throw new AppError('CASH_SESSION_ALREADY_OPEN');
      const last = sql.first(
        qb
          .selectFrom('cash_sessions')
          .select((eb) => eb.fn.max('number').as('n'))
          .where('terminal_id', '=', terminal.terminalId),
      );
      const row: SessionRow = {
        id: newId(),
        terminal_id: terminal.terminalId,
        number: Number(last?.n ?? 0) + 1,
        status: 'open',
        opened_at: this.now(),
        opened_by: actor.userId,
        float_cents: countTotals(count).penCents,
        float_count: JSON.stringify(count),
        closed_at: null,
        closed_by: null,
        confirmed_by: null,
        blind: 0,
        close_reason: null,
        difference_cents: null,
        report: null,
      };
      sql.run(qb.insertInto('cash_sessions').values(row));
      audit.append({
        action: 'cash.session_opened',
        entityType: 'cash_session',
        entityId: row.id,
        userId: actor.userId,
        approverId,
        data: { number: row.number, floatCents: row.float_cents, count },
      });
      outbox.enqueue('cash_session.opened.v1', row.id, {
        id: row.id,
        terminalId: terminal.terminalId,
        number: row.number,
        openedAt: row.opened_at,
        openedBy: row.opened_by,
        floatCents: row.float_cents,
        floatCount: count,
      });
      return row.id;
    });
    return this.view(id, actor);
  }

  move(
    actor: Actor,
    approverId: string | null,
    input: { kind: 'in' | 'out'; amountCents: number; reason: string },
  ): CashSessionView {
    const { sql, qb, audit, outbox } = this.ctx;
    const sessionId = sql.transaction(() => {
      const session = this.openRow();
      if (!session) throw new AppError('CASH_SESSION_REQUIRED');
      if (input.kind === 'out') {
        const available = sessionTotals(sql, session.id, session.float_cents).expected.penCents;
        if (input.amountCents > available)
          throw new AppError('CASH_OUT_EXCEEDS', { availableCents: available });
      }
      const movement = {
        id: newId(),
        session_id: session.id,
        kind: input.kind,
        amount_cents: input.amountCents,
        reason: input.reason,
        user_id: actor.userId,
        approver_id: approverId,
        at: this.now(),
      };
      sql.run(qb.insertInto('cash_movements').values(movement));
      audit.append({
        action: input.kind === 'in' ? 'cash.cash_in' : 'cash.cash_out',
        entityType: 'cash_session',
        entityId: session.id,
        userId: actor.userId,
        approverId,
        data: { amountCents: input.amountCents, reason: input.reason, movementId: movement.id },
      });
      outbox.enqueue('cash_movement.recorded.v1', movement.id, movement);
      return session.id;
    });
    return this.view(sessionId, actor);
  }

  /**
   * The Z close. Runs in one transaction, so a sale is either in before the close (and
   * counted) or finds no open session; never both, never neither.
   */
  close(
    actor: Actor,
    approver: Actor | null,
    input: CloseInput,
    overLimitApprover: Actor | null,
  ): CloseOutcome {
    const count = this.parseCount(input.count);
    const { sql, qb, audit, outbox, settings } = this.ctx;
    const id = sql.transaction(() => {
      const session = this.openRow();
      if (!session) throw new AppError('CASH_SESSION_REQUIRED');
      const totals = sessionTotals(sql, session.id, session.float_cents);
      const counted = countTotals(count);
      const differenceCents = counted.penCents - totals.expected.penCents;
      const usdDifference = counted.usdCents - totals.expected.usdCents;
      const limit = settings.get('cash.closeDifferenceLimitCents');
      const overLimit = Math.abs(differenceCents) > limit || Math.abs(usdDifference) > limit;
      const reason = input.reason?.trim() || null;
      if (overLimit) {
        const admin = [actor, approver, overLimitApprover].find(
          (p) => p && roleCan(p.role, 'cash.closeOverLimit'),
        );
        if (!admin) throw new AppError('CASH_CLOSE_OVER_LIMIT', { differenceCents, limitCents: limit });
        if (!reason || reason.length < 5) throw new AppError('CASH_CLOSE_REASON_REQUIRED');
      }
      const closedAt = this.now();
      const report = this.reportFrom(session, totals, {
        kind: 'Z',
        closedAt,
        closedBy: actor,
        count,
        cardCents: input.cardCents,
        walletCents: input.walletCents,
      });
      const blind = settings.get('cash.blindClose') ? 1 : 0;
      sql.run(
        qb
          .updateTable('cash_sessions')
          .set({
            status: 'closed',
            closed_at: closedAt,
            closed_by: actor.userId,
            confirmed_by: approver?.userId ?? actor.userId,
            blind,
            close_reason: reason,
            difference_cents: differenceCents,
            report: JSON.stringify(report),
          })
          .where('id', '=', session.id),
      );
      audit.append({
        action: 'cash.session_closed',
        entityType: 'cash_session',
        entityId: session.id,
        userId: actor.userId,
        approverId: overLimitApprover?.userId ?? approver?.userId ?? null,
        data: {
          number: session.number,
          count,
          expected: totals.expected,
          differenceCents,
          usdDifference,
          reason,
          blind,
        },
      });
      outbox.enqueue('cash_session.closed.v1', session.id, { id: session.id, closedAt, report, count });
      return session.id;
    });
    const row = this.row(id);
    return { session: this.view(id, actor), report: JSON.parse(row.report ?? 'null') as CashReportView };
  }

  current(viewer: Actor): CashSessionView | null {
    const row = this.openRow();
    return row ? this.view(row.id, viewer) : null;
  }

  /** X report of the open session, or the frozen Z of a closed one (a reprint says COPIA). */
  report(sessionId: string | undefined, viewer: Actor): CashReportView {
    const row = sessionId ? this.row(sessionId) : this.openRow();
    if (!row) throw new AppError('CASH_SESSION_REQUIRED');
    if (row.status === 'closed') return { ...(JSON.parse(row.report ?? '{}') as CashReportView), copy: true };
    const totals = sessionTotals(this.ctx.sql, row.id, row.float_cents);
    return this.reportFrom(row, totals, {
      kind: 'X',
      closedAt: null,
      closedBy: viewer,
      count: EMPTY_COUNT,
      cardCents: null,
      walletCents: null,
    });
  }

  /** Closed sessions of this terminal, newest first (Z reprints and exports). */
  closed(
    limit: number,
  ): Array<{ id: string; number: number; openedAt: string; closedAt: string; differenceCents: number }> {
    const { sql, qb, terminal } = this.ctx;
    return sql
      .all(
        qb
          .selectFrom('cash_sessions')
          .select(['id', 'number', 'opened_at', 'closed_at', 'difference_cents'])
          .where('terminal_id', '=', terminal.terminalId)
          .where('status', '=', 'closed')
          .orderBy('number', 'desc')
          .limit(limit),
      )
      .map((r) => ({
        id: r.id,
        number: r.number,
        openedAt: r.opened_at,
        closedAt: r.closed_at ?? '',
        differenceCents: r.difference_cents ?? 0,
      }));
  }

  /** The report's rows; for an X, `closedBy` is only who printed it and is not shown as closing. */
  private reportFrom(
    row: SessionRow,
    totals: SessionTotals,
    close: {
      kind: 'X' | 'Z';
      closedAt: string | null;
      closedBy: Actor;
      count: CashCount;
      cardCents: number | null;
      walletCents: number | null;
    },
  ): CashReportView {
    const store = this.ctx.sql.first(this.ctx.qb.selectFrom('store').select(['trade_name', 'ruc']));
    const isZ = close.kind === 'Z';
    const counted = countTotals(close.count);
    const movementRows = this.ctx.sql.all(
      this.ctx.qb
        .selectFrom('cash_movements')
        .select(['kind', 'reason', 'amount_cents'])
        .where('session_id', '=', row.id)
        .orderBy('at'),
    );
    return {
      kind: close.kind,
      store: { tradeName: store?.trade_name ?? '', ruc: store?.ruc ?? '' },
      terminalCode: this.ctx.terminal.terminalCode,
      sessionNumber: row.number,
      openedAt: row.opened_at,
      openedBy: this.userName(row.opened_by) ?? '',
      closedAt: isZ ? close.closedAt : null,
      closedBy: isZ ? close.closedBy.fullName : null,
      printedAt: this.now(),
      copy: false,
      floatCents: row.float_cents,
      salesCount: totals.salesCount,
      salesTotalCents: totals.salesTotalCents,
      methods: [
        {
          label: 'Efectivo S/',
          expectedCents: totals.expected.penCents,
          countedCents: isZ ? counted.penCents : null,
        },
        {
          label: 'Dólares US$',
          expectedCents: totals.expected.usdCents,
          countedCents: isZ ? counted.usdCents : null,
        },
        {
          label: 'Tarjeta',
          expectedCents: totals.expected.cardCents,
          countedCents: isZ ? close.cardCents : null,
        },
        {
          label: 'Yape/Plin',
          expectedCents: totals.expected.walletCents,
          countedCents: isZ ? close.walletCents : null,
        },
      ],
      movements: movementRows.map((m) => ({ kind: m.kind, reason: m.reason, amountCents: m.amount_cents })),
      denominations: isZ ? countRows(close.count) : [],
      expectedCashCents: totals.expected.penCents,
      countedCashCents: isZ ? counted.penCents : null,
    };
  }

  private parseCount(input: unknown): CashCount {
    const parsed = cashCountSchema.safeParse(input);
    if (!parsed.success)
      throw new AppError('CASH_COUNT_INVALID', { reason: parsed.error.issues[0]?.message ?? '' });
    return parsed.data;
  }

  private userName(userId: string | null): string | null {
    if (!userId) return null;
    return this.ctx.users.byId(userId)?.fullName ?? userId;
  }

  private view(sessionId: string, viewer: Actor): CashSessionView {
    const row = this.row(sessionId);
    const { sql, qb, settings } = this.ctx;
    const movements = sql
      .all(qb.selectFrom('cash_movements').selectAll().where('session_id', '=', sessionId).orderBy('at'))
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        amountCents: m.amount_cents,
        reason: m.reason,
        by: this.userName(m.user_id) ?? '',
        approvedBy: this.userName(m.approver_id),
        at: m.at,
      }));
    const blindClose = settings.get('cash.blindClose');
    const maySee = !blindClose || roleCan(viewer.role, 'cash.manage') || row.status === 'closed';
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      openedAt: row.opened_at,
      openedBy: this.userName(row.opened_by) ?? '',
      floatCents: row.float_cents,
      closedAt: row.closed_at,
      closedBy: this.userName(row.closed_by),
      movements,
      totals: maySee ? sessionTotals(sql, row.id, row.float_cents) : null,
      blindClose,
    };
  }
}
