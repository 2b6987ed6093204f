import { useState } from 'react';
import { api } from '../../../api/client';
import { formatQuantity } from '../../../shared/format';
import { useBusyAction } from '../../../shared/hooks';
import type { SerialDraft } from './device-draft';
import { SerialState } from './DeviceStatus';
import { CheckField, SelectField } from './fields';
import type { HardwareList } from './hardware-lists';
import { BAUD_OPTIONS } from './options';
import { PortPicker } from './PortPicker';

/** A scale on a serial port, read on request (the sale screen asks for the weight the same way). */
export function ScaleForm({
  draft,
  onChange,
  savedEnabled,
  unsaved,
  serialPorts,
}: {
  draft: SerialDraft;
  onChange(patch: Partial<SerialDraft>): void;
  /** The core reads the saved scale only. */
  savedEnabled: boolean;
  unsaved: boolean;
  serialPorts: HardwareList;
}) {
  return (
    <section className="panel" aria-labelledby="device-scale-title">
      <h2 id="device-scale-title">Balanza</h2>
      <SerialState device="scale" testId="device-scale-state" />
      <CheckField
        label="Usar una balanza conectada a un puerto serie"
        name="scale.enabled"
        checked={draft.enabled}
        onChange={(enabled) => onChange({ enabled })}
        testId="device-scale-enabled"
      />
      {draft.enabled && (
        <div className="row device-serial indent">
          <PortPicker
            label="Puerto serie"
            name="scale.path"
            value={draft.path}
            onChange={(path) => onChange({ path })}
            list={serialPorts}
            emptyText="No se encontraron puertos serie."
            placeholder="/dev/ttyUSB0"
            testId="device-scale-path"
          />
          <SelectField
            label="Velocidad"
            name="scale.baudRate"
            value={draft.baudRate}
            options={BAUD_OPTIONS}
            onChange={(baudRate) => onChange({ baudRate })}
            testId="device-scale-baud"
          />
        </div>
      )}
      <ScaleRead enabled={savedEnabled} unsaved={unsaved} />
    </section>
  );
}

function ScaleRead({ enabled, unsaved }: { enabled: boolean; unsaved: boolean }) {
  const { error, busy, run } = useBusyAction();
  const [grams, setGrams] = useState<number | null>(null);

  const read = () => {
    setGrams(null);
    void run(async () => {
      setGrams((await api.call('scale.read')).grams);
    });
  };

  return (
    <div className="stack">
      <button type="button" onClick={read} disabled={busy || !enabled} data-testid="device-scale-read">
        {busy ? 'Leyendo peso…' : 'Leer peso'}
      </button>
      {!enabled && <p className="muted small">Guarde primero una balanza para probarla.</p>}
      {enabled && unsaved && <p className="muted small">La lectura usa la balanza guardada.</p>}
      {(error || grams !== null) && (
        <p
          className={`tone-box tone-${error ? 'bad' : 'ok'}`}
          role={error ? 'alert' : 'status'}
          data-testid="device-scale-result"
        >
          {error ?? (grams !== null && formatQuantity(grams, 'KGM'))}
        </p>
      )}
    </div>
  );
}
