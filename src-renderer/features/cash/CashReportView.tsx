import type { CashReportView } from '../../../src-main/api/cash-contract';
import { formatDollars, formatSoles } from '../../shared/format';

const money = (label: string, cents: number) =>
  label.startsWith('Dólares') ? formatDollars(cents) : formatSoles(cents);

/** An X or Z report on screen: the same figures the printer gets. */
export function CashReportPanel({ report }: { report: CashReportView }) {
  const difference =
    report.countedCashCents === null ? null : report.countedCashCents - report.expectedCashCents;
  return (
    <section className="panel cash-report" data-testid={`cash-report-${report.kind}`}>
      <h2>
        Reporte {report.kind} · sesión {report.sessionNumber}
        {report.copy && ' (copia)'}
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th>Medio</th>
            <th className="num">Esperado</th>
            {report.kind === 'Z' && <th className="num">Contado</th>}
          </tr>
        </thead>
        <tbody>
          {report.methods.map((m) => (
            <tr key={m.label}>
              <td>{m.label}</td>
              <td className="num">{money(m.label, m.expectedCents)}</td>
              {report.kind === 'Z' && (
                <td className="num">{m.countedCents === null ? '—' : money(m.label, m.countedCents)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Fondo inicial {formatSoles(report.floatCents)} · {report.salesCount} ventas por{' '}
        {formatSoles(report.salesTotalCents)}
      </p>
      {difference !== null && (
        <p
          className={`cash-difference ${difference === 0 ? 'even' : difference < 0 ? 'short' : 'over'}`}
          data-testid="cash-difference"
          role="status"
        >
          {difference === 0 ? 'Caja cuadrada' : difference < 0 ? 'Faltante' : 'Sobrante'}:{' '}
          {formatSoles(Math.abs(difference))}
        </p>
      )}
    </section>
  );
}
