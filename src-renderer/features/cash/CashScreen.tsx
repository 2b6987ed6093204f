import { useState } from 'react';
import type { CashReportView, CashSessionView } from '../../../src-main/api/cash-contract';
import { api, ApiCallError } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { useSession } from '../../state/session-store';
import { formatSoles, parseAmountToCents } from '../../shared/format';
import { ErrorLine } from '../../shared/ErrorLine';
import { useBusyAction, useLoaded } from '../../shared/hooks';
import { BackOfficePage } from '../backoffice/BackOfficePage';
import { LoadStatus } from '../backoffice/LoadStatus';
import { CashReportPanel } from './CashReportView';
import { CountForm } from './CountForm';
import { parseCounts, type Counts } from './denominations';
import './cash.css';

/** Caja: open with a counted float, cash in and out, X report, and the Z close by denomination. */
export function CashScreen() {
  const { value, setValue, loadError, reload } = useLoaded(async () => ({
    session: await api.call('cash.current'),
  }));
  const [report, setReport] = useState<{ report: CashReportView; sessionId: string | null } | null>(null);
  const session = value?.session ?? null;
  const setSession = (next: CashSessionView | null) => setValue({ session: next });
  return (
    <BackOfficePage title="Caja" testId="cash-screen">
      <LoadStatus loaded={value !== null} error={loadError} onRetry={reload} testId="cash-load-error" />
      {report && <CashReportPanel report={report.report} sessionId={report.sessionId} />}
      {value && !session && (
        <OpenForm
          onOpened={(s) => {
            setReport(null);
            setSession(s);
          }}
        />
      )}
      {session && (
        <>
          <SessionSummary session={session} onReport={(x) => setReport({ report: x, sessionId: null })} />
          <MovementForm onMoved={setSession} />
          <CloseForm
            session={session}
            onClosed={(closedReport, closedId) => {
              setReport({ report: closedReport, sessionId: closedId });
              setSession(null);
            }}
          />
        </>
      )}
    </BackOfficePage>
  );
}

function OpenForm({ onOpened }: { onOpened(session: CashSessionView): void }) {
  const [pen, setPen] = useState<Counts>({});
  const { error, setError, busy, run } = useBusyAction();
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = () =>
    run(async () => {
      const parsed = parseCounts(pen, {});
      if ('invalid' in parsed) {
        setInvalid(parsed.invalid);
        setError('Escriba cuántos billetes y monedas hay, en números enteros.');
        return;
      }
      setInvalid(null);
      onOpened(await api.call('cash.open', { count: parsed.count }));
    });
  return (
    <section className="panel" aria-labelledby="cash-open-title">
      <h2 id="cash-open-title">La caja está cerrada</h2>
      <p className="muted">Cuente el fondo inicial por denominación. Un supervisor abre la caja.</p>
      <CountForm
        pen={pen}
        usd={{}}
        onPen={setPen}
        onUsd={() => undefined}
        withDollars={false}
        invalid={invalid}
      />
      <ErrorLine error={error} />
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void submit()}
        data-testid="cash-open"
      >
        Abrir caja
      </button>
    </section>
  );
}

