import type { ApiInput } from '../../../src-main/api/contract';
import { roundDiv } from '../../shared/format';

export type PaymentInput = ApiInput<'checkout.complete'>['payments'][number];

export interface PaymentPreview {
  /** Soles handed over or charged so far. */
  paidCents: number;
  dueCents: number;
  changeCents: number;
}

/** Soles a payment is worth for the preview; dollars at the day's rate the core will use. */
export function solesOf(payment: PaymentInput, rateE4: number | null): number {
  switch (payment.method) {
    case 'cash':
      return payment.tenderedCents;
    case 'card':
    case 'wallet':
      return payment.amountCents;
    case 'usd':
      return rateE4 === null ? 0 : roundDiv(payment.usdCents * rateE4, 10_000);
  }
}

/**
 * What is still due and the change, for the cashier to see before confirming. The core
 * settles the payments itself on confirm (and refuses what does not add up); this is only
 * the arithmetic of the figures on screen, in integer céntimos.
 */
export function previewPayments(
  totalCents: number,
  payments: readonly PaymentInput[],
  rateE4: number | null,
): PaymentPreview {
  const paidCents = payments.reduce((sum, p) => sum + solesOf(p, rateE4), 0);
  return {
    paidCents,
    dueCents: Math.max(0, totalCents - paidCents),
    changeCents: Math.max(0, paidCents - totalCents),
  };
}
