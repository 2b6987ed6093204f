import { create } from 'zustand';
import type { ActorView, SessionView, StoreView } from '../../src-main/api/contract';
import type { Role } from '../../src-main/users/roles';

export interface UserOption {
  username: string;
  fullName: string;
  role: Role;
}

interface SessionState {
  store: StoreView | null;
  users: UserOption[];
  token: string | null;
  actor: ActorView | null;
  /** Why the last session ended, shown on the login screen. */
  notice: string | null;
  setPublicInfo(store: StoreView, users: UserOption[]): void;
  signedIn(session: SessionView): void;
  signedOut(notice?: string | null): void;
}

// Survives a page reload in this tab only (a closed tab must log in again).
const SESSION_KEY = 'mostrador.session';

function restored(): Pick<SessionState, 'token' | 'actor'> {
  try {
    const saved = sessionStorage.getItem(SESSION_KEY);
    if (saved) return JSON.parse(saved) as SessionView;
  } catch {
    // A corrupt entry just means logging in again.
  }
  return { token: null, actor: null };
}

export const useSession = create<SessionState>()((set) => ({
  store: null,
  users: [],
  ...restored(),
  notice: null,
  setPublicInfo: (store, users) => set({ store, users }),
  signedIn: (session) => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    set({ token: session.token, actor: session.actor, notice: null });
  },
  signedOut: (notice = null) => {
    sessionStorage.removeItem(SESSION_KEY);
    set({ token: null, actor: null, notice });
  },
}));
