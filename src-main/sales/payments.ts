import { AppError } from '../shared/errors';
import { roundDiv } from '../shared/money';

/**
 * Turns what the customer hands over into the payments a sale records: card and
 * wallet amounts are exact, cash in soles or dollars covers the rest and only cash
 * gives change (always in soles). Any split of these is allowed.
 */

export type WalletProvider = 'yape' | 'plin';

export type PaymentInput =
  | { method: 'cash'; tenderedCents: number }
  | { method: 'card'; amountCents: number; brand?: string | undefined; reference?: string | undefined }
  | { method: 'wallet'; wallet: WalletProvider; amountCents: number; operationNumber: string }
  | { method: 'usd'; usdCents: number };

export type PaymentMethod = PaymentInput['method'];

export interface SettledPayment {
  method: PaymentMethod;
  /** Soles applied to the sale. */
  amountCents: number;
  /** Soles handed over (cash) or their equivalent (USD at the day's rate). */
  tenderedCents: number;
  /** Change given back in soles out of this payment. */
  changeCents: number;
  usdCents: number | null;
  /** Soles per dollar × 10 000 (3.7450 → 37450). */
  rateE4: number | null;
  wallet: WalletProvider | null;
  cardBrand: string | null;
  reference: string | null;
}

export interface Settlement {
  payments: SettledPayment[];
  paidCents: number;
  changeCents: number;
}

export const METHOD_NAMES: Record<PaymentMethod, string> = {
  cash: 'efectivo',
  card: 'tarjeta',
  wallet: 'Yape/Plin',
  usd: 'dólares',
};

/** Soles for an amount in US cents at a rate with four decimals. */
export function usdToPen(usdCents: number, rateE4: number): number {
  return roundDiv(usdCents * rateE4, 10_000);
}

function positive(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new AppError('PAYMENT_INVALID', { reason: `${what} debe ser mayor que cero` });
  }
}

export function settlePayments(
  totalCents: number,
  inputs: readonly PaymentInput[],
  usdRateE4: () => number,
): Settlement {
  if (inputs.length === 0) throw new AppError('PAYMENT_INVALID', { reason: 'registre al menos un pago' });
  const payments: SettledPayment[] = [];
  let exact = 0;
  for (const input of inputs) {
    if (input.method === 'card' || input.method === 'wallet') {
      positive(input.amountCents, `el monto con ${METHOD_NAMES[input.method]}`);
      if (input.method === 'wallet' && !/^[A-Za-z0-9]{4,20}$/.test(input.operationNumber.trim())) {
        throw new AppError('PAYMENT_INVALID', {
          reason: 'ingrese el número de operación de Yape/Plin (4 a 20 letras o dígitos)',
        });
      }
      exact += input.amountCents;
      if (exact > totalCents)
        throw new AppError('PAYMENT_EXCEEDS_TOTAL', { method: METHOD_NAMES[input.method] });
    }
  }

  let due = totalCents - exact;
  let cashTendered = 0;
  let lastCashIndex = -1;
  for (const input of inputs) {
    const base = {
      usdCents: null,
      rateE4: null,
      wallet: null,
      cardBrand: null,
      reference: null,
      changeCents: 0,
    };
    if (input.method === 'card') {
      payments.push({
        ...base,
        method: 'card',
        amountCents: input.amountCents,
        tenderedCents: input.amountCents,
        cardBrand: input.brand?.trim() || null,
        reference: input.reference?.trim() || null,
      });
    } else if (input.method === 'wallet') {
      payments.push({
        ...base,
        method: 'wallet',
        amountCents: input.amountCents,
        tenderedCents: input.amountCents,
        wallet: input.wallet,
        reference: input.operationNumber.trim(),
      });
    } else {
      let tenderedCents: number;
      let usd: Pick<SettledPayment, 'usdCents' | 'rateE4'> = { usdCents: null, rateE4: null };
      if (input.method === 'cash') {
        positive(input.tenderedCents, 'el efectivo recibido');
        tenderedCents = input.tenderedCents;
      } else {
        positive(input.usdCents, 'el monto en dólares');
        const rateE4 = usdRateE4();
        tenderedCents = usdToPen(input.usdCents, rateE4);
        usd = { usdCents: input.usdCents, rateE4 };
      }
      if (due === 0) throw new AppError('PAYMENT_UNNEEDED', { method: METHOD_NAMES[input.method] });
      const applied = Math.min(tenderedCents, due);
      due -= applied;
      cashTendered += tenderedCents;
      lastCashIndex = payments.length;
      payments.push({ ...base, ...usd, method: input.method, amountCents: applied, tenderedCents });
    }
  }
  if (due > 0) throw new AppError('PAYMENT_INSUFFICIENT', { missingCents: due });

  const paidCents = payments.reduce((a, p) => a + p.tenderedCents, 0);
  const changeCents = paidCents - totalCents;
  if (changeCents > 0) {
    // Change comes out of the drawer once; book it on the last cash payment.
    const last = payments[lastCashIndex];
    if (!last || changeCents > cashTendered)
      throw new Error('change without cash: settlement invariant broken');
    last.changeCents = changeCents;
  }
  return { payments, paidCents, changeCents };
}
