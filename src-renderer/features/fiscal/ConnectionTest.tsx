import { useState } from 'react';
import { api, errorMessage } from '../../api/client';

type Result = { ok: boolean; message: string };

/** Asks the core to reach SUNAT (or the OSE) with the saved settings, and shows its answer as is. */
export function ConnectionTest({ unsaved }: { unsaved: boolean }) {
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await api.call('fiscal.testConnection'));
    } catch (failure) {
      setResult({ ok: false, message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <button
        type="button"
        disabled={busy}
        onClick={() => void test()}
        data-testid="settings-test-connection"
      >
        {busy ? 'Probando conexión…' : 'Probar conexión'}
      </button>
      {unsaved && (
        <p className="muted small">La prueba usa la configuración guardada: guarde antes sus cambios.</p>
      )}
      {result && (
        <p
          className={`tone-box tone-${result.ok ? 'ok' : 'bad'}`}
          role={result.ok ? 'status' : 'alert'}
          data-testid="settings-connection-result"
        >
          {result.message}
        </p>
      )}
    </div>
  );
}
