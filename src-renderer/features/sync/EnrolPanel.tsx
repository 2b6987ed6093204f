import { useState, type FormEvent } from 'react';
import type { SyncStatusView } from '../../../src-main/sync/sync-views';
import { api } from '../../api/client';
import { ErrorLine } from '../../shared/ErrorLine';
import { useBusyAction } from '../../shared/hooks';
import { enrolProblem } from './sync-labels';
import { showSyncStatus } from './sync-store';

/**
 * Enrolment (administrador): the central's address and the one-time code issued there. An
 * enrolled terminal says where it belongs and can be enrolled again with a new code.
 */
export function EnrolPanel({ status }: { status: SyncStatusView }) {
  const [reenrolling, setReenrolling] = useState(false);
  const [hqUrl, setHqUrl] = useState(status.hqUrl ?? '');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const { error, setError, busy, run } = useBusyAction();
  const showForm = !status.enrolled || reenrolling;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const problem = enrolProblem(hqUrl, code);
    if (problem) {
      setError(problem);
      return;
    }
    await run(async () => {
      const after = await api.call('sync.enrol', { hqUrl: hqUrl.trim(), code: code.trim() });
      showSyncStatus(after);
      // The code is spent: never leave it on screen.
      setCode('');
      setReenrolling(false);
      setResult(
        after.storeName ? `Caja inscrita en la central: ${after.storeName}.` : 'Caja inscrita en la central.',
      );
    });
  };

  return (
    <section className="panel" aria-labelledby="sync-enrol-title" data-testid="sync-enrol">
      <h2 id="sync-enrol-title">Inscripción en la central</h2>
      {status.enrolled && (
        <p data-testid="sync-enrolled">
          Esta caja está inscrita en la central
          {status.storeName ? (
            <>
              {' '}
              como parte de <strong>{status.storeName}</strong>
            </>
          ) : null}{' '}
          (<span className="mono">{status.hqUrl}</span>).
        </p>
      )}
      {result && (
        <p className="notice" role="status" data-testid="sync-enrol-result">
          {result}
        </p>
      )}
      {status.enrolled && !reenrolling && (
        <button
          type="button"
          className="sync-panel-action"
          onClick={() => {
            setResult(null);
            setError(null);
            setHqUrl(status.hqUrl ?? '');
            setReenrolling(true);
          }}
          data-testid="sync-reenrol"
        >
          Inscribir de nuevo con otro código
        </button>
      )}
      {showForm && (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <label>
            URL de la central
            <input
              value={hqUrl}
              onChange={(e) => setHqUrl(e.target.value)}
              placeholder="https://central.mitienda.pe"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              maxLength={300}
              data-testid="sync-enrol-url"
            />
          </label>
          <label>
            Código de inscripción
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              className="mono"
              data-testid="sync-enrol-code"
            />
          </label>
          <p className="muted small">
            El código lo genera un administrador en la central para esta caja y sirve una sola vez.
            {status.enrolled && ' Al inscribirla de nuevo, la caja deja de usar su credencial actual.'}
          </p>
          <ErrorLine error={error} testId="sync-enrol-error" />
          <div className="row">
            <button type="submit" className="primary" disabled={busy} data-testid="sync-enrol-submit">
              {busy ? 'Inscribiendo…' : 'Inscribir caja'}
            </button>
            {reenrolling && (
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setError(null);
                  setCode('');
                  setReenrolling(false);
                }}
              >
                Cancelar
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
