import { useRef, useState, type FormEvent } from 'react';
import type { FiscalSettingsView } from '../../../src-main/api/fiscal-contract';
import { api, errorMessage } from '../../api/client';
import { ConnectionTest } from './ConnectionTest';
import {
  draftFromSettings,
  isDirty,
  saveRequest,
  type DraftField,
  type EndpointKind,
  type SettingsDraft,
} from './settings-draft';

interface Choice<Value extends string> {
  value: Value;
  label: string;
  hint: string;
}

const ENDPOINTS: Array<Choice<EndpointKind>> = [
  { value: 'beta', label: 'SUNAT beta', hint: 'Pruebas: nada de lo enviado tiene valor tributario.' },
  { value: 'production', label: 'SUNAT producción', hint: 'Los comprobantes reales de la tienda.' },
  { value: 'ose', label: 'OSE u otro servicio', hint: 'Las direcciones que le dio su OSE.' },
];

const DELIVERIES: Array<Choice<SettingsDraft['boletaDelivery']>> = [
  { value: 'summary', label: 'Resumen diario', hint: 'Las boletas se agrupan y se envían juntas.' },
  { value: 'individual', label: 'Una por una', hint: 'Cada boleta se envía apenas se emite.' },
];

/** Where documents go, how boletas travel, and the SOL user: saved together, checked by the core. */
export function SendingSettingsForm({
  settings,
  onSaved,
}: {
  settings: FiscalSettingsView;
  onSaved(settings: FiscalSettingsView): void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [error, setError] = useState<{ text: string; field: DraftField | null } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const change = <F extends DraftField>(field: F, value: SettingsDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setSaved(false);
    if (error?.field === field) setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const request = saveRequest(draft, settings.hasSolPassword);
    if ('problem' in request) {
      setError({ text: request.problem, field: request.field });
      const element = form.current?.elements.namedItem(request.field);
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('fiscal.saveSettings', request.input);
      setDraft(draftFromSettings(next));
      setSaved(true);
      onSaved(next);
    } catch (failure) {
      setError({ text: errorMessage(failure), field: null });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: DraftField) => (error?.field === field ? true : undefined);

  return (
    <form ref={form} className="stack" onSubmit={(e) => void submit(e)} data-testid="settings-form">
      <ChoiceGroup
        legend="Enviar los comprobantes a"
        name="endpointKind"
        choices={ENDPOINTS}
        value={draft.endpointKind}
        onChange={(kind) => change('endpointKind', kind)}
        testIdPrefix="settings-endpoint"
      />

      {draft.endpointKind === 'ose' && (
        <div className="stack indent">
          <label>
            Dirección de envío (billService)
            <input
              name="billServiceUrl"
              type="url"
              value={draft.billServiceUrl}
              onChange={(e) => change('billServiceUrl', e.target.value)}
              placeholder="https://…/billService"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={invalid('billServiceUrl')}
              data-testid="settings-bill-url"
            />
          </label>
          <label>
            Dirección de consulta de CDR (opcional)
            <input
              name="consultServiceUrl"
              type="url"
              value={draft.consultServiceUrl}
              onChange={(e) => change('consultServiceUrl', e.target.value)}
              placeholder="https://…/billConsultService"
              spellCheck={false}
              autoComplete="off"
              data-testid="settings-consult-url"
            />
          </label>
        </div>
      )}

      <ChoiceGroup
        legend="Boletas"
        name="boletaDelivery"
        choices={DELIVERIES}
        value={draft.boletaDelivery}
        onChange={(delivery) => change('boletaDelivery', delivery)}
        testIdPrefix="settings-delivery"
      />

      <div className="row two">
        <label>
          Usuario SOL
          <input
            name="solUser"
            value={draft.solUser}
            onChange={(e) => change('solUser', e.target.value)}
            autoCapitalize="characters"
            spellCheck={false}
            autoComplete="off"
            maxLength={30}
            aria-invalid={invalid('solUser')}
            data-testid="settings-sol-user"
          />
        </label>
        <label>
          Clave SOL
          <input
            name="solPassword"
            type="password"
            value={draft.solPassword}
            onChange={(e) => change('solPassword', e.target.value)}
            placeholder={settings.hasSolPassword ? 'guardada' : ''}
            autoComplete="new-password"
            maxLength={60}
            aria-invalid={invalid('solPassword')}
            data-testid="settings-sol-password"
          />
        </label>
      </div>
      {settings.hasSolPassword && (
        <p className="muted small">Deje la clave en blanco para conservar la guardada.</p>
      )}

      {error && (
        <p className="dialog-error" role="alert" data-testid="settings-error">
          {error.text}
        </p>
      )}
      {saved && (
        <p className="notice" role="status" data-testid="settings-saved">
          Configuración guardada.
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="settings-save">
        {busy ? 'Guardando…' : 'Guardar configuración'}
      </button>
      <ConnectionTest unsaved={isDirty(draft, settings)} />
    </form>
  );
}

/** Radio buttons with a hint each; every input's test id is `${testIdPrefix}-${value}`. */
function ChoiceGroup<Value extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  testIdPrefix,
}: {
  legend: string;
  name: string;
  choices: ReadonlyArray<Choice<Value>>;
  value: Value;
  onChange(value: Value): void;
  testIdPrefix: string;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            data-testid={`${testIdPrefix}-${choice.value}`}
          />
          <span>
            <strong>{choice.label}</strong>
            <small>{choice.hint}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
