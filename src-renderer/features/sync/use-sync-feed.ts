import { useEffect } from 'react';
import { useSession } from '../../state/session-store';
import { refreshSyncStatus, resetSync } from './sync-store';

/** Slow on purpose: events bring every change; this only moves "hace 3 min" along and covers a missed event. */
export const SYNC_REFRESH_MS = 30_000;

/**
 * Keeps the sync status current while someone is signed in: at once and on a slow timer (the
 * core's `sync.changed` and `sale.completed` events reach the store through app/start.ts).
 * Mounted once, by the workspace; signing out forgets it all.
 */
export function useSyncFeed(): void {
  const userId = useSession((s) => s.actor?.userId ?? null);
  useEffect(() => {
    if (!userId) return undefined;
    void refreshSyncStatus();
    const timer = window.setInterval(() => void refreshSyncStatus(), SYNC_REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      resetSync();
    };
  }, [userId]);
}
