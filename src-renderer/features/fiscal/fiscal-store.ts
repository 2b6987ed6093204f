import { create } from 'zustand';
import type { FiscalOverview } from '../../../src-main/fiscal/monitor/fiscal-monitor';
import { api, errorMessage } from '../../api/client';
import { useSession } from '../../state/session-store';
import { coalesce } from './coalesce';

interface FiscalState {
  /** The core's last overview (warnings, sender, certificate); null until first loaded. */
  overview: FiscalOverview | null;
  overviewError: string | null;
  /** Grows each time the SUNAT queue moved: screens showing documents reload on change. */
  revision: number;
}

export const useFiscal = create<FiscalState>()(() => ({ overview: null, overviewError: null, revision: 0 }));

let asked = 0;

/** Fetches the overview; a slower, older answer never replaces a newer one. */
export async function refreshOverview(): Promise<void> {
  if (!useSession.getState().actor) return;
  const order = ++asked;
  try {
    const overview = await api.call('fiscal.overview');
    if (order === asked) useFiscal.setState({ overview, overviewError: null });
  } catch (error) {
    if (order === asked) useFiscal.setState({ overviewError: errorMessage(error) });
  }
}

/** The monitor got a fresher overview as the answer of its own call (fiscal.sendNow). */
export function showOverview(overview: FiscalOverview): void {
  asked += 1;
  useFiscal.setState({ overview, overviewError: null });
}

// Half a second of quiet, but at least every 3 s while the sender works through a long queue.
const changes = coalesce(
  () => {
    useFiscal.setState((s) => ({ revision: s.revision + 1 }));
    void refreshOverview();
  },
  500,
  3_000,
);

/** The core said the queue moved (fiscal.changed, sale.completed). */
export function onFiscalChanged(): void {
  changes.trigger();
}

/** Another person signed in or out: nothing of the previous session is shown. */
export function resetFiscal(): void {
  changes.cancel();
  asked += 1;
  useFiscal.setState({ overview: null, overviewError: null });
}
