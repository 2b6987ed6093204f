import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorLine } from '../../shared/ErrorLine';
import { useBusyAction } from '../../shared/hooks';
import { hourText, nightlyText } from './sync-labels';
import { showSyncStatus } from './sync-store';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The hour of the nightly full run (administrador), when the store is closed and the line is free. */
export function NightlyHourPanel({ saved }: { saved: number }) {
  const [hour, setHour] = useState(saved);
  const [result, setResult] = useState<string | null>(null);
  const { error, busy, run } = useBusyAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    await run(async () => {
      const after = await api.call('sync.configure', { nightlyHour: hour });
      showSyncStatus(after);
      setHour(after.nightlyHour);
      setResult(`Guardado: ${nightlyText(after.nightlyHour).toLowerCase()}.`);
    });
  };

  return (
    <section className="panel" aria-labelledby="sync-nightly-title">
      <h2 id="sync-nightly-title">Sincronización nocturna</h2>
      <p className="muted small">
        Cada noche, a esta hora (hora de Lima), la caja hace una sincronización completa: envía todo lo
        pendiente y recibe los cambios de la central.
      </p>
      <form className="row sync-nightly-form" onSubmit={(e) => void submit(e)}>
        <label>
          Hora
          <select
            value={hour}
            onChange={(e) => {
              setHour(Number(e.target.value));
              setResult(null);
            }}
            data-testid="sync-nightly-hour"
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourText(h)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="primary"
          disabled={busy || hour === saved}
          data-testid="sync-nightly-save"
        >
          Guardar
        </button>
      </form>
      <p data-testid="sync-nightly-current">{nightlyText(saved)}</p>
      <ErrorLine error={error} testId="sync-nightly-error" />
      {result && (
        <p className="notice" role="status" data-testid="sync-nightly-result">
          {result}
        </p>
      )}
    </section>
  );
}
