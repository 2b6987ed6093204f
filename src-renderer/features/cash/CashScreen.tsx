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
import { useCountEntry } from './use-count-entry';
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
  const entry = useCountEntry();
  const { error, setError, busy, run } = useBusyAction();
  const submit = () =>
    run(async () => {
      const count = entry.read(setError);
      if (count) onOpened(await api.call('cash.open', { count }));
    });
  return (
    <section className="panel" aria-labelledby="cash-open-title">
      <h2 id="cash-open-title">La caja está cerrada</h2>
      <p className="muted">Cuente el fondo inicial por denominación. Un supervisor abre la caja.</p>
      <CountForm
        pen={entry.pen}
        usd={{}}
        onPen={entry.setPen}
        onUsd={() => undefined}
        withDollars={false}
        invalid={entry.invalid}
      />
      <SubmitLine error={error} busy={busy} onSubmit={submit} testId="cash-open" label="Abrir caja" />
    </section>
  );
}

/** The form's error, then its one primary button. */
function SubmitLine(props: {
  error: string | null;
  busy: boolean;
  onSubmit(): Promise<void>;
  testId: string;
  label: string;
}) {
  return (
    <>
      <ErrorLine error={props.error} />
      <button
        type="button"
        className="primary"
        disabled={props.busy}
        onClick={() => void props.onSubmit()}
        data-testid={props.testId}
      >
        {props.label}
      </button>
    </>
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
  const entry = useCountEntry();
  const [card, setCard] = useState('');
  const [wallet, setWallet] = useState('');
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useBusyAction();
  const submit = () =>
    run(async () => {
      const count = entry.read(setError);
      if (!count) return;
      const cardCents = optionalCents(card);
      const walletCents = optionalCents(wallet);
      // Left empty means "not checked"; typed but not an amount is a mistake to point out.
      if (cardCents === undefined || walletCents === undefined) {
        setError(
          'Escriba el total de tarjeta y de Yape/Plin como un monto, por ejemplo 125.50, o déjelo vacío.',
        );
        return;
      }
      const input = {
        count,
        cardCents,
        walletCents,
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
      <CountForm
        pen={entry.pen}
        usd={entry.usd}
        onPen={entry.setPen}
        onUsd={entry.setUsd}
        withDollars
        invalid={entry.invalid}
      />
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
      <SubmitLine error={error} busy={busy} onSubmit={submit} testId="cash-close" label="Cerrar caja" />
    </section>
  );
}

/** null: left empty (not checked); undefined: typed, but not an amount. */
function optionalCents(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseAmountToCents(text) ?? undefined;
}
