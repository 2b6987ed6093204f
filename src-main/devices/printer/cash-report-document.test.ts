import { describe, expect, it } from 'vitest';
import { decodeEscPos, decodedText } from '../../testing/capture-printer';
import { cashReportDocument, type CashReportView } from './cash-report-document';
import { encodeReceipt } from './escpos-encoder';

const Z_REPORT: CashReportView = {
  kind: 'Z',
  store: { tradeName: 'Minimarket La Esquina', ruc: '20601234565' },
  terminalCode: 'CAJA-01',
  sessionNumber: 12,
  openedAt: '2026-11-23T07:58:00-05:00',
  openedBy: 'Jorge Ramírez Huamán',
  closedAt: '2026-11-23T21:04:00-05:00',
  closedBy: 'Jorge Ramírez Huamán',
  printedAt: '2026-11-23T21:05:00-05:00',
  copy: false,
  floatCents: 20_000,
  salesCount: 143,
  salesTotalCents: 412_350,
  methods: [
    { label: 'Efectivo', expectedCents: 298_000, countedCents: 297_950 },
    { label: 'Tarjeta', expectedCents: 84_350, countedCents: 84_350 },
    { label: 'Yape/Plin', expectedCents: 50_000, countedCents: 50_000 },
  ],
  movements: [{ kind: 'out', reason: 'Pago a proveedor de pan', amountCents: 4_000 }],
  denominations: [
    { label: 'S/ 200', count: 10, amountCents: 200_000 },
    { label: 'S/ 0.50', count: 1, amountCents: 50 },
  ],
  expectedCashCents: 298_000,
  countedCashCents: 297_950,
};

describe('cash reports on paper', () => {
  for (const width of [48, 32] as const) {
    it(`lays out a Z close in ${width} columns and prints it with the difference`, () => {
      const document = cashReportDocument(Z_REPORT, width);
      const text = decodedText(
        decodeEscPos(encodeReceipt(document, { model: 'epson', codePage: 'PC858_EURO' })),
      );
      const lines = text.split('\n');
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(width);
      expect(text).toContain('REPORTE Z (CIERRE DE CAJA)');
      expect(text).toMatch(/Diferencia \(Faltante\) +-0\.50/);
      expect(text).toMatch(/Efectivo +2,980\.00 +2,979\.50/);
      expect(text).toMatch(/Retiro: Pago a proveedor.* -40\.00/);
      expect(text).toContain('Jorge Ramírez Huamán');
    });
  }

  it('an X report shows what is expected only, and a reprint says COPIA', () => {
    const x: CashReportView = {
      ...Z_REPORT,
      kind: 'X',
      copy: true,
      closedAt: null,
      closedBy: null,
      countedCashCents: null,
      denominations: [],
      methods: Z_REPORT.methods.map((m) => ({ ...m, countedCents: null })),
    };
    const text = decodedText(
      decodeEscPos(encodeReceipt(cashReportDocument(x, 48), { model: 'epson', codePage: 'PC858_EURO' })),
    );
    expect(text).toContain('REPORTE X (LECTURA)');
    expect(text).toContain('*** COPIA ***');
    expect(text).not.toContain('Diferencia');
    expect(text).not.toContain('Contado');
  });
});
