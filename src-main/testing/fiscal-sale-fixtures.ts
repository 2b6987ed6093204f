import type { IgvAffectationCode, Unit } from '../../db/schema';
import { selfSignedPfx } from '../fiscal/credentials/self-signed-pfx';
import { loadPfx, type StoreCertificate } from '../fiscal/signing/certificate';
import { signUblXml } from '../fiscal/signing/sign-xml';
import { buildInvoiceXml } from '../fiscal/ubl/invoice-xml';
import { priceCart, type CartLineInput, type Discount } from '../sales/cart-pricing';
import type { SaleLineView, SaleView } from '../sales/sale-view';
import type { TaxRates } from '../sales/taxes';
import { paymentView } from './sale-view-fixtures';

/**
 * Completed sales for fiscal tests, priced by the real cart engine (line and sale-wide
 * discounts, bags, taxes), plus a self-signed certificate to sign their XML with. The table
 * covers what a Peruvian counter sells; SUNAT's rules must accept every row.
 */

export const FISCAL_RATES: TaxRates = { igvBps: 1800, icbperCents: 50 };

/** RUC with a valid check digit (weights 5,4,3,2,7,6,5,4,3,2 → 5). */
export const FISCAL_STORE: SaleView['store'] = {
  ruc: '20601234565',
  legalName: 'Comercial Santa Rosa de Lima S.A.C.',
  tradeName: 'Bodega Doña Peta',
  address: 'Av. José Gálvez Barrenechea 1234, La Victoria, Lima',
};

export const FISCAL_ISSUER_OPTIONS = { issuerUbigeo: '150115', establishmentCode: '0000' } as const;

export interface FiscalLineSpec {
  name: string;
  unitPriceCents: number;
  /** Thousandths: 1000 = 1 unit or 1 kg. */
  quantityMilli?: number;
  unit?: Unit;
  affectation?: IgvAffectationCode;
  /** A plastic bag: ICBPER per unit, never discounted. */
  bag?: boolean;
  discount?: Discount;
}

export interface FiscalSaleSpec {
  docType: '01' | '03';
  serie?: string;
  correlativo?: number;
  customer?: SaleView['customer'];
  lines: FiscalLineSpec[];
  saleDiscount?: Discount;
  /** Lima time, ISO-8601 with offset. */
  issuedAt?: string;
}

export function fiscalSale(spec: FiscalSaleSpec): SaleView {
  const inputs: CartLineInput[] = spec.lines.map((line, index) => ({
    id: `line-${index + 1}`,
    productId: `p-${index + 1}`,
    // Shaped like the demo catalogue's codes (ABA-0001): SUNAT observes the dash on boletas (4269).
    sku: `ABA-${String(index + 1).padStart(4, '0')}`,
    name: line.name,
    unit: line.unit ?? 'NIU',
    affectation: line.affectation ?? '10',
    icbper: line.bag ?? false,
    quantityMilli: line.quantityMilli ?? 1000,
    unitPriceCents: line.unitPriceCents,
    fixedAmountCents: null,
    discount: line.discount ?? null,
  }));
  const priced = priceCart(inputs, spec.saleDiscount ?? null, FISCAL_RATES);
  const lines: SaleLineView[] = priced.lines.map((line, index) => ({
    lineNo: index + 1,
    productId: line.productId,
    sku: line.sku,
    description: line.name,
    unit: line.unit,
    quantityMilli: line.quantityMilli,
    unitPriceCents: line.unitPriceCents,
    grossCents: line.grossCents,
    discountCents: line.discountCents,
    amountCents: line.amountCents,
    affectation: line.affectation,
    igvCents: line.taxes.igvCents,
    icbperCents: line.taxes.icbperCents,
  }));
  const serie = spec.serie ?? (spec.docType === '01' ? 'F001' : 'B001');
  const correlativo = spec.correlativo ?? 1;
  const issuedAt = spec.issuedAt ?? '2026-11-23T10:15:30-05:00';
  const totalCents = priced.totals.totalCents;
  return {
    id: `sale-${serie}-${correlativo}`,
    docType: spec.docType,
    serie,
    correlativo,
    number: `${serie}-${String(correlativo).padStart(8, '0')}`,
    issuedAt,
    issueDate: issuedAt.slice(0, 10),
    store: FISCAL_STORE,
    terminalCode: 'CAJA-01',
    cashier: 'María Quispe',
    customer: spec.customer ?? null,
    lines,
    payments: [paymentView({ method: 'cash', amountCents: totalCents })],
    totals: priced.totals,
    paidCents: totalCents,
    changeCents: 0,
  };
}

/** `20601234565-03-B001-7.xml`: the name SUNAT receives and its rules check the document against. */
export function sunatXmlFileName(
  sale: Pick<SaleView, 'store' | 'docType' | 'serie' | 'correlativo'>,
): string {
  return `${sale.store.ruc}-${sale.docType}-${sale.serie}-${sale.correlativo}.xml`;
}

const DAY_MS = 86_400_000;
let certificate: StoreCertificate | undefined;

/** A self-signed certificate for FISCAL_STORE, made once per process. */
export function fiscalTestCertificate(): StoreCertificate {
  if (!certificate) {
    const now = Date.now();
    const password = 'prueba';
    const pfx = selfSignedPfx({
      ruc: FISCAL_STORE.ruc,
      legalName: FISCAL_STORE.legalName,
      password,
      notBefore: new Date(now - DAY_MS),
      notAfter: new Date(now + 365 * DAY_MS),
    });
    certificate = loadPfx(pfx, password);
  }
  return certificate;
}

