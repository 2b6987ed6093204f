import { useSale } from '../../state/sale-store';
import { useUi } from '../../state/ui-store';
import { refreshHeld, selectedLine } from './sale-actions';

/** What the function keys and their on-screen buttons do; both call these. */

function hasLines(): boolean {
  return (useSale.getState().cart?.lines.length ?? 0) > 0;
}

function refuse(text: string): void {
  useUi.getState().say('error', text);
}

export function openSearch(): void {
  useUi.getState().open({ kind: 'search' });
}

export function openCustomer(): void {
  useUi.getState().open({ kind: 'customer' });
}

export function openSaleDiscount(): void {
  if (!hasLines()) return refuse('La venta no tiene productos.');
  useUi.getState().open({ kind: 'discount', lineId: null, name: null });
}

export function openLineDiscount(): void {
  const line = selectedLine();
  if (!line) return refuse('Elija primero una línea.');
  useUi.getState().open({ kind: 'discount', lineId: line.id, name: line.name });
}

export function openPayment(): void {
  const cart = useSale.getState().cart;
  if (!cart || cart.lines.length === 0) return refuse('La venta no tiene productos.');
  // The core's own reason, shown before the cashier starts taking money.
  if (cart.documentProblem) return refuse(cart.documentProblem);
  useUi.getState().open({ kind: 'payment' });
}

export function openHold(): void {
  if (!hasLines()) return refuse('La venta no tiene productos.');
  useUi.getState().open({ kind: 'hold' });
}

export function openHeld(): void {
  void refreshHeld();
  useUi.getState().open({ kind: 'held' });
}

export function openCancel(): void {
  if (!hasLines()) return;
  useUi.getState().open({ kind: 'cancel' });
}

export function openDrawerDialog(): void {
  useUi.getState().open({ kind: 'drawer' });
}
