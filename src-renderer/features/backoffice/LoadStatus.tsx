/** "Cargando…" while a screen's data is on its way; its error with a retry if it did not come. */
export function LoadStatus({
  loaded,
  error,
  onRetry,
  testId,
}: {
  loaded: boolean;
  error: string | null;
  onRetry(): void;
  testId: string;
}) {
  if (error) {
    return (
      <div className="stack">
        <p className="dialog-error" role="alert" data-testid={testId}>
          {error}
        </p>
        <button type="button" onClick={onRetry}>
          Reintentar
        </button>
      </div>
    );
  }
  return loaded ? null : <p className="muted">Cargando configuración…</p>;
}
