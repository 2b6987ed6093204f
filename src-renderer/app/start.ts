import { getBridge } from '../api/bridge';
import { onSyncChanged } from '../features/sync/sync-store';
import { loadDeviceSettings, refreshDevicesStatus, resetDevices } from '../features/devices/devices-store';
import { routeSerialScan } from '../features/devices/route-scan';
import { onFiscalChanged, resetFiscal } from '../features/fiscal/fiscal-store';
import { checkRestoredSession, loadPublicInfo } from '../features/login/session-actions';
import { onCartChangedElsewhere } from '../features/sale/sale-actions';
import { useSession } from '../state/session-store';
import { useUi } from '../state/ui-store';

let starting: Promise<void> | null = null;

/** Once per page: what the login screen shows, a session kept across a reload, and the core's events. */
export function startApp(): Promise<void> {
  starting ??= start();
  return starting;
}

async function start(): Promise<void> {
  getBridge().onEvent((event) => {
    if (event.type === 'cart.changed') onCartChangedElsewhere();
    // A sale queues its boleta or factura: the banner and the monitor count it too.
    else if (event.type === 'fiscal.changed' || event.type === 'sale.completed') onFiscalChanged();
    if (event.type === 'sync.changed' || event.type === 'sale.completed') onSyncChanged();
    else if (event.type === 'devices.changed') void refreshDevicesStatus();
    else if (event.type === 'scanner.scanned') {
      if (useSession.getState().actor) routeSerialScan(event.code);
    } else if (
      event.type === 'session.ended' &&
      event.reason === 'inactive' &&
      useSession.getState().actor?.userId === event.userId
    ) {
      useSession.getState().signedOut('Su sesión se cerró por inactividad. Ingrese de nuevo.');
    }
  });
  // Whoever signs in next starts at the counter, with nothing of the previous session on screen.
  useSession.subscribe((state, previous) => {
    if (state.actor?.userId === previous.actor?.userId) return;
    useUi.getState().go('sale');
    resetFiscal();
    resetDevices();
    if (state.actor) void loadDeviceSettings();
  });
  await loadPublicInfo();
  await checkRestoredSession();
}
