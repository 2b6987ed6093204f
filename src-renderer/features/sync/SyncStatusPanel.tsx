import type { SyncStatusView } from '../../../src-main/sync/sync-views';
import { ErrorLine } from '../../shared/ErrorLine';
import { FactList } from '../../shared/FactList';
import { formatDay } from '../fiscal/fiscal-labels';
import { SyncNowButton } from './SyncNowButton';
import {
  clockSkewText,
  hourText,
  pendingText,
  rejectedText,
  shownState,
  stateWords,
  statusFacts,
  toneBoxClass,
  type Fact,
} from './sync-labels';
import { useSync } from './sync-store';

function facts(status: SyncStatusView, nowMs: number): Fact[] {
  const nightly = status.lastNightlyRunOn
    ? `Todos los días a las ${hourText(status.nightlyHour)} (la última, el ${formatDay(status.lastNightlyRunOn)})`
    : `Todos los días a las ${hourText(status.nightlyHour)}`;
  return [
    { label: 'Central', value: status.hqUrl ?? '—' },
    { label: 'Tienda en la central', value: status.storeName ?? '—' },
    { label: 'Por enviar', value: pendingText(status.pendingCount) },
    {
      label: 'Rechazados',
      value: status.deadCount === 0 ? 'Ninguno' : `${rejectedText(status.deadCount)} (ver la lista abajo)`,
    },
    ...statusFacts(status, nowMs),
    {
      label: 'Cambios recibidos',
      value:
        status.pullCursor === 0
          ? 'Ninguno todavía'
          : `Hasta el cambio N.º ${String(status.pullCursor)} de la central`,
    },
    { label: 'Sincronización nocturna', value: nightly },
  ];
}

/** Where this terminal stands with headquarters, and the button to sync right now. */
export function SyncStatusPanel({ status }: { status: SyncStatusView }) {
  const syncingHere = useSync((s) => s.syncingHere);
  const statusError = useSync((s) => s.statusError);
  const checkedAt = useSync((s) => s.checkedAt);
  const state = shownState(status, syncingHere);
  const words = stateWords(state);
  const skew = clockSkewText(status.clockSkewMs);
  return (
    <section className="panel" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">Estado</h2>
      <p
        className={`tone-box ${toneBoxClass(words.tone)}`}
        data-testid="sync-state"
        data-state={state}
        aria-live="polite"
      >
        {words.headline}
      </p>
      {skew && (
        <p className="tone-box tone-warn" role="status" data-testid="sync-clock-skew">
          {skew} Corrija la fecha y hora del equipo: las ventas llevan la hora de esta caja.
        </p>
      )}
      <FactList facts={facts(status, checkedAt)} testId="sync-facts" />
      <ErrorLine error={statusError} testId="sync-status-error" />
      {status.enrolled ? (
        <SyncNowButton testId="sync-now" />
      ) : (
        <p className="muted" data-testid="sync-not-enrolled">
          Mientras no esté inscrita, las ventas se guardan en esta caja y se enviarán a la central cuando se
          inscriba.
        </p>
      )}
    </section>
  );
}
