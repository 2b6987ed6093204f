import { useEffect, useRef } from 'react';
import { useDevices } from '../../state/device-store';
import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { useKeyboardWedge } from '../../shared/keyboard-wedge';
import { DeadlineBanner } from '../fiscal/DeadlineBanner';
import { CashClosedBanner } from '../cash/CashClosedBanner';
import { CartTable } from './CartTable';
import { DialogHost } from './DialogHost';
import { FunctionBar } from './FunctionBar';
import { LineActions } from './LineActions';
import { MessageBanner } from './MessageBanner';
import { ScanInput } from './ScanInput';
import { TotalsPanel } from './TotalsPanel';
import { moveSelection, refreshCart, refreshHeld, removeSelected, scan, stepQuantity } from './sale-actions';
import {
  openCancel,
  openCustomer,
  openHold,
  openPayment,
  openSaleDiscount,
  openSearch,
} from './sale-commands';
import './sale.css';

const FUNCTION_KEYS: Record<string, () => void> = {
  F2: openSearch,
  F4: openCustomer,
  F6: openSaleDiscount,
  F8: openPayment,
  F9: openHold,
  Escape: openCancel,
};

function isField(target: EventTarget | null): boolean {
  return (
    target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

export function SaleScreen() {
  const scanInput = useRef<HTMLInputElement>(null);
  const dialogOpen = useUi((s) => s.dialog !== null || s.approval !== null);

  const wedge = useDevices((s) => s.wedge);
  useKeyboardWedge((code) => void scan(code), wedge);

  useEffect(() => {
    void refreshCart();
    void refreshHeld();
  }, []);

  // The scan input owns the focus whenever nothing else needs it.
  useEffect(() => {
    if (!dialogOpen) scanInput.current?.focus();
  }, [dialogOpen]);

  useEffect(() => {
    const refocus = (event: MouseEvent) => {
      const ui = useUi.getState();
      if (ui.dialog || ui.approval || isField(event.target)) return;
      scanInput.current?.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const ui = useUi.getState();
      if (ui.dialog || ui.approval || event.defaultPrevented) return;
      const command = FUNCTION_KEYS[event.key];
      if (command) {
        event.preventDefault();
        command();
        return;
      }
      const inScan = event.target === scanInput.current;
      // Keys that edit the selected line, unless the person is typing a code or in another field.
      const free = inScan ? scanInput.current?.value === '' : !isField(event.target);
      if (!free) return;
      const action: (() => void) | undefined = {
        ArrowUp: () => moveSelection(-1),
        ArrowDown: () => moveSelection(1),
        '+': () => void stepQuantity(1),
        '-': () => void stepQuantity(-1),
        Delete: () => void removeSelected(),
      }[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('click', refocus);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('click', refocus);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  const hasCart = useSale((s) => s.cart !== null);

  return (
    <div className="sale-screen">
      <DeadlineBanner />
      <CashClosedBanner />
      <main className="sale-main">
        <section className="sale-left">
          <ScanInput ref={scanInput} />
          <MessageBanner />
          {hasCart ? <CartTable /> : <div className="cart-empty">Cargando la venta…</div>}
          <LineActions />
          <FunctionBar />
        </section>
        <TotalsPanel />
      </main>
      <DialogHost />
    </div>
  );
}
