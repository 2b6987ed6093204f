import { describe, expect, it } from 'vitest';
import { paymentView } from '../testing/sale-view-fixtures';
import type { SaleLineView, SaleView } from '../sales/sale-view';
import {
  buildReceipt,
  fieldsLines,
  truncate,
  twoColumns,
  wrapWords,
  type ReceiptOptions,
} from './receipt-document';
import type { ReceiptBlock, ReceiptDocument, ReceiptWidth } from './receipt-types';

const WIDTHS: ReceiptWidth[] = [48, 32];

function saleLine(
  overrides: Partial<SaleLineView> & Pick<SaleLineView, 'lineNo' | 'description'>,
): SaleLineView {
  return {
    productId: `p-${overrides.lineNo}`,
    sku: `SKU${overrides.lineNo}`,
    unit: 'NIU',
    quantityMilli: 1000,
    unitPriceCents: 0,
    grossCents: 0,
    discountCents: 0,
    amountCents: 0,
    affectation: '10',
    igvCents: 0,
    icbperCents: 0,
    ...overrides,
  };
}

const store: SaleView['store'] = {
  ruc: '20601234561',
  legalName: 'Comercial Santa Rosa de Lima S.A.C.',
  tradeName: 'Bodega Doña Peta',
  address: 'Av. José Gálvez Barrenechea 1234, Urb. Santa Catalina, La Victoria, Lima',
};

/**
 * Worked by hand (IGV 18 %, ICBPER S/ 0.50):
 * - queso 0.750 kg × 24.00 = 18.00 → base 15.25, IGV 2.75
 * - plátano 2 × 3.50 = 7.00 exonerado
 * - aceite 2 × 10.90 = 21.80 − 2.00 = 19.80 → base 16.78, IGV 3.02
 * - bolsa 1 × 0.10 → base 0.08, IGV 0.02, ICBPER 0.50
 * Gravadas 32.11 + exoneradas 7.00 + IGV 5.79 + ICBPER 0.50 = 45.40; paid 50.00, change 4.60.
 */
const boleta: SaleView = {
  id: 'sale-1',
  docType: '03',
  serie: 'B001',
  correlativo: 123,
  number: 'B001-00000123',
  issuedAt: '2026-11-23T21:05:09-05:00',
  issueDate: '2026-11-23',
  store,
  terminalCode: 'CAJA-01',
  cashier: 'María Quispe',
  customer: null,
  lines: [
    saleLine({
      lineNo: 1,
      description: 'Queso fresco de Cajamarca',
      unit: 'KGM',
      quantityMilli: 750,
      unitPriceCents: 2400,
      grossCents: 1800,
      amountCents: 1800,
      igvCents: 275,
    }),
    saleLine({
      lineNo: 2,
      description: 'Plátano de seda',
      quantityMilli: 2000,
      unitPriceCents: 350,
      grossCents: 700,
      amountCents: 700,
      affectation: '20',
    }),
    saleLine({
      lineNo: 3,
      description: 'Aceite vegetal Primor 1 L',
      quantityMilli: 2000,
      unitPriceCents: 1090,
      grossCents: 2180,
      discountCents: 200,
      amountCents: 1980,
      igvCents: 302,
    }),
    saleLine({
      lineNo: 4,
      description: 'Bolsa plástica',
      unitPriceCents: 10,
      grossCents: 10,
      amountCents: 10,
      igvCents: 2,
      icbperCents: 50,
    }),
  ],
  payments: [paymentView({ method: 'cash', amountCents: 4540, tenderedCents: 5000, changeCents: 460 })],
  totals: {
    gravadasCents: 3211,
    exoneradasCents: 700,
    inafectasCents: 0,
    igvCents: 579,
    icbperCents: 50,
    discountCents: 200,
    totalCents: 4540,
  },
  paidCents: 5000,
  changeCents: 460,
};

