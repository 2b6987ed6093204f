import { z } from 'zod';
import type { Product } from '../catalog/product';
import type { Customer } from '../customers/customer';
import type { ReceiptDocument } from '../receipt/receipt-types';
import type { CartView, HeldCartView } from '../sales/cart-view';
import type { SaleView } from '../sales/sale-view';
import type { SaleFiscalView } from '../fiscal/fiscal-view';
import type { Permission, Role } from '../users/roles';
import { approval, cents, id, method, none } from './spec';
import { fiscalContract } from './fiscal-contract';
import { returnsContract } from './returns-contract';
import { devicesContract } from './devices-contract';
import { cashContract } from './cash-contract';
import { usersContract } from './users-contract';
import { auditContract } from './audit-contract';
import { syncContract } from './sync-contract';
import type { PrintJobView } from '../devices/device-views';

/**
 * The whole API of the core, declared once: each method's input schema (checked by the
 * dispatcher before any handler runs), its output type, and the permission it needs
 * (null: callable before login). Electron IPC and the web host serve exactly this.
 * The renderer imports these *types* only.
 */
const discount = z
  .object({ kind: z.enum(['amount', 'percent']), value: z.number().int().positive().max(10_000_000_000) })
  .strict()
  .nullable();
const payment = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash'), tenderedCents: cents }).strict(),
  z
    .object({
      method: z.literal('card'),
      amountCents: cents,
      brand: z.string().max(20).optional(),
      reference: z.string().max(40).optional(),
    })
    .strict(),
  z
    .object({
      method: z.literal('wallet'),
      wallet: z.enum(['yape', 'plin']),
      amountCents: cents,
      operationNumber: z.string().max(40),
    })
    .strict(),
  z.object({ method: z.literal('usd'), usdCents: cents }).strict(),
]);

export interface ActorView {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  permissions: Permission[];
}

export interface StoreView {
  ruc: string;
  legalName: string;
  tradeName: string;
  address: string;
  terminalCode: string;
  terminalName: string;
}

export interface SessionView {
  token: string;
  actor: ActorView;
}

export interface ProductHit extends Product {
  barcode: string | null;
}

export interface SaleSummary {
  id: string;
  number: string;
  issuedAt: string;
  totalCents: number;
  docType: '01' | '03';
}

export const contract = {
  'store.info': method<StoreView>()({ input: none, permission: null }),
  'session.users': method<Array<{ username: string; fullName: string; role: Role }>>()({
    input: none,
    permission: null,
  }),
  'session.login': method<SessionView>()({
    input: z.object({ username: z.string().trim().min(1).max(40), pin: z.string().min(1).max(12) }).strict(),
    permission: null,
  }),
  'session.logout': method<null>()({ input: none, permission: 'authenticated' }),
  'session.me': method<ActorView>()({ input: none, permission: 'authenticated' }),

  'catalog.search': method<ProductHit[]>()({
    input: z
      .object({ text: z.string().max(100), limit: z.number().int().min(1).max(100).optional() })
      .strict(),
    permission: 'sale.sell',
  }),

  'cart.current': method<CartView>()({ input: none, permission: 'sale.sell' }),
  'cart.scan': method<CartView>()({
    input: z.object({ code: z.string().trim().min(1).max(64) }).strict(),
    permission: 'sale.sell',
  }),
  'cart.addProduct': method<CartView>()({
    input: z.object({ productId: id, quantityMilli: z.number().int().positive().optional() }).strict(),
    permission: 'sale.sell',
  }),
  'cart.setQuantity': method<CartView>()({
    input: z.object({ lineId: id, quantityMilli: z.number().int() }).strict(),
    permission: 'sale.sell',
  }),
  'cart.removeLine': method<CartView>()({
    input: z.object({ lineId: id }).strict(),
    permission: 'sale.sell',
  }),
  'cart.setLineDiscount': method<CartView>()({
    input: z.object({ lineId: id, discount, approval: approval.optional() }).strict(),
    permission: 'sale.sell',
  }),
  'cart.setSaleDiscount': method<CartView>()({
    input: z.object({ discount, approval: approval.optional() }).strict(),
    permission: 'sale.sell',
  }),
  'cart.setDocType': method<CartView>()({
    input: z.object({ docType: z.enum(['01', '03']) }).strict(),
    permission: 'sale.sell',
  }),
  'cart.setCustomer': method<CartView>()({
    input: z.object({ customerId: id.nullable() }).strict(),
    permission: 'sale.sell',
  }),
  'cart.hold': method<CartView>()({
    input: z.object({ label: z.string().max(40).nullable().optional() }).strict(),
    permission: 'sale.sell',
  }),
  'cart.held': method<HeldCartView[]>()({ input: none, permission: 'sale.sell' }),
  'cart.resume': method<CartView>()({ input: z.object({ cartId: id }).strict(), permission: 'sale.sell' }),
  'cart.cancel': method<CartView>()({ input: none, permission: 'sale.sell' }),

  'customers.find': method<Customer[]>()({
    input: z.object({ docNumber: z.string().trim().min(1).max(15) }).strict(),
    permission: 'sale.sell',
  }),
  'customers.save': method<Customer>()({
    input: z
      .object({
        docType: z.enum(['0', '1', '4', '6', '7', 'A']),
        docNumber: z.string().trim().min(1).max(15),
        name: z.string().max(200),
        address: z.string().max(200).nullable().optional(),
        email: z.string().max(120).nullable().optional(),
      })
      .strict(),
    permission: 'customers.manage',
  }),

  'checkout.complete': method<{
    sale: SaleView;
    fiscal: SaleFiscalView | null;
    receipt: ReceiptDocument;
    /** The receipt's print job; null when no printer is configured or printing on sale is off. */
    print: PrintJobView | null;
  }>()({
    input: z.object({ expectedTotalCents: cents, payments: z.array(payment).min(1).max(10) }).strict(),
    permission: 'sale.sell',
    issuesFiscalDocument: true,
  }),
  'sales.get': method<SaleView>()({ input: z.object({ saleId: id }).strict(), permission: 'sale.sell' }),
  'sales.recent': method<SaleSummary[]>()({
    input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    permission: 'sale.sell',
  }),
  'sales.receipt': method<ReceiptDocument>()({
    input: z.object({ saleId: id, width: z.union([z.literal(48), z.literal(32)]).optional() }).strict(),
    permission: 'sale.sell',
  }),

  'exchangeRate.today': method<{ date: string; rateE4: number | null }>()({
    input: none,
    permission: 'sale.sell',
  }),
  'exchangeRate.set': method<{ date: string; rateE4: number }>()({
    input: z.object({ rateE4: z.number().int(), approval: approval.optional() }).strict(),
    permission: 'exchangeRate.set',
    approvable: true,
  }),

  ...fiscalContract,
  ...returnsContract,
  ...devicesContract,
  ...cashContract,
  ...usersContract,
  ...auditContract,
  ...syncContract,
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Exclude<Contract[M]['output'], undefined>;

/** Methods callable with no input: the renderer may omit the argument. */
export type NoInputMethod = {
  [M in ApiMethod]: Contract[M]['input'] extends typeof none ? M : never;
}[ApiMethod];
