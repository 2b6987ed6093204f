import { syncNow, useSync } from './sync-store';

/** "Sincronizar ahora" and what it achieved; disabled while it runs (the engine never runs two at once). */
export function SyncNowButton({ testId }: { testId: string }) {
  const syncingHere = useSync((s) => s.syncingHere);
  const outcome = useSync((s) => s.outcome);
  return (
    <div className="sync-now">
      <button
        type="button"
        className="primary key-button"
        disabled={syncingHere}
        aria-busy={syncingHere}
        onClick={() => void syncNow()}
        data-testid={testId}
      >
        {syncingHere && <span className="sync-spinner" aria-hidden="true" />}
        <span>{syncingHere ? 'Sincronizando…' : 'Sincronizar ahora'}</span>
      </button>
      {outcome && (
        <p
          className={outcome.kind === 'error' ? 'dialog-error' : 'notice'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          data-testid={`${testId}-result`}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
