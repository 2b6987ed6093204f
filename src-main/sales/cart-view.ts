import type { DocType } from '../../db/schema';
import type { Customer } from '../customers/customer';
import type { CartLineInput, Discount } from './cart-pricing';
import { emptyTotals, type DocumentTotals } from './taxes';

/** One line as the screen shows it; every figure computed by the core. */
export interface CartLineView extends CartLineInput {
  grossCents: number;
  discountCents: number;
  amountCents: number;
  scannedCode: string | null;
}

export interface CartView {
  /** Null while nothing has been scanned yet. */
  id: string | null;
  docType: DocType;
  customer: Customer | null;
  lines: CartLineView[];
  saleDiscount: Discount | null;
  saleDiscountCents: number;
  totals: DocumentTotals;
  /** Units for NIU lines, one per weighed line: what the cashier counts in the bag. */
  itemCount: number;
  /** Spanish reason the document cannot be issued yet (factura without RUC…), or null. */
  documentProblem: string | null;
  updatedAt: string | null;
}

export interface HeldCartView {
  id: string;
  label: string | null;
  heldAt: string | null;
  cashier: string;
  lineCount: number;
  totalCents: number;
}

export function emptyCartView(): CartView {
  return {
    id: null,
    docType: '03',
    customer: null,
    lines: [],
    saleDiscount: null,
    saleDiscountCents: 0,
    totals: emptyTotals(),
    itemCount: 0,
    documentProblem: null,
    updatedAt: null,
  };
}
