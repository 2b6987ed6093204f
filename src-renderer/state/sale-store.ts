import { create } from 'zustand';
import type { CartView } from '../../src-main/sales/cart-view';

interface SaleState {
  /** The cart exactly as the core last described it; null until first loaded. */
  cart: CartView | null;
  selectedLineId: string | null;
  heldCount: number;
  setCart(cart: CartView, selectedLineId?: string | null): void;
  select(lineId: string | null): void;
  setHeldCount(count: number): void;
  reset(): void;
}

function keepSelection(cart: CartView, selected: string | null): string | null {
  if (selected && cart.lines.some((l) => l.id === selected)) return selected;
  return cart.lines.at(-1)?.id ?? null;
}

export const useSale = create<SaleState>()((set) => ({
  cart: null,
  selectedLineId: null,
  heldCount: 0,
  setCart: (cart, selectedLineId) =>
    set((state) => ({
      cart,
      selectedLineId: keepSelection(
        cart,
        selectedLineId === undefined ? state.selectedLineId : selectedLineId,
      ),
    })),
  select: (lineId) => set({ selectedLineId: lineId }),
  setHeldCount: (count) => set({ heldCount: count }),
  reset: () => set({ cart: null, selectedLineId: null, heldCount: 0 }),
}));
