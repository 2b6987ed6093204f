import { api } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';

/** Store name, terminal and the people who may log in: all public, shown before login. */
export async function loadPublicInfo(): Promise<void> {
  const [store, users] = await Promise.all([api.call('store.info'), api.call('session.users')]);
  useSession.getState().setPublicInfo(store, users);
}

/**
 * Who may log in changes while the app runs (a new cashier, a deactivated one): the login
 * screen asks again each time it shows. On failure the list it has stays.
 */
export async function refreshLoginUsers(): Promise<void> {
  try {
    useSession.setState({ users: await api.call('session.users') });
  } catch {
    // The list from the start (or the last refresh) is still a good list to pick from.
  }
}

export async function login(username: string, pin: string): Promise<void> {
  const session = await api.call('session.login', { username: username.trim(), pin });
  useSale.getState().reset();
  useUi.setState({ dialog: null, message: null });
  useSession.getState().signedIn(session);
}

/** A token kept from before a reload is checked once; the core may have restarted since. */
export async function checkRestoredSession(): Promise<void> {
  if (!useSession.getState().token) return;
  try {
    const actor = await api.call('session.me');
    useSession.setState({ actor });
  } catch {
    // NOT_AUTHENTICATED already sent us to the login screen (see api/client).
  }
}

export async function logout(): Promise<void> {
  try {
    await api.call('session.logout');
  } finally {
    useSale.getState().reset();
    useUi.setState({ dialog: null, message: null });
    useSession.getState().signedOut();
  }
}
