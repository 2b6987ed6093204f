import { create } from 'zustand';
import type { SyncStatusView } from '../../../src-main/sync/sync-views';
import { api, errorMessage } from '../../api/client';
import { useSession } from '../../state/session-store';
import { coalesce } from '../fiscal/coalesce';
import { syncNowOutcome, type NowOutcome } from './sync-labels';

interface SyncStoreState {
  /** The engine's state as last reported; null until first loaded. */
  status: SyncStatusView | null;
  /** When it arrived (this screen's clock): "hace 3 min" is counted from here, re-rendered with each refresh. */
  checkedAt: number;
  statusError: string | null;
  /** "Sincronizar ahora" pressed on this screen and not answered yet. */
  syncingHere: boolean;
  /** What the last "Sincronizar ahora" achieved. */
  outcome: NowOutcome | null;
}

const INITIAL = { status: null, checkedAt: 0, statusError: null, syncingHere: false, outcome: null };

/** The sync engine as the indicator and the Sincronización screen show it. */
export const useSync = create<SyncStoreState>()(() => INITIAL);

let asked = 0;
// Bumped at sign-out: a "Sincronizar ahora" still running then must not report to the next person.
let generation = 0;

/** Fetches the status; a slower, older answer never replaces a newer one. */
export async function refreshSyncStatus(): Promise<void> {
  if (!useSession.getState().actor) return;
  const order = ++asked;
  try {
    const status = await api.call('sync.status');
    if (order === asked) useSync.setState({ status, checkedAt: Date.now(), statusError: null });
  } catch (error) {
    if (order === asked) useSync.setState({ statusError: errorMessage(error) });
  }
}

/** A call answered with a fresher status (enrol, configure, retry): show it as is. */
export function showSyncStatus(status: SyncStatusView): void {
  asked += 1;
  useSync.setState({ status, checkedAt: Date.now(), statusError: null });
}

/** "Sincronizar ahora": one push and one pull in the core; the answer says how it went. */
export async function syncNow(): Promise<void> {
  if (useSync.getState().syncingHere) return;
  const mine = generation;
  useSync.setState({ syncingHere: true, outcome: null });
  let outcome: NowOutcome;
  try {
    const after = await api.call('sync.now');
    if (mine !== generation) return;
    showSyncStatus(after);
    outcome = syncNowOutcome(after);
  } catch (error) {
    outcome = { kind: 'error', text: errorMessage(error) };
  }
  if (mine === generation) useSync.setState({ syncingHere: false, outcome });
}

// A push acknowledges rows in bursts: one refresh per quiet moment, at least every 2 s while busy.
const changes = coalesce(() => void refreshSyncStatus(), 300, 2_000);

/** The core said the engine moved (sync.changed), or a sale added to the outbox. */
export function onSyncChanged(): void {
  changes.trigger();
}

/** Signed out: nothing of the previous session is shown to the next person. */
export function resetSync(): void {
  changes.cancel();
  asked += 1;
  generation += 1;
  useSync.setState(INITIAL);
}

/** An old "Sincronizar ahora" result is no news: forgotten when the popover or screen opens again. */
export function clearSyncOutcome(): void {
  if (!useSync.getState().syncingHere) useSync.setState({ outcome: null });
}
