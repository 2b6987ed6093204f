import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { formatAmount, formatSoles, parseAmountToCents } from '../../shared/format';
import { refreshCart } from '../sale/sale-actions';
import { MethodForm, type Method } from './MethodForm';
import { PaymentList } from './PaymentList';
import { previewPayments, type PaymentInput } from './payment-preview';
import './payment.css';

const QUICK_CASH_CENTS = [1_000, 2_000, 5_000, 10_000, 20_000];

const METHODS: Array<{ id: Method; label: string }> = [
  { id: 'cash', label: 'Efectivo' },
  { id: 'card', label: 'Tarjeta' },
  { id: 'yape', label: 'Yape' },
  { id: 'plin', label: 'Plin' },
  { id: 'usd', label: 'Dólares' },
];

/** F8: take the money. Shows what is due and the change before anything is recorded. */
export function PaymentDialog() {
  const close = useUi((s) => s.close);
  const open = useUi((s) => s.open);
  const totalCents = useSale((s) => s.cart?.totals.totalCents ?? 0);
  const [method, setMethod] = useState<Method>('cash');
  const [entries, setEntries] = useState<PaymentInput[]>([]);
  const [cashText, setCashText] = useState('');
  const [rate, setRate] = useState<{ date: string; rateE4: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cashField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.call('exchangeRate.today').then(setRate, () => setRate(null));
  }, []);

  const cashCents = parseAmountToCents(cashText);
  const payments = useMemo<PaymentInput[]>(
    () => (cashCents ? [...entries, { method: 'cash', tenderedCents: cashCents }] : entries),
    [entries, cashCents],
  );
  const rateE4 = rate?.rateE4 ?? null;
  const preview = previewPayments(totalCents, payments, rateE4);
  const beforeCash = previewPayments(totalCents, entries, rateE4);

  const confirm = async () => {
    if (busy) return;
    if (cashText.trim() !== '' && cashCents === null) {
      setError('El efectivo recibido no es un monto válido. Escríbalo como 50 o 50.50');
      return;
    }
    if (payments.length === 0) {
      setError('Ingrese el efectivo recibido o agregue un pago.');
      return;
    }
    if (preview.dueCents > 0) {
      setError(`Falta cobrar ${formatSoles(preview.dueCents)}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('checkout.complete', { expectedTotalCents: totalCents, payments });
      open({ kind: 'receipt', sale: result.sale, receipt: result.receipt, fiscal: result.fiscal });
      void refreshCart();
    } catch (failure) {
      setError(errorMessage(failure));
      // The total may have changed under us (TOTAL_CHANGED): show the core's current cart.
      void refreshCart();
    } finally {
      setBusy(false);
    }
  };

  const onCashKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void confirm();
  };

  const selectMethod = (next: Method) => {
    setMethod(next);
    setError(null);
    if (next === 'cash') window.setTimeout(() => cashField.current?.focus(), 0);
  };

  const addEntry = (entry: PaymentInput) => {
    setEntries((list) => [...list, entry]);
    setError(null);
    selectMethod('cash');
  };

  return (
    <Dialog title="Cobrar (F8)" testId="payment-dialog" onClose={close} size="wide" className="payment">
      <div className="payment-summary">
        <div>
          <span>Total</span>
          <strong data-testid="payment-total">{formatSoles(totalCents)}</strong>
        </div>
        <div>
          <span>Recibido</span>
          <strong data-testid="payment-paid">{formatSoles(preview.paidCents)}</strong>
        </div>
        <div className={preview.dueCents > 0 ? 'due' : 'settled'}>
          <span>Falta</span>
          <strong data-testid="payment-due">{formatSoles(preview.dueCents)}</strong>
        </div>
        <div className="change">
          <span>Vuelto</span>
          <strong data-testid="payment-change">{formatSoles(preview.changeCents)}</strong>
        </div>
      </div>

      <div className="payment-methods" role="tablist" aria-label="Forma de pago">
        {METHODS.map((m) => (
          <button
            key={m.id}
            type="button"
            role="tab"
            aria-selected={method === m.id}
            className={method === m.id ? 'active' : ''}
            onClick={() => selectMethod(m.id)}
            data-testid={`payment-tab-${m.id}`}
          >
            {m.label}
          </button>
        ))}
      </div>

      {method === 'cash' ? (
        <div className="payment-cash stack">
          <label>
            Efectivo recibido (S/)
            <input
              ref={cashField}
              className="big-input num"
              inputMode="decimal"
              value={cashText}
              onChange={(e) => setCashText(e.target.value)}
              onKeyDown={onCashKey}
              placeholder={formatAmount(beforeCash.dueCents)}
              autoComplete="off"
              data-autofocus
              data-testid="payment-cash"
            />
          </label>
          <div className="quick-cash">
            <button
              type="button"
              onClick={() => setCashText(formatAmount(beforeCash.dueCents))}
              data-testid="payment-quick-exact"
            >
              Exacto
            </button>
            {QUICK_CASH_CENTS.map((cents) => (
              <button
                key={cents}
                type="button"
                onClick={() => setCashText(formatAmount(cents))}
                data-testid={`payment-quick-${cents / 100}`}
              >
                {formatSoles(cents).replace('.00', '')}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <MethodForm
          key={method}
          method={method}
          dueCents={beforeCash.dueCents}
          rate={rate}
          onAdd={addEntry}
          onRateSaved={setRate}
        />
      )}

      <PaymentList
        entries={entries}
        rateE4={rateE4}
        onRemove={(i) => setEntries((l) => l.filter((_, j) => j !== i))}
      />

      {error && (
        <p className="dialog-error" role="alert" data-testid="payment-error">
          {error}
        </p>
      )}

      <button
        type="button"
        className="primary payment-confirm"
        disabled={busy}
        onClick={() => void confirm()}
        data-testid="payment-confirm"
      >
        Confirmar cobro {preview.changeCents > 0 ? `· vuelto ${formatSoles(preview.changeCents)}` : ''}{' '}
        (Enter)
      </button>
    </Dialog>
  );
}