function SessionSummary({
  session,
  onReport,
}: {
  session: CashSessionView;
  onReport(report: CashReportView): void;
}) {
  const canManage = useSession((s) => s.actor?.permissions.includes('cash.manage') ?? false);
  const { error, busy, run } = useBusyAction();
  const expected = session.totals?.expected;
  return (
    <section className="panel" data-testid="cash-session">
      <h2>
        Sesión {session.number} · abierta por {session.openedBy}
      </h2>
      <p>Fondo inicial {formatSoles(session.floatCents)}</p>
      {expected ? (
        <p data-testid="cash-expected">
          Efectivo esperado <strong>{formatSoles(expected.penCents)}</strong>
        </p>
      ) : (
        <p className="muted">Cierre a ciegas: cuente el efectivo sin ver lo esperado.</p>
      )}
      {session.movements.length > 0 && (
        <table className="data-table" data-testid="cash-movements">
          <tbody>
            {session.movements.map((m) => (
              <tr key={m.id}>
                <td>{m.kind === 'in' ? 'Ingreso' : 'Retiro'}</td>
                <td>{m.reason}</td>
                <td className="num">{formatSoles(m.amountCents)}</td>
                <td>{m.approvedBy ? `autorizó ${m.approvedBy}` : m.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => onReport(await api.call('cash.report', {})))}
            data-testid="cash-x"
          >
            Ver reporte X
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => void (await api.call('cash.printReport', {})))}
            data-testid="cash-print-x"
          >
            Imprimir reporte X
          </button>
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

function MovementForm({ onMoved }: { onMoved(session: CashSessionView): void }) {
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useBusyAction();
  const submit = () =>
    run(async () => {
      const amountCents = parseAmountToCents(amount);
      if (amountCents === null || amountCents <= 0) {
        setError('Escriba el monto, por ejemplo 20.00');
        return;
      }
      const input = { amountCents, reason };
      onMoved(kind === 'in' ? await api.call('cash.cashIn', input) : await api.call('cash.cashOut', input));
      setAmount('');
      setReason('');
    });
  return (
    <section className="panel" aria-labelledby="cash-move-title">
      <h2 id="cash-move-title">Ingreso o retiro de efectivo</h2>
      <div className="row">
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value === 'in' ? 'in' : 'out')}
          data-testid="cash-move-kind"
        >
          <option value="out">Retiro (necesita supervisor)</option>
          <option value="in">Ingreso</option>
        </select>
        <input
          className="num"
          inputMode="decimal"
          placeholder="0.00"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="cash-move-amount"
          aria-label="Monto"
        />
        <input
          placeholder="Motivo"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="cash-move-reason"
          aria-label="Motivo"
        />
        <button type="button" disabled={busy} onClick={() => void submit()} data-testid="cash-move-submit">
          Registrar
        </button>
      </div>
      <ErrorLine error={error} />
    </section>
  );
}

function CloseForm({
  session,
  onClosed,
}: {
  session: CashSessionView;
  onClosed(report: CashReportView, sessionId: string): void;
}) {
  const [pen, setPen] = useState<Counts>({});
  const [usd, setUsd] = useState<Counts>({});
  const [card, setCard] = useState('');
  const [wallet, setWallet] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { error, setError, busy, run } = useBusyAction();
  const optionalCents = (text: string) => (text.trim() === '' ? null : parseAmountToCents(text));
  const submit = () =>
    run(async () => {
      const parsed = parseCounts(pen, usd);
      if ('invalid' in parsed) {
        setInvalid(parsed.invalid);
        setError('Escriba cuántos billetes y monedas hay, en números enteros.');
        return;
      }
      setInvalid(null);
      const input = {
        count: parsed.count,
        cardCents: optionalCents(card),
        walletCents: optionalCents(wallet),
        ...(reason.trim() ? { reason } : {}),
      };
      const outcome = await api.call('cash.close', input).catch(async (failure: unknown) => {
        // A difference over the store's limit: an administrador authorises it with their PIN.
        if (!(failure instanceof ApiCallError) || failure.code !== 'CASH_CLOSE_OVER_LIMIT') throw failure;
        const adminApproval = await useUi.getState().requestApproval(failure.message, null);
        if (!adminApproval) throw failure;
        return api.call('cash.close', { ...input, adminApproval });
      });
      onClosed(outcome.report, outcome.session.id);
    });
  return (
    <section className="panel" aria-labelledby="cash-close-title">
      <h2 id="cash-close-title">Cierre de caja (Z)</h2>
      <p className="muted">
        Cuente todo el efectivo por denominación{session.blindClose ? ' (a ciegas)' : ''}. El supervisor
        confirma con su PIN.
      </p>
      <CountForm pen={pen} usd={usd} onPen={setPen} onUsd={setUsd} withDollars invalid={invalid} />
      <div className="row">
        <label>
          Tarjeta (según el cierre del POS)
          <input
            className="num"
            inputMode="decimal"
            value={card}
            onChange={(e) => setCard(e.target.value)}
            data-testid="cash-close-card"
          />
        </label>
        <label>
          Yape/Plin (según la app)
          <input
            className="num"
            inputMode="decimal"
            value={wallet}
            onChange={(e) => setWallet(e.target.value)}
            data-testid="cash-close-wallet"
          />
        </label>
        <label>
          Motivo de la diferencia (si la hay)
          <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="cash-close-reason" />
        </label>
      </div>
      <ErrorLine error={error} />
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void submit()}
        data-testid="cash-close"
      >
        Cerrar caja
      </button>
    </section>
  );
}
