import { useRef, useState, type FormEvent } from 'react';
import type { DeviceSettings } from '../../../../src-main/api/devices-contract';
import { api, errorMessage } from '../../../api/client';
import { loadDeviceSettings } from '../devices-store';
import {
  draftFromSettings,
  isDirty,
  settingsFromDraft,
  type DeviceDraft,
  type NumberField,
} from './device-draft';
import { useHardwareLists } from './hardware-lists';
import { PrinterForm } from './PrinterForm';
import { ScaleForm } from './ScaleForm';
import { ScannerForm } from './ScannerForm';

type Message = { tone: 'ok' | 'bad'; text: string };

/** The whole terminal's devices, saved together; the core validates and refuses in Spanish. */
export function DeviceSettingsForm({
  saved,
  onSaved,
}: {
  saved: DeviceSettings;
  onSaved(settings: DeviceSettings): void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DeviceDraft>(() => draftFromSettings(saved));
  const [invalid, setInvalid] = useState<NumberField | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const { serialPorts, systemPrinters } = useHardwareLists();
  const dirty = isDirty(draft, saved);

  const update = <K extends keyof DeviceDraft>(section: K, patch: Partial<DeviceDraft[K]>) => {
    setDraft((d) => ({ ...d, [section]: { ...d[section], ...patch } }));
    setMessage(null);
    if (Object.keys(patch).some((key) => `${section}.${key}` === invalid)) setInvalid(null);
  };

  const pointAt = (field: NumberField) => {
    setInvalid(field);
    const element = form.current?.elements.namedItem(field);
    if (element instanceof HTMLElement) element.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const settings = settingsFromDraft(draft);
    if (!settings.ok) {
      setMessage({ tone: 'bad', text: settings.problem });
      pointAt(settings.field);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const next = await api.call('devices.saveSettings', settings.value);
      setDraft(draftFromSettings(next));
      onSaved(next);
      setMessage({ tone: 'ok', text: 'Configuración guardada.' });
      // The wedge settings apply to the counter at once; the status follows the reopened ports.
      void loadDeviceSettings();
    } catch (failure) {
      // The draft stays as typed so the person can fix what the core refused.
      setMessage({ tone: 'bad', text: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    setDraft(draftFromSettings(saved));
    setInvalid(null);
    setMessage(null);
  };

  return (
    <form ref={form} className="device-settings" onSubmit={(e) => void submit(e)} data-testid="device-form">
      <div className="device-grid">
        <PrinterForm
          draft={draft.printer}
          onChange={(patch) => update('printer', patch)}
          invalid={invalid}
          onInvalid={pointAt}
          serialPorts={serialPorts}
          systemPrinters={systemPrinters}
        />
        <div className="device-column">
          <ScannerForm
            wedge={draft.wedge}
            serial={draft.serialScanner}
            onWedgeChange={(patch) => update('wedge', patch)}
            onSerialChange={(patch) => update('serialScanner', patch)}
            invalid={invalid}
            serialPorts={serialPorts}
          />
          <ScaleForm
            draft={draft.scale}
            onChange={(patch) => update('scale', patch)}
            savedEnabled={saved.scale.enabled}
            unsaved={isDirty(draft, saved, 'scale')}
            serialPorts={serialPorts}
          />
        </div>
      </div>

      <div className="device-actions">
        {message ? (
          <p
            className={`tone-box tone-${message.tone}`}
            role={message.tone === 'ok' ? 'status' : 'alert'}
            data-testid="device-message"
          >
            {message.text}
          </p>
        ) : (
          <p className="muted" data-testid="device-dirty">
            {dirty ? 'Hay cambios sin guardar.' : 'Sin cambios.'}
          </p>
        )}
        <button type="button" onClick={discard} disabled={busy || !dirty} data-testid="device-discard">
          Descartar cambios
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="device-save">
          {busy ? 'Guardando…' : 'Guardar'}
        </button>
      </div>
    </form>
  );
}
