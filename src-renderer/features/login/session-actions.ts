import { api } from '../../api/client';
import { useSale } from '../../state/sale-store';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';

/** Store name, terminal and the people who may log in: all public, shown before login. */
export async function loadPublicInfo(): Promise<void> {
  const [store, users] = await Promise.all([api.call('store.info'), api.call('session.users')]);
  useSession.getState().setPublicInfo(store, users);
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
