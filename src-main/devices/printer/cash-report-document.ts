import { formatAmount } from '../../shared/money';
import { printableText } from '../../receipt/printable-text';
import { twoColumns, wrapWords } from '../../receipt/receipt-document';
import type { ReceiptBlock, ReceiptDocument, ReceiptWidth } from '../../receipt/receipt-types';

/**
 * What an X (mid-shift) or Z (close) report prints. The cash session module fills it; the
 * layout lives here so reports go through the same printer path as receipts.
 */
export interface CashReportView {
  kind: 'X' | 'Z';
  store: { tradeName: string; ruc: string };
  terminalCode: string;
  sessionNumber: number;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  printedAt: string;
  copy: boolean;
  floatCents: number;
  salesCount: number;
  salesTotalCents: number;
  /** Per payment method: what the system expects and, at a Z close, what was counted. */
  methods: Array<{ label: string; expectedCents: number; countedCents: number | null }>;
  movements: Array<{ kind: 'in' | 'out'; reason: string; amountCents: number }>;
  /** The cash count by denomination (Z). */
  denominations: Array<{ label: string; count: number; amountCents: number }>;
  expectedCashCents: number;
  countedCashCents: number | null;
}

function line(value: string, align: 'left' | 'center' = 'left', bold = false): ReceiptBlock {
  return { kind: 'text', text: printableText(value), align, ...(bold ? { bold: true } : {}) };
}

function signed(cents: number): string {
  return `${cents < 0 ? '-' : cents > 0 ? '+' : ''}${formatAmount(Math.abs(cents))}`;
}

function moment(at: string): string {
  return `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 16)}`;
}

export function cashReportDocument(report: CashReportView, width: ReceiptWidth): ReceiptDocument {
  const rows = (pairs: Array<[string, string]>) =>
    pairs.map(([left, right]) => line(twoColumns(left, right, width)));
  const title = report.kind === 'X' ? 'REPORTE X (LECTURA)' : 'REPORTE Z (CIERRE DE CAJA)';
  const blocks: ReceiptBlock[] = [
    ...wrapWords(printableText(report.store.tradeName), width).map((t) => line(t, 'center', true)),
    line(`RUC ${report.store.ruc}`, 'center'),
    { kind: 'rule', char: '=' },
    line(title, 'center', true),
    ...(report.copy ? [line('*** COPIA ***', 'center')] : []),
    ...rows([
      ['Caja', report.terminalCode],
      ['Sesión', String(report.sessionNumber)],
      ['Apertura', moment(report.openedAt)],
      ['Abrió', report.openedBy],
      ...(report.closedAt ? ([['Cierre', moment(report.closedAt)]] as Array<[string, string]>) : []),
      ...(report.closedBy ? ([['Cerró', report.closedBy]] as Array<[string, string]>) : []),
      ['Impreso', moment(report.printedAt)],
    ]),
    { kind: 'rule', char: '-' },
    ...rows([
      ['Fondo inicial', formatAmount(report.floatCents)],
      [`Ventas (${report.salesCount})`, formatAmount(report.salesTotalCents)],
      ...report.movements.map((m): [string, string] => [
        `${m.kind === 'in' ? 'Ingreso' : 'Retiro'}: ${m.reason}`,
        signed(m.kind === 'in' ? m.amountCents : -m.amountCents),
      ]),
    ]),
    { kind: 'rule', char: '-' },
    line(
      twoColumns('Medio de pago', report.kind === 'Z' ? 'Esperado  Contado' : 'Esperado', width),
      'left',
      true,
    ),
    ...report.methods.map((m) =>
      line(
        twoColumns(
          m.label,
          report.kind === 'Z'
            ? `${formatAmount(m.expectedCents).padStart(8)}  ${(m.countedCents === null ? '-' : formatAmount(m.countedCents)).padStart(7)}`
            : formatAmount(m.expectedCents),
          width,
        ),
      ),
    ),
  ];
  if (report.denominations.length > 0) {
    blocks.push({ kind: 'rule', char: '-' }, line('Conteo de efectivo', 'left', true));
    blocks.push(
      ...rows(report.denominations.map((d) => [`${d.count} x ${d.label}`, formatAmount(d.amountCents)])),
    );
  }
  blocks.push({ kind: 'rule', char: '-' });
  blocks.push(...rows([['Efectivo esperado', formatAmount(report.expectedCashCents)]]));
  if (report.countedCashCents !== null) {
    const difference = report.countedCashCents - report.expectedCashCents;
    const verdict = difference === 0 ? 'Cuadrado' : difference > 0 ? 'Sobrante' : 'Faltante';
    blocks.push(
      ...rows([
        ['Efectivo contado', formatAmount(report.countedCashCents)],
        [`Diferencia (${verdict})`, signed(difference)],
      ]),
    );
  }
  blocks.push({ kind: 'feed', lines: 3 }, { kind: 'cut' });
  return { width, blocks };
}
