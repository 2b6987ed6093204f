import type { SalePaymentView } from '../sales/sale-view';

/** A recorded payment for hand-built SaleView fixtures: exact amount, no change, unless overridden. */
export function paymentView(
  overrides: Partial<SalePaymentView> & Pick<SalePaymentView, 'method' | 'amountCents'>,
): SalePaymentView {
  return {
    tenderedCents: overrides.amountCents,
    changeCents: 0,
    usdCents: null,
    rateE4: null,
    wallet: null,
    cardBrand: null,
    reference: null,
    ...overrides,
  };
}
