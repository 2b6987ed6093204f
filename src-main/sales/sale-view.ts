import type { DocType, IgvAffectationCode, PaymentMethodCode, Unit } from '../../db/schema';
import type { DocumentTotals } from './taxes';

export interface SaleLineView {
  lineNo: number;
  productId: string;
  sku: string;
  description: string;
  unit: Unit;
  quantityMilli: number;
  unitPriceCents: number;
  grossCents: number;
  discountCents: number;
  amountCents: number;
  affectation: IgvAffectationCode;
  igvCents: number;
  icbperCents: number;
}

export interface SalePaymentView {
  method: PaymentMethodCode;
  amountCents: number;
  tenderedCents: number;
  changeCents: number;
  usdCents: number | null;
  rateE4: number | null;
  wallet: 'yape' | 'plin' | null;
  cardBrand: string | null;
  reference: string | null;
}

/** A completed sale as it was recorded: what receipts, history and headquarters read. */
export interface SaleView {
  id: string;
  docType: DocType;
  serie: string;
  correlativo: number;
  /** `B001-00000001` */
  number: string;
  issuedAt: string;
  issueDate: string;
  store: { ruc: string; legalName: string; tradeName: string; address: string };
  terminalCode: string;
  cashier: string;
  customer: { docType: string; docNumber: string; name: string; address: string | null } | null;
  lines: SaleLineView[];
  payments: SalePaymentView[];
  totals: DocumentTotals;
  paidCents: number;
  changeCents: number;
}

export function documentNumber(serie: string, correlativo: number): string {
  return `${serie}-${String(correlativo).padStart(8, '0')}`;
}
