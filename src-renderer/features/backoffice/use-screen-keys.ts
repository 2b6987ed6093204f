import { useEffect } from 'react';
import { useSession } from '../../state/session-store';
import { useUi, type Screen } from '../../state/ui-store';
import { screenForKey } from './screens';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

function targetScreen(event: KeyboardEvent, current: Screen): Screen | null {
  const permissions = useSession.getState().actor?.permissions ?? [];
  const byKey = screenForKey(event.key, permissions);
  if (byKey) return byKey;
  // Esc backs out of a back-office screen; on the sale screen it belongs to "Anular venta".
  if (event.key === 'Escape' && current !== 'sale' && !isEditable(event.target)) return 'sale';
  return null;
}

/**
 * The top bar's keys, wherever the focus is. Not while a dialog holds something half done or the
 * supervisor prompt is open; the receipt of a finished sale is no such dialog, a key just closes it.
 */
export function useScreenKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      const ui = useUi.getState();
      if (ui.approval || (ui.dialog && ui.dialog.kind !== 'receipt')) return;
      const screen = targetScreen(event, ui.screen);
      if (!screen) return;
      // Also keeps the browser's own F1 (help), F3 (find), F5 (reload) and F7 (caret browsing) away.
      event.preventDefault();
      ui.close();
      ui.go(screen);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
