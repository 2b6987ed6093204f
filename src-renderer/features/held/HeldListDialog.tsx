import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HeldCartView } from '../../../src-main/sales/cart-view';
import { api, errorMessage } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../shared/Dialog';
import { formatSoles } from '../../shared/format';
import { applyCart, refreshHeld } from '../sale/sale-actions';

function heldTime(iso: string | null): string {
  // Lima timestamps from the core: show the wall-clock time as written, no time zone math.
  return iso?.slice(11, 16) ?? '';
}

export function HeldListDialog() {
  const close = useUi((s) => s.close);
  const [held, setHeld] = useState<HeldCartView[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    api.call('cart.held').then(
      (list) => {
        setHeld(list);
        useSale.getState().setHeldCount(list.length);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);

  // The list arrives after the dialog opened: give it the focus so ↑ ↓ Enter work at once.
  useEffect(() => {
    list.current?.focus();
  }, [held]);

  const resume = async (cart: HeldCartView | undefined) => {
    if (!cart) return;
    try {
      await applyCart(
        () => api.call('cart.resume', { cartId: cart.id }),
        () => null,
      );
      close();
      await refreshHeld();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const count = held?.length ?? 0;
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, count - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') void resume(held?.[active]);
    else return;
    event.preventDefault();
  };

  return (
    <Dialog title="Ventas en espera" testId="held-dialog" onClose={close} size="wide">
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      {held === null && !error && <p className="muted">Cargando…</p>}
      {held?.length === 0 && <p className="muted">No hay ventas en espera.</p>}
      {held && held.length > 0 && (
        <ul ref={list} className="held-list" role="listbox" tabIndex={0} onKeyDown={onKeyDown}>
          {held.map((cart, index) => (
            <li
              key={cart.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onClick={() => void resume(cart)}
              data-testid="held-item"
            >
              <span className="held-label">{cart.label ?? 'Sin nombre'}</span>
              <span className="muted">
                {heldTime(cart.heldAt)} · {cart.cashier} · {cart.lineCount}{' '}
                {cart.lineCount === 1 ? 'línea' : 'líneas'}
              </span>
              <strong>{formatSoles(cart.totalCents)}</strong>
            </li>
          ))}
        </ul>
      )}
      <p className="dialog-hint muted">
        Al retomar una venta, la venta en curso (si tiene productos) queda en espera.
      </p>
    </Dialog>
  );
}
