import { useState, type FormEvent } from 'react';
import type { Discount } from '../../../src-main/sales/cart-pricing';
import { api, errorMessage } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import {
  formatAmount,
  formatPercent,
  formatSoles,
  parseAmountToCents,
  parsePercentToBps,
} from '../../shared/format';
import { applyCart } from './sale-actions';

interface DiscountDialogProps {
  /** Null: the discount applies to the whole sale (F6). */
  lineId: string | null;
  name: string | null;
}

function describe(discount: Discount | null): string {
  if (!discount) return 'Sin descuento';
  return discount.kind === 'percent' ? formatPercent(discount.value) : formatSoles(discount.value);
}

/** Asks for a discount; if it is over the cashier's limit the core asks for a supervisor (see api/client). */
export function DiscountDialog({ lineId, name }: DiscountDialogProps) {
  const close = useUi((s) => s.close);
  const current = useSale((s) =>
    lineId ? (s.cart?.lines.find((l) => l.id === lineId)?.discount ?? null) : (s.cart?.saleDiscount ?? null),
  );
  const [kind, setKind] = useState<Discount['kind']>(current?.kind ?? 'percent');
  const [text, setText] = useState(
    current
      ? current.kind === 'percent'
        ? formatPercent(current.value).replace(' %', '')
        : formatAmount(current.value)
      : '',
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (discount: Discount | null) => {
    setBusy(true);
    setError(null);
    try {
      await applyCart(() =>
        lineId
          ? api.call('cart.setLineDiscount', { lineId, discount })
          : api.call('cart.setSaleDiscount', { discount }),
      );
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = kind === 'percent' ? parsePercentToBps(text) : parseAmountToCents(text);
    if (value === null || value === 0) {
      setError(
        kind === 'percent'
          ? 'Escriba el porcentaje, por ejemplo 10 o 12.5'
          : 'Escriba el monto, por ejemplo 2.50',
      );
      return;
    }
    void save({ kind, value });
  };

  const title = lineId ? `Descuento: ${name ?? 'línea'}` : 'Descuento a toda la venta (F6)';
  return (
    <Dialog title={title} testId="discount-dialog" onClose={close}>
      <form onSubmit={submit} className="stack">
        <p className="muted">Actual: {describe(current)}</p>
        <div className="segmented" role="group" aria-label="Tipo de descuento">
          <button
            type="button"
            className={kind === 'percent' ? 'active' : ''}
            onClick={() => setKind('percent')}
            data-testid="discount-percent"
          >
            Porcentaje (%)
          </button>
          <button
            type="button"
            className={kind === 'amount' ? 'active' : ''}
            onClick={() => setKind('amount')}
            data-testid="discount-amount"
          >
            Monto (S/)
          </button>
        </div>
        <input
          className="big-input num"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={kind === 'percent' ? '10' : '0.00'}
          autoComplete="off"
          data-autofocus
          data-testid="discount-value"
        />
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="discount-apply">
            Aplicar (Enter)
          </button>
          {current && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void save(null)}
              data-testid="discount-clear"
            >
              Quitar descuento
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
