import { useEffect } from 'react';
import { useUi } from '../../state/ui-store';
import { reprint } from './printer-actions';

/** Free on every screen (the sale screen uses F2 F4 F6 F8 F9, the back office F1 F3 F5 F7 F11). */
export const REPRINT_KEY = 'F10';

/** One key reprints the last receipt from anywhere, unless a dialog or a PIN prompt is open. */
export function useReprintKey(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== REPRINT_KEY || event.defaultPrevented) return;
      // Chromium's F10 would focus the window menu.
      event.preventDefault();
      const ui = useUi.getState();
      if (ui.approval || (ui.dialog && ui.dialog.kind !== 'receipt')) return;
      const saleId = ui.dialog?.kind === 'receipt' ? ui.dialog.sale.id : undefined;
      void reprint(saleId ? { saleId } : {});
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
