import type { Sql } from '../storage/sql';

/** Money by where it ends up: the soles drawer, the dollar drawer, the card batch, the wallets. */
export interface MethodAmounts {
  penCents: number;
  usdCents: number;
  cardCents: number;
  walletCents: number;
}

export interface SessionTotals {
  floatCents: number;
  salesCount: number;
  salesTotalCents: number;
  /** What the session's sales brought in (soles net of the change handed back, in soles, for any tender). */
  sales: MethodAmounts;
  /** What voids in this session handed back, by the sale's own methods. */
  voids: MethodAmounts;
  /** What returns in this session refunded. */
  refunds: MethodAmounts;
  cashInCents: number;
  cashOutCents: number;
  /** What should be there now. */
  expected: MethodAmounts;
}

interface PaymentSums {
  cash_net: number;
  usd: number;
  usd_change: number;
  card: number;
  wallet: number;
}

const PAYMENT_SUMS = `
  COALESCE(SUM(CASE WHEN p.method = 'cash' THEN p.tendered_cents - p.change_cents END), 0) AS cash_net,
  COALESCE(SUM(CASE WHEN p.method = 'usd' THEN p.usd_cents END), 0) AS usd,
  COALESCE(SUM(CASE WHEN p.method = 'usd' THEN p.change_cents END), 0) AS usd_change,
  COALESCE(SUM(CASE WHEN p.method = 'card' THEN p.amount_cents END), 0) AS card,
  COALESCE(SUM(CASE WHEN p.method = 'wallet' THEN p.amount_cents END), 0) AS wallet`;

/** Change for a dollar payment is given in soles, out of the soles drawer. */
function amounts(sums: PaymentSums | undefined): MethodAmounts {
  if (!sums) return { penCents: 0, usdCents: 0, cardCents: 0, walletCents: 0 };
  return {
    penCents: sums.cash_net - sums.usd_change,
    usdCents: sums.usd,
    cardCents: sums.card,
    walletCents: sums.wallet,
  };
}

function minus(a: MethodAmounts, ...others: MethodAmounts[]): MethodAmounts {
  const keys: Array<keyof MethodAmounts> = ['penCents', 'usdCents', 'cardCents', 'walletCents'];
  return Object.fromEntries(
    keys.map((key) => [key, others.reduce((value, other) => value - other[key], a[key])]),
  ) as unknown as MethodAmounts;
}

/**
 * The arithmetic of one session, all in integer céntimos, straight from the rows: sales and
 * their payments, voids and refunds recorded in the session, cash in and out.
 */
export function sessionTotals(sql: Sql, sessionId: string, floatCents: number): SessionTotals {
  const [sales] = sql.raw<PaymentSums>(
    `SELECT ${PAYMENT_SUMS} FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.cash_session_id = ?`,
    [sessionId],
  );
  const [voids] = sql.raw<PaymentSums>(
    `SELECT ${PAYMENT_SUMS} FROM payments p JOIN sale_voids v ON v.sale_id = p.sale_id WHERE v.cash_session_id = ?`,
    [sessionId],
  );
  const [counts] = sql.raw<{ n: number; total: number }>(
    'SELECT COUNT(*) AS n, COALESCE(SUM(total_cents), 0) AS total FROM sales WHERE cash_session_id = ?',
    [sessionId],
  );
  const refundRows = sql.raw<{ method: string; cents: number }>(
    `SELECT refund_method AS method, COALESCE(SUM(refund_cents), 0) AS cents FROM notes
      WHERE cash_session_id = ? AND refund_method IS NOT NULL GROUP BY refund_method`,
    [sessionId],
  );
  const refund = (method: string) => refundRows.find((row) => row.method === method)?.cents ?? 0;
  const refunds: MethodAmounts = {
    penCents: refund('cash'),
    usdCents: 0,
    cardCents: refund('card'),
    walletCents: refund('wallet'),
  };
  const [moves] = sql.raw<{ cash_in: number; cash_out: number }>(
    `SELECT COALESCE(SUM(CASE WHEN kind = 'in' THEN amount_cents END), 0) AS cash_in,
            COALESCE(SUM(CASE WHEN kind = 'out' THEN amount_cents END), 0) AS cash_out
       FROM cash_movements WHERE session_id = ?`,
    [sessionId],
  );
  const cashInCents = moves?.cash_in ?? 0;
  const cashOutCents = moves?.cash_out ?? 0;
  const salesAmounts = amounts(sales);
  const voidAmounts = amounts(voids);
  const beforeDrawer = minus(salesAmounts, voidAmounts, refunds);
  return {
    floatCents,
    salesCount: counts?.n ?? 0,
    salesTotalCents: counts?.total ?? 0,
    sales: salesAmounts,
    voids: voidAmounts,
    refunds,
    cashInCents,
    cashOutCents,
    expected: { ...beforeDrawer, penCents: floatCents + beforeDrawer.penCents + cashInCents - cashOutCents },
  };
}
