import { app } from 'electron';

/**
 * One copy of the app per user profile: two copies writing the same terminal database would
 * each push the same outbox and SUNAT queue. Returns false when another copy already runs
 * (it is told to come forward and this one should quit).
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}
