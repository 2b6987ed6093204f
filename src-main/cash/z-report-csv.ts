import type { CashReportView } from '../devices/printer/cash-report-document';
import { formatAmount } from '../shared/money';

function cell(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A Z report as CSV for the accountant: one row per figure, UTF-8 with BOM so Excel shows accents. */
export function zReportCsv(report: CashReportView): string {
  const rows: string[][] = [
    ['Concepto', 'Esperado', 'Contado'],
    ['Caja', report.terminalCode, ''],
    ['Sesión', String(report.sessionNumber), ''],
    ['Apertura', report.openedAt, ''],
    ['Cierre', report.closedAt ?? '', ''],
    ['Cerró', report.closedBy ?? '', ''],
    ['Fondo inicial', formatAmount(report.floatCents), ''],
    [`Ventas (${report.salesCount})`, formatAmount(report.salesTotalCents), ''],
    ...report.movements.map((m) => [
      `${m.kind === 'in' ? 'Ingreso' : 'Retiro'}: ${m.reason}`,
      formatAmount(m.amountCents),
      '',
    ]),
    ...report.methods.map((m) => [
      m.label,
      formatAmount(m.expectedCents),
      m.countedCents === null ? '' : formatAmount(m.countedCents),
    ]),
    ...report.denominations.map((d) => [`${d.count} x ${d.label}`, '', formatAmount(d.amountCents)]),
  ];
  if (report.countedCashCents !== null) {
    const difference = report.countedCashCents - report.expectedCashCents;
    rows.push([
      'Diferencia efectivo S/',
      '',
      `${difference < 0 ? '-' : ''}${formatAmount(Math.abs(difference))}`,
    ]);
  }
  return `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