/** Inca Kola 4 × 12.50 = 50.00 (base 42.37, IGV 7.63) + revista 8.00 inafecta = 58.00. */
const factura: SaleView = {
  ...boleta,
  id: 'sale-2',
  docType: '01',
  serie: 'F001',
  correlativo: 45,
  number: 'F001-00000045',
  customer: {
    docType: '6',
    docNumber: '20100123453',
    name: 'Distribuidora Comercial Los Andes del Perú S.A.C.',
    address: 'Jr. Huallaga 456, Cercado de Lima',
  },
  lines: [
    saleLine({
      lineNo: 1,
      description: 'Gaseosa Inca Kola 3 L',
      quantityMilli: 4000,
      unitPriceCents: 1250,
      grossCents: 5000,
      amountCents: 5000,
      igvCents: 763,
    }),
    saleLine({
      lineNo: 2,
      description: 'Revista Somos',
      unitPriceCents: 800,
      grossCents: 800,
      amountCents: 800,
      affectation: '30',
    }),
  ],
  payments: [
    paymentView({ method: 'cash', amountCents: 2800, tenderedCents: 3000, changeCents: 200 }),
    paymentView({ method: 'wallet', amountCents: 3000, wallet: 'yape', reference: '12345678' }),
  ],
  totals: {
    gravadasCents: 4237,
    exoneradasCents: 0,
    inafectasCents: 800,
    igvCents: 763,
    icbperCents: 0,
    discountCents: 0,
    totalCents: 5800,
  },
  paidCents: 6000,
  changeCents: 200,
};

function textBlocks(document: ReceiptDocument): Array<Extract<ReceiptBlock, { kind: 'text' }>> {
  return document.blocks.filter(
    (block): block is Extract<ReceiptBlock, { kind: 'text' }> => block.kind === 'text',
  );
}

function texts(document: ReceiptDocument): string[] {
  return textBlocks(document).map((block) => block.text);
}

function build(sale: SaleView, width: ReceiptWidth, options: Partial<ReceiptOptions> = {}): ReceiptDocument {
  return buildReceipt(sale, { ...options, width });
}

describe('text layout helpers', () => {
  it('wraps at word boundaries and only cuts words longer than a line', () => {
    expect(wrapWords('Representación impresa de la Boleta', 16)).toEqual([
      'Representación',
      'impresa de la',
      'Boleta',
    ]);
    expect(wrapWords('  uno\n dos\ttres  ', 48)).toEqual(['uno dos tres']);
    expect(wrapWords('ver https://e-consultaruc.sunat.gob.pe', 16)).toEqual([
      'ver',
      'https://e-consul',
      'taruc.sunat.gob.',
      'pe',
    ]);
    expect(wrapWords('', 32)).toEqual([]);
  });

  it('counts a decomposed accent as one column', () => {
    expect(wrapWords('Descripcio\u0301n', 11)).toEqual(['Descripción']);
  });

  it('truncates the left column with an ellipsis and keeps the amount whole', () => {
    expect(twoColumns('Efectivo', '45.40', 20)).toBe('Efectivo       45.40');
    expect(twoColumns('Tarjeta Visa Platinum Signature', '1,234.50', 20)).toBe('Tarjeta Vi. 1,234.50');
    expect(truncate('Cajero: María', 20)).toBe('Cajero: María');
  });

  it('puts fields on one line only when they fit', () => {
    expect(fieldsLines(['Caja: 01', 'Cajero: Ana'], 32)).toEqual(['Caja: 01  Cajero: Ana']);
    expect(fieldsLines(['Fecha: 23/11/2026', 'Hora: 21:05:09'], 32)).toEqual([
      'Fecha: 23/11/2026',
      'Hora: 21:05:09',
    ]);
  });
});

