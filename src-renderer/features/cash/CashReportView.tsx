import { useEffect, useRef } from 'react';
import type { CashReportView } from '../../../src-main/api/cash-contract';
import { api } from '../../api/client';
import { ErrorLine } from '../../shared/ErrorLine';
import { useBusyAction } from '../../shared/hooks';
import { formatDollars, formatSoles } from '../../shared/format';
import { saveFile } from '../fiscal/files';

const money = (label: string, cents: number) =>
  label.startsWith('Dólares') ? formatDollars(cents) : formatSoles(cents);

/** An X or Z report on screen: the same figures the printer gets. */
/** `sessionId`: a closed session, whose Z can be printed again and exported. */
export function CashReportPanel({ report, sessionId }: { report: CashReportView; sessionId: string | null }) {
  const { error, busy, run } = useBusyAction();
  const panel = useRef<HTMLElement>(null);
  // The close button sits at the bottom of a long form: bring its result into view.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start' });
  }, [report]);
  const difference =
    report.countedCashCents === null ? null : report.countedCashCents - report.expectedCashCents;
  return (
    <section ref={panel} className="panel cash-report" data-testid={`cash-report-${report.kind}`}>
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
      {sessionId && (
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => void (await api.call('cash.printReport', { sessionId })))}
            data-testid="cash-print-z"
          >
            Imprimir Z
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const file = await api.call('cash.exportZ', { sessionId });
                saveFile(file.fileName, file.csv, 'text/csv;charset=utf-8');
              })
            }
            data-testid="cash-export-z"
          >
            Exportar CSV
          </button>
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
