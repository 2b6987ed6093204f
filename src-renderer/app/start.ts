import { getBridge } from '../api/bridge';
import { checkRestoredSession, loadPublicInfo } from '../features/login/session-actions';
import { onCartChangedElsewhere } from '../features/sale/sale-actions';
import { useSession } from '../state/session-store';

let starting: Promise<void> | null = null;

/** Once per page: what the login screen shows, a session kept across a reload, and the core's events. */
export function startApp(): Promise<void> {
  starting ??= start();
  return starting;
}

async function start(): Promise<void> {
  getBridge().onEvent((event) => {
    if (event.type === 'cart.changed') onCartChangedElsewhere();
    else if (event.type === 'session.ended' && event.reason === 'inactive' && useSession.getState().actor) {
      useSession.getState().signedOut('Su sesión se cerró por inactividad. Ingrese de nuevo.');
    }
  });
  await loadPublicInfo();
  await checkRestoredSession();
}