/** The sale's invoice XML built and signed as the app does. */
export function signedInvoiceXml(sale: SaleView): string {
  return signUblXml(buildInvoiceXml(sale, FISCAL_ISSUER_OPTIONS), fiscalTestCertificate()).signedXml;
}

const DNI_CUSTOMER: NonNullable<SaleView['customer']> = {
  docType: '1',
  docNumber: '45678912',
  name: 'Juan Carlos Pérez Quispe',
  address: null,
};

const RUC_CUSTOMER: NonNullable<SaleView['customer']> = {
  docType: '6',
  docNumber: '20100070970',
  name: 'Supermercados Peruanos S.A.',
  address: 'Calle Morelli 181, San Borja, Lima',
};

/** What a counter sells, one row per case the XML must get right. */
export const FISCAL_SALE_TABLE: ReadonlyArray<{ name: string; spec: FiscalSaleSpec }> = [
  {
    name: 'boleta, gravado only',
    spec: {
      docType: '03',
      correlativo: 1,
      lines: [
        { name: 'Leche evaporada 400 g', quantityMilli: 3000, unitPriceCents: 390 },
        { name: 'Arroz extra 5 kg', unitPriceCents: 2290 },
      ],
    },
  },
  {
    name: 'boleta, exonerado only',
    spec: {
      docType: '03',
      correlativo: 2,
      lines: [
        { name: 'Plátano de seda', quantityMilli: 6000, unitPriceCents: 50, affectation: '20' },
        { name: 'Papa amarilla', unit: 'KGM', quantityMilli: 2350, unitPriceCents: 420, affectation: '20' },
      ],
    },
  },
  {
    name: 'boleta, inafecto only',
    spec: {
      docType: '03',
      correlativo: 3,
      lines: [{ name: 'Libro escolar', unitPriceCents: 3500, affectation: '30' }],
    },
  },
  {
    name: 'boleta, gravado + exonerado + inafecto + bag',
    spec: {
      docType: '03',
      correlativo: 4,
      lines: [
        { name: 'Queso fresco', unit: 'KGM', quantityMilli: 750, unitPriceCents: 2400 },
        { name: 'Plátano de seda', quantityMilli: 3000, unitPriceCents: 50, affectation: '20' },
        { name: 'Libro escolar', unitPriceCents: 3500, affectation: '30' },
        { name: 'Bolsa plástica', quantityMilli: 2000, unitPriceCents: 10, bag: true },
      ],
    },
  },
  {
    name: 'boleta, ICBPER bags only',
    spec: {
      docType: '03',
      correlativo: 5,
      lines: [{ name: 'Bolsa plástica', quantityMilli: 3000, unitPriceCents: 10, bag: true }],
    },
  },
  {
    name: 'boleta, line discount + sale-wide discount',
    spec: {
      docType: '03',
      correlativo: 6,
      saleDiscount: { kind: 'percent', value: 500 },
      lines: [
        {
          name: 'Aceite vegetal 1 L',
          quantityMilli: 2000,
          unitPriceCents: 1090,
          discount: { kind: 'amount', value: 200 },
        },
        { name: 'Azúcar rubia 1 kg', quantityMilli: 2000, unitPriceCents: 420 },
        { name: 'Plátano de seda', quantityMilli: 4000, unitPriceCents: 50, affectation: '20' },
        { name: 'Bolsa plástica', unitPriceCents: 10, bag: true },
      ],
    },
  },
  {
    name: 'boleta over S/ 700 with DNI',
    spec: {
      docType: '03',
      correlativo: 7,
      customer: DNI_CUSTOMER,
      lines: [
        { name: 'Televisor LED 50"', unitPriceCents: 129_900 },
        { name: 'Rack de madera', unitPriceCents: 24_990 },
      ],
    },
  },
  {
    name: 'boleta under S/ 700, anonymous',
    spec: {
      docType: '03',
      correlativo: 8,
      lines: [{ name: 'Licuadora 1.5 L', unitPriceCents: 69_990 }],
    },
  },
  {
    name: 'factura to a RUC customer',
    spec: {
      docType: '01',
      correlativo: 9,
      customer: RUC_CUSTOMER,
      lines: [
        { name: 'Arroz extra 5 kg', quantityMilli: 4000, unitPriceCents: 2290 },
        {
          name: 'Azúcar rubia 1 kg',
          quantityMilli: 10_000,
          unitPriceCents: 420,
          discount: { kind: 'percent', value: 1000 },
        },
        { name: 'Huevos a granel', unit: 'KGM', quantityMilli: 1234, unitPriceCents: 890 },
        { name: 'Plátano de seda', quantityMilli: 12_000, unitPriceCents: 50, affectation: '20' },
        { name: 'Bolsa plástica', quantityMilli: 2000, unitPriceCents: 10, bag: true },
      ],
    },
  },
];

/** The table row with this name. */
export function fiscalSaleSpec(name: string): FiscalSaleSpec {
  const row = FISCAL_SALE_TABLE.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no fiscal sale fixture named ${name}`);
  return row.spec;
}

/** A boleta of `count` gravado lines (the bench's "10-line boleta"), anonymous and under S/ 700. */
export function boletaWithLines(count: number, correlativo = 10): FiscalSaleSpec {
  return {
    docType: '03',
    correlativo,
    lines: Array.from({ length: count }, (_, index) => ({
      name: `Producto de abarrotes ${index + 1}`,
      quantityMilli: 1000 + (index % 3) * 1000,
      unitPriceCents: 250 + index * 137,
    })),
  };
}
