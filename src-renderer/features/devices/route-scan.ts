import { useUi } from '../../state/ui-store';
import { beep } from '../../shared/feedback';
import { scan } from '../sale/sale-actions';

/**
 * A code from the serial scanner: the same scan action as a keyboard-wedge burst, on the
 * counter with no dialog open; elsewhere it is refused out loud rather than lost silently.
 */
export function routeSerialScan(code: string): void {
  const ui = useUi.getState();
  if (ui.screen === 'sale' && !ui.dialog && !ui.approval) {
    void scan(code);
    return;
  }
  ui.say(
    'error',
    `Código ${code} leído, pero no se agregó: termine primero lo que está haciendo y vuelva a escanear.`,
  );
  beep();
}
