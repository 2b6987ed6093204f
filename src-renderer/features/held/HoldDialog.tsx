import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { applyCart, refreshHeld } from '../sale/sale-actions';

/** F9: parks the sale (with an optional label such as "señora de azul") to serve the next customer. */
export function HoldDialog() {
  const close = useUi((s) => s.close);
  const say = useUi((s) => s.say);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await applyCart(
        () => api.call('cart.hold', { label: label.trim() || null }),
        () => null,
      );
      close();
      say('info', label.trim() ? `Venta «${label.trim()}» en espera.` : 'Venta en espera.');
      await refreshHeld();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Dialog title="Poner la venta en espera (F9)" testId="hold-dialog" onClose={close}>
      <form onSubmit={submit} className="stack">
        <label>
          Nombre para reconocerla (opcional)
          <input
            className="big-input"
            value={label}
            maxLength={40}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="Ej.: señora de casaca roja"
            autoComplete="off"
            data-autofocus
            data-testid="hold-label"
          />
        </label>
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" data-testid="hold-submit">
          Poner en espera (Enter)
        </button>
      </form>
    </Dialog>
  );
}
