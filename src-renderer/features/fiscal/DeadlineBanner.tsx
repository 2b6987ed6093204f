import { useEffect } from 'react';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { canOpen, screenEntry } from '../backoffice/screens';
import { DeadlineWarnings } from './DeadlineWarnings';
import { refreshOverview, useFiscal } from './fiscal-store';

/** Deadlines move with the calendar, not only with events: a slow look now and then catches midnight. */
const CALENDAR_CHECK_MS = 5 * 60_000;

/**
 * SUNAT sending deadlines on the counter, for everyone: yellow when due soon, red when
 * already late; nothing at all while every document is on time. Refreshed by the core's events.
 */
export function DeadlineBanner() {
  const warnings = useFiscal((s) => s.overview?.warnings);
  const canMonitor = useSession((s) => canOpen('fiscal-monitor', s.actor?.permissions ?? []));
  const go = useUi((s) => s.go);

  useEffect(() => {
    void refreshOverview();
    const timer = window.setInterval(() => void refreshOverview(), CALENDAR_CHECK_MS);
    return () => window.clearInterval(timer);
  }, []);

  if (!warnings) return null;
  const monitor = screenEntry('fiscal-monitor');
  return (
    <DeadlineWarnings
      warnings={warnings}
      action={
        canMonitor && (
          <button type="button" className="key-button" onClick={() => go(monitor.id)}>
            <kbd>{monitor.key}</kbd>
            <span>Ver {monitor.label}</span>
          </button>
        )
      }
    />
  );
}
