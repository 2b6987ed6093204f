import type { Core } from '../core/core';
import type { SaleView } from '../sales/sale-view';
import type { Actor } from '../users/authenticator';

/** Demo catalogue codes the fiscal tests sell. */
export const INCA_KOLA_15 = '7752242641970'; // S/ 6.50, gravado
export const BOLSA_CHICA = '7758135527840'; // S/ 0.10 + ICBPER

/** A real RUC with a valid check digit (sunat.md §2) and a razón social SUNAT accepts. */
export const FACTURA_CUSTOMER = {
  docType: '6',
  docNumber: '20100070970',
  name: 'SUPERMERCADOS PERUANOS SOCIEDAD ANONIMA',
  address: 'Calle Morelli 181, San Borja',
} as const;

/** One Inca Kola on a boleta, paid exactly in cash. */
export function sellBoleta(core: Core, actor: Actor): SaleView {
  core.carts.scan(actor, INCA_KOLA_15);
  return core.checkout.complete(actor, {
    expectedTotalCents: 650,
    payments: [{ method: 'cash', tenderedCents: 650 }],
  });
}

/** One Inca Kola on a factura to a company customer, paid by card. */
export function sellFactura(
  core: Core,
  actor: Actor,
  customerName: string = FACTURA_CUSTOMER.name,
): SaleView {
  const { customer } = core.ctx.customers.save({ ...FACTURA_CUSTOMER, name: customerName });
  core.carts.scan(actor, INCA_KOLA_15);
  core.carts.setDocType(actor, '01');
  core.carts.setCustomer(actor, customer.id);
  return core.checkout.complete(actor, {
    expectedTotalCents: 650,
    payments: [{ method: 'card', amountCents: 650 }],
  });
}
