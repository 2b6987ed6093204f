import { useState, type FormEvent } from 'react';
import type { SecuritySettingsView } from '../../../src-main/api/users-contract';
import { api } from '../../api/client';
import { useBusyAction } from '../../shared/hooks';
import { parseMinutes } from './users-format';

/** The store's inactivity lock: after this many minutes without use, the screen goes back to the login. */
export function SecuritySettingsPanel({ saved, onSaved }: { saved: SecuritySettingsView; onSaved(): void }) {
  const [minutes, setMinutes] = useState(String(saved.inactivityMinutes));
  const [result, setResult] = useState<string | null>(null);
  const { error, setError, busy, run } = useBusyAction();
  const dirty = minutes.trim() !== String(saved.inactivityMinutes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const inactivityMinutes = parseMinutes(minutes);
    if (inactivityMinutes === null) {
      setError('Escriba los minutos como un número entero, de 1 a 240.');
      return;
    }
    await run(async () => {
      const after = await api.call('users.saveSecuritySettings', { inactivityMinutes });
      setMinutes(String(after.inactivityMinutes));
      setResult(`Guardado: las sesiones se cierran tras ${after.inactivityMinutes} minutos sin uso.`);
      onSaved();
    });
  };

  return (
    <section className="panel" aria-labelledby="users-security-title">
      <h2 id="users-security-title">Cierre por inactividad</h2>
      <form className="users-security" onSubmit={(e) => void submit(e)}>
        <label htmlFor="users-inactivity-minutes">Minutos sin uso antes de volver al ingreso</label>
        <div className="row">
          <input
            id="users-inactivity-minutes"
            value={minutes}
            onChange={(e) => {
              setMinutes(e.target.value);
              setResult(null);
            }}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            data-testid="users-inactivity-minutes"
          />
          <button
            type="submit"
            className="primary"
            disabled={busy || !dirty}
            data-testid="users-inactivity-save"
          >
            Guardar
          </button>
        </div>
      </form>
      <p className="muted small">
        De 1 a 240 minutos. Vale para todas las personas de esta caja; las actualizaciones automáticas de la
        pantalla no cuentan como uso.
      </p>
      {error && (
        <p className="dialog-error" role="alert" data-testid="users-inactivity-error">
          {error}
        </p>
      )}
      {result && (
        <p className="notice" role="status" data-testid="users-inactivity-result">
          {result}
        </p>
      )}
    </section>
  );
}
