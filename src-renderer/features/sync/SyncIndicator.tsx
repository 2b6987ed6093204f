import { useEffect, useRef, useState } from 'react';
import { ErrorLine } from '../../shared/ErrorLine';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { FactList } from '../../shared/FactList';
import { SyncNowButton } from './SyncNowButton';
import {
  clockSkewText,
  pendingText,
  rejectedText,
  shownState,
  stateWords,
  statusFacts,
  toneBoxClass,
  tooltipText,
} from './sync-labels';
import { clearSyncOutcome, useSync } from './sync-store';
import './sync.css';

/**
 * The top bar's word on headquarters, for everybody on every screen: a small chip (state and
 * pending count, the details in its tooltip) that opens a popover with "Sincronizar ahora".
 */
export function SyncIndicator() {
  const status = useSync((s) => s.status);
  const statusError = useSync((s) => s.statusError);
  const syncingHere = useSync((s) => s.syncingHere);
  const now = useSync((s) => s.checkedAt);
  const canView = useSession((s) => s.actor?.permissions.includes('sync.view') ?? false);
  const canManage = useSession((s) => s.actor?.permissions.includes('sync.manage') ?? false);
  const go = useUi((s) => s.go);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // A dialog of the sale screen (or the supervisor's PIN) takes over: the popover gets out of its way.
  useEffect(
    () =>
      useUi.subscribe((ui) => {
        if (ui.dialog || ui.approval) setOpen(false);
      }),
    [],
  );

  useEffect(() => {
    if (!open) return undefined;
    // Capture phase, and marked handled: Esc closes the popover, not the sale (or the screen) below.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
    };
    const onPointerDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('mousedown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('mousedown', onPointerDown);
    };
  }, [open]);

  const state = status ? shownState(status, syncingHere) : null;
  const words = state ? stateWords(state) : null;
  const skew = status ? clockSkewText(status.clockSkewMs) : null;
  const warn = skew !== null || (status?.deadCount ?? 0) > 0;
  const tone = words?.tone ?? (statusError ? 'bad' : 'off');
  const chipText = words?.chip ?? (statusError ? 'Central: sin datos' : 'Central…');
  const title =
    status && state ? tooltipText(status, state, now) : (statusError ?? 'Consultando la central…');

  const toggle = () => {
    if (!open) clearSyncOutcome();
    setOpen(!open);
  };

  return (
    <div className="sync-indicator" ref={root}>
      <button
        type="button"
        className={`sync-chip sync-tone-${tone}`}
        onClick={toggle}
        title={title}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={`Sincronización: ${chipText}${status?.enrolled ? `, ${pendingText(status.pendingCount)}` : ''}`}
        data-testid="sync-indicator"
        data-state={state ?? 'unknown'}
      >
        <span className={`sync-dot${state === 'syncing' ? ' spinning' : ''}`} aria-hidden="true" />
        <span className="sync-chip-text">
          <span data-testid="sync-indicator-state">{chipText}</span>
          {status?.enrolled && (
            <small data-testid="sync-indicator-pending">{pendingText(status.pendingCount)}</small>
          )}
        </span>
        {warn && (
          <span className="sync-chip-warn" aria-hidden="true">
            ⚠
          </span>
        )}
      </button>
      {open && (
        <div
          className="sync-popover"
          role="dialog"
          aria-label="Sincronización con la central"
          data-testid="sync-popover"
        >
          {status && state && words ? (
            <>
              <p className={`tone-box ${toneBoxClass(words.tone)}`} data-testid="sync-popover-state">
                {words.headline}
                {status.storeName && <small className="sync-popover-store">{status.storeName}</small>}
              </p>
              <FactList
                className="sync-popover-facts"
                facts={[
                  {
                    label: 'Por enviar',
                    value: pendingText(status.pendingCount),
                    testId: 'sync-popover-pending',
                  },
                  ...(status.deadCount > 0
                    ? [{ label: 'Rechazados', value: `${rejectedText(status.deadCount)} por la central` }]
                    : []),
                  ...statusFacts(status, now),
                ]}
              />
              {skew && (
                <p className="tone-box tone-warn sync-skew" role="status" data-testid="sync-clock-skew">
                  {skew}
                </p>
              )}
              {status.enrolled ? (
                <SyncNowButton testId="sync-popover-now" />
              ) : (
                <p className="muted small" data-testid="sync-popover-not-enrolled">
                  {canManage
                    ? 'Inscriba esta caja en la central desde Sincronización para enviar sus ventas.'
                    : 'Un administrador debe inscribir esta caja en la central para enviar sus ventas.'}
                </p>
              )}
            </>
          ) : (
            <p className="muted">Consultando la central…</p>
          )}
          <ErrorLine error={statusError} testId="sync-popover-error" />
          {canView && (
            <button
              type="button"
              className="ghost sync-popover-link"
              onClick={() => {
                setOpen(false);
                go('sync');
              }}
              data-testid="sync-popover-open-screen"
            >
              Abrir Sincronización →
            </button>
          )}
        </div>
      )}
    </div>
  );
}