describe('buildReceipt', () => {
  it.each(WIDTHS)('fits every text block in %i columns (half of it at double width)', (width) => {
    for (const sale of [boleta, factura]) {
      for (const block of textBlocks(
        build(sale, width, { hash: 'qP3mKf0bZl5Zc0v8xJk1mYw3s2E=', copy: true }),
      )) {
        expect(block.text.length, block.text).toBeLessThanOrEqual(block.large ? width / 2 : width);
      }
    }
  });

  it('lays out the boleta at 48 columns', () => {
    const lines = texts(build(boleta, 48));
    expect(lines.slice(0, 6)).toEqual([
      'Bodega Doña Peta',
      'Comercial Santa Rosa de Lima S.A.C.',
      'RUC 20601234561',
      'Av. José Gálvez Barrenechea 1234, Urb. Santa',
      'Catalina, La Victoria, Lima',
      'BOLETA DE VENTA ELECTRÓNICA',
    ]);
    expect(lines).toContain('B001-00000123');
    expect(lines).toContain('Fecha: 23/11/2026  Hora: 21:05:09');
    expect(lines).toContain('Caja: CAJA-01  Cajero: María Quispe');
    expect(lines).not.toContain('*** COPIA ***');
  });

  it('writes each item with its quantity, price, amount and discount', () => {
    const lines = texts(build(boleta, 48));
    const from = lines.indexOf('Queso fresco de Cajamarca');
    expect(lines.slice(from, from + 9)).toEqual([
      'Queso fresco de Cajamarca',
      '0.750 kg x 24.00                           18.00',
      'Plátano de seda (EXO)',
      '2 x 3.50                                    7.00',
      'Aceite vegetal Primor 1 L',
      '2 x 10.90                                  21.80',
      '  Descuento                                -2.00',
      'Bolsa plástica',
      '1 x 0.10                                    0.10',
    ]);
    expect(texts(build(factura, 32))).toContain('Revista Somos (INA)');
  });

  it('right-aligns the totals and shows only the ones that apply', () => {
    const lines = texts(build(boleta, 48));
    const from = lines.indexOf('                       Op. gravadas        32.11');
    expect(lines.slice(from, from + 8)).toEqual([
      '                       Op. gravadas        32.11',
      '                     Op. exoneradas         7.00',
      '                         Descuentos         2.00',
      '                                IGV         5.79',
      '                             ICBPER         0.50',
      'TOTAL S/           45.40',
      'SON: CUARENTA Y CINCO CON 40/100 SOLES',
      // The rule is not a text block: the next text is the first payment.
      'Efectivo                                   45.40',
    ]);
    expect(lines.some((line) => line.includes('Op. inafectas'))).toBe(false);
  });

  it('prints the TOTAL bold and double width when it fits half the line, bold otherwise', () => {
    const total = (document: ReceiptDocument) =>
      textBlocks(document).find((b) => b.text.trim().startsWith('TOTAL'));
    expect(total(build(boleta, 32))).toEqual({
      kind: 'text',
      text: 'TOTAL S/   45.40',
      align: 'left',
      bold: true,
      large: true,
    });
    const big = { ...boleta, totals: { ...boleta.totals, totalCents: 123_456_789 } };
    expect(total(build(big, 32))).toEqual({
      kind: 'text',
      text: '           TOTAL S/ 1,234,567.89',
      align: 'left',
      bold: true,
    });
    expect(texts(build(big, 32))).toEqual(
      expect.arrayContaining(['SON: UN MILLON DOSCIENTOS', 'TREINTA Y CUATRO MIL QUINIENTOS']),
    );
  });

  it('stacks date and time on narrow paper', () => {
    const lines = texts(build(boleta, 32));
    expect(lines).toContain('Fecha: 23/11/2026');
    expect(lines).toContain('Hora: 21:05:09');
  });

  it('shows the cash received and the change', () => {
    const lines = texts(build(boleta, 32));
    expect(lines).toContain('Efectivo                   45.40');
    expect(lines).toContain('Recibido                   50.00');
    expect(lines).toContain('Vuelto                      4.60');
  });

  it('identifies the factura customer and splits cash and Yape', () => {
    const lines = texts(build(factura, 48));
    expect(lines).toContain('FACTURA ELECTRÓNICA');
    expect(lines).toContain('RUC: 20100123453');
    const name = lines.indexOf('Distribuidora Comercial Los Andes del Perú');
    expect(lines.slice(name, name + 3)).toEqual([
      'Distribuidora Comercial Los Andes del Perú',
      'S.A.C.',
      'Jr. Huallaga 456, Cercado de Lima',
    ]);
    const from = lines.indexOf('Efectivo                                   28.00');
    expect(lines.slice(from, from + 4)).toEqual([
      'Efectivo                                   28.00',
      'Yape Op. 12345678                          30.00',
      'Recibido                                   60.00',
      'Vuelto                                      2.00',
    ]);
    expect(lines).toContain('                      Op. inafectas         8.00');
    expect(lines).toContain('SON: CINCUENTA Y OCHO CON 00/100 SOLES');
    expect(lines).toEqual(expect.arrayContaining(['Representación impresa de la Factura', 'Electrónica.']));
  });

  it('labels DNI customers and other payment methods', () => {
    const sale: SaleView = {
      ...boleta,
      customer: { docType: '1', docNumber: '12345678', name: 'Juan Pérez Ñahui', address: null },
      payments: [
        paymentView({ method: 'card', amountCents: 1000, cardBrand: 'Visa' }),
        paymentView({ method: 'usd', amountCents: 3540, tenderedCents: 7500, usdCents: 2000, rateE4: 37500 }),
      ],
    };
    expect(texts(build(sale, 48))).toEqual(
      expect.arrayContaining([
        'DNI: 12345678',
        'Juan Pérez Ñahui',
        'Tarjeta Visa                               10.00',
        'Dólares US$ 20.00 x 3.7500                 35.40',
      ]),
    );
    // On 58 mm paper the exchange detail moves under the amount instead of being cut.
    const narrow = texts(
      build({ ...sale, payments: [paymentView({ ...sale.payments[1]!, amountCents: 10000 })] }, 32),
    );
    expect(narrow).toEqual(
      expect.arrayContaining(['Dólares                   100.00', '  US$ 20.00 x 3.7500']),
    );
  });

  it('marks reprints as copies', () => {
    expect(texts(build(boleta, 48, { copy: true }))).toContain('*** COPIA ***');
  });

  it('adds the hash, the QR and the consult legend, then feeds and cuts', () => {
    const document = build(boleta, 32, {
      hash: 'qP3mKf0bZl5Zc0v8xJk1mYw3s2E=',
      qrText: '20601234561|03|B001|123|5.79|45.40|2026-11-23|||',
    });
    const lines = texts(document);
    expect(lines).toEqual(expect.arrayContaining(['Hash:', 'qP3mKf0bZl5Zc0v8xJk1mYw3s2E=']));
    expect(document.blocks).toContainEqual({
      kind: 'qr',
      data: '20601234561|03|B001|123|5.79|45.40|2026-11-23|||',
    });
    expect(lines).toContain('Consulte su comprobante en');
    expect(lines.at(-1)).toBe('¡Gracias por su compra!');
    expect(document.blocks.slice(-2)).toEqual([{ kind: 'feed', lines: 3 }, { kind: 'cut' }]);
  });

  it('leaves out hash and QR when the document is not signed yet', () => {
    const document = build(boleta, 48, { hash: null, qrText: null, consultUrl: 'https://mostrador.pe' });
    expect(document.blocks.some((block) => block.kind === 'qr')).toBe(false);
    expect(texts(document).some((line) => line.startsWith('Hash'))).toBe(false);
    expect(texts(document)).toContain('Consulte su comprobante en https://mostrador.pe');
  });

  it('is deterministic and leaves the sale untouched', () => {
    const before = structuredClone(factura);
    const options: ReceiptOptions = { width: 32, copy: true, hash: 'abc', qrText: 'qr' };
    expect(buildReceipt(factura, options)).toEqual(buildReceipt(factura, options));
    expect(factura).toEqual(before);
  });
});
