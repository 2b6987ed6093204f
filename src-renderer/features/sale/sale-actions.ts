import type { CartView } from '../../../src-main/sales/cart-view';
import { api, ApiCallError, errorMessage } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { beep } from '../../shared/feedback';

/**
 * Every change to the sale goes to the core, which answers with the whole new cart; the
 * screen stores that answer as is. Answers are applied in the order the calls were made,
 * so a slow reply can never overwrite a newer cart.
 */
let sent = 0;
let applied = 0;
let inFlight = 0;

type PickLine = (before: CartView | null, after: CartView) => string | null | undefined;

export async function applyCart(
  run: () => Promise<CartView>,
  pick?: PickLine,
  { keepMessage = false } = {},
): Promise<CartView> {
  const order = ++sent;
  inFlight += 1;
  try {
    const before = useSale.getState().cart;
    const view = await run();
    if (order > applied) {
      applied = order;
      useSale.getState().setCart(view, pick?.(before, view));
    }
    // A change went through: the last refusal or notice no longer describes the sale.
    if (!keepMessage) useUi.getState().clearMessage();
    return view;
  } finally {
    inFlight -= 1;
  }
}

/** Shows a refusal in the sale banner, with a beep. */
export function report(error: unknown): void {
  useUi.getState().say('error', errorMessage(error));
  beep();
}

async function reported(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

/** The line a scan or addition touched: a new line, or the one whose quantity grew. */
const changedLine: PickLine = (before, after) => {
  const old = new Map(before?.lines.map((l) => [l.id, l.quantityMilli]));
  return after.lines.find((l) => old.get(l.id) !== l.quantityMilli)?.id;
};

function weightRequired(error: unknown): { productId: string; name: string } | null {
  if (!(error instanceof ApiCallError) || error.code !== 'WEIGHT_REQUIRED') return null;
  const details = error.details as { productId?: unknown; name?: unknown } | undefined;
  return typeof details?.productId === 'string' && typeof details.name === 'string'
    ? { productId: details.productId, name: details.name }
    : null;
}

export async function scan(code: string): Promise<boolean> {
  const trimmed = code.trim();
  if (trimmed === '') return false;
  const ui = useUi.getState();
  // Scanning on the receipt starts the next sale.
  if (ui.dialog?.kind === 'receipt') ui.close();
  try {
    await applyCart(() => api.call('cart.scan', { code: trimmed }), changedLine);
    return true;
  } catch (error) {
    // A loose item sold by weight (no scale label): ask its weight instead of refusing.
    const weighed = weightRequired(error);
    if (weighed) {
      ui.open({
        kind: 'weight',
        productId: weighed.productId,
        name: weighed.name,
        lineId: null,
        currentMilli: null,
      });
      return false;
    }
    report(error);
    return false;
  }
}

export function addProduct(productId: string, quantityMilli?: number): Promise<CartView> {
  return applyCart(
    () =>
      api.call('cart.addProduct', quantityMilli === undefined ? { productId } : { productId, quantityMilli }),
    changedLine,
  );
}

export function setQuantity(lineId: string, quantityMilli: number): Promise<CartView> {
  return applyCart(
    () => api.call('cart.setQuantity', { lineId, quantityMilli }),
    () => lineId,
  );
}

export function selectedLine() {
  const { cart, selectedLineId } = useSale.getState();
  return cart?.lines.find((l) => l.id === selectedLineId) ?? null;
}

/** + / − on the selected line; weighed lines ask for the weight instead. */
export async function stepQuantity(delta: 1 | -1): Promise<void> {
  const line = selectedLine();
  if (!line) return;
  if (line.unit === 'KGM') {
    editWeight();
    return;
  }
  await reported(() => setQuantity(line.id, line.quantityMilli + delta * 1000));
}

export function editWeight(): void {
  const line = selectedLine();
  if (!line) return;
  useUi.getState().open({
    kind: 'weight',
    productId: line.productId,
    name: line.name,
    lineId: line.id,
    currentMilli: line.quantityMilli,
  });
}

export async function removeSelected(): Promise<void> {
  const line = selectedLine();
  const cart = useSale.getState().cart;
  if (!line || !cart) return;
  const index = cart.lines.findIndex((l) => l.id === line.id);
  await reported(() =>
    applyCart(
      () => api.call('cart.removeLine', { lineId: line.id }),
      (_before, after) => (after.lines[index] ?? after.lines.at(-1))?.id ?? null,
    ),
  );
}

export function moveSelection(step: 1 | -1): void {
  const { cart, selectedLineId, select } = useSale.getState();
  if (!cart || cart.lines.length === 0) return;
  const index = cart.lines.findIndex((l) => l.id === selectedLineId);
  const next = index < 0 ? cart.lines.length - 1 : Math.min(cart.lines.length - 1, Math.max(0, index + step));
  select(cart.lines[next]?.id ?? null);
}

export async function setDocType(docType: '01' | '03'): Promise<void> {
  await reported(() => applyCart(() => api.call('cart.setDocType', { docType })));
}

export async function refreshCart(): Promise<void> {
  await reported(() => applyCart(() => api.call('cart.current'), undefined, { keepMessage: true }));
}

export async function refreshHeld(): Promise<void> {
  try {
    const held = await api.call('cart.held');
    useSale.getState().setHeldCount(held.length);
  } catch {
    // The count is a hint; the list dialog shows the real error if any.
  }
}

/** Another window (or the core itself) changed the cart: fetch it, unless our own call is on its way. */
export function onCartChangedElsewhere(): void {
  if (inFlight > 0 || !useSession.getState().actor) return;
  void refreshCart();
  void refreshHeld();
}

export async function cancelSale(): Promise<boolean> {
  const ok = await reported(() =>
    applyCart(
      () => api.call('cart.cancel'),
      () => null,
    ),
  );
  if (ok) useUi.getState().say('info', 'Venta anulada.');
  return ok;
}
