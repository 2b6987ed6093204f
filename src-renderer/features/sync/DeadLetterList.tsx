import { useEffect, useState } from 'react';
import type { DeadLetterView } from '../../../src-main/sync/sync-views';
import { api, errorMessage } from '../../api/client';
import { ErrorLine } from '../../shared/ErrorLine';
import { formatTimestamp } from '../fiscal/fiscal-labels';
import { ColumnHeads } from '../history/ColumnHeads';
import { LoadStatus } from '../backoffice/LoadStatus';
import { topicLabel } from './sync-labels';
import { showSyncStatus } from './sync-store';

const COLUMNS = [
  { label: 'N.º', numeric: true },
  { label: 'Tipo' },
  { label: 'Registro' },
  { label: 'Fecha' },
  { label: 'Motivo del rechazo' },
];

/**
 * "Registros rechazados por la central": records headquarters refused for good, with its
 * reason. They never hold the queue back; an administrador puts one back once headquarters
 * was fixed. Reloads whenever the engine's count of them moves.
 */
export function DeadLetterList({
  deadCount,
  enrolled,
  canRetry,
}: {
  deadCount: number;
  enrolled: boolean;
  canRetry: boolean;
}) {
  const [letters, setLetters] = useState<DeadLetterView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    api.call('sync.deadLetters').then(
      (loaded) => {
        if (!current) return;
        setLetters(loaded);
        setLoadError(null);
      },
      (failure: unknown) => {
        if (current) setLoadError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [deadCount, attempt]);

  const retry = async (letter: DeadLetterView) => {
    setRetrying(letter.id);
    setNotice(null);
    try {
      showSyncStatus(await api.call('sync.retryDead', { id: letter.id }));
      setNotice({
        kind: 'info',
        text: `${topicLabel(letter.topic)} N.º ${letter.seq} vuelve a la cola: se enviará en la próxima sincronización.`,
      });
      setAttempt((n) => n + 1);
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure) });
    } finally {
      setRetrying(null);
    }
  };

  const columns = canRetry ? [...COLUMNS, { label: 'Acción' }] : COLUMNS;
  return (
    <section className="panel" aria-labelledby="sync-dead-title" data-testid="sync-dead-letters">
      <h2 id="sync-dead-title">Registros rechazados por la central</h2>
      {notice?.kind === 'info' && (
        <p className="notice" role="status" data-testid="sync-dead-notice">
          {notice.text}
        </p>
      )}
      <ErrorLine error={notice?.kind === 'error' ? notice.text : null} testId="sync-dead-error" />
      {!letters &&
        (loadError ? (
          <LoadStatus
            loaded={false}
            error={loadError}
            onRetry={() => setAttempt((n) => n + 1)}
            testId="sync-dead-load-error"
          />
        ) : (
          <p className="muted">Cargando…</p>
        ))}
      {letters?.length === 0 && (
        <p className="empty-note muted" data-testid="sync-dead-empty">
          {enrolled
            ? 'Ningún registro rechazado: la central aceptó todo lo que esta caja le envió.'
            : 'Ningún registro rechazado: esta caja todavía no envía nada a la central.'}
        </p>
      )}
      {letters && letters.length > 0 && (
        <>
          <p className="muted small">
            La central no pudo aceptar estos registros y el resto de envíos siguió su curso. Corrija el motivo
            en la central
            {canRetry
              ? ' y pulse «Reintentar» para volver a enviarlos.'
              : '; un administrador puede reenviarlos.'}
          </p>
          <div className="table-wrap">
            <table className="data-table sync-dead-table" data-testid="sync-dead-table">
              <ColumnHeads columns={columns} />
              <tbody>
                {letters.map((letter) => (
                  <tr key={letter.id} data-testid="sync-dead-row" data-topic={letter.topic}>
                    <td className="num">{letter.seq}</td>
                    <td title={letter.topic}>{topicLabel(letter.topic)}</td>
                    <td className="mono small" title={letter.entityId}>
                      {letter.entityId.slice(0, 8)}…
                    </td>
                    <td className="sync-nowrap">{formatTimestamp(letter.createdAt)}</td>
                    <td>{letter.reason}</td>
                    {canRetry && (
                      <td>
                        <button
                          type="button"
                          className="sync-row-action"
                          disabled={retrying !== null}
                          onClick={() => void retry(letter)}
                          data-testid="sync-dead-retry"
                        >
                          {retrying === letter.id ? 'Reintentando…' : 'Reintentar'}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
