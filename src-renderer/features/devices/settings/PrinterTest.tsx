import { useState } from 'react';
import { api } from '../../../api/client';
import { useBusyAction } from '../../../shared/hooks';
import { printerFromDraft, type NumberField, type PrinterDraft } from './device-draft';

/** Prints the test page with the settings as edited, unsaved: try before saving. */
export function PrinterTest({
  draft,
  onInvalid,
}: {
  draft: PrinterDraft;
  onInvalid(field: NumberField): void;
}) {
  const { error, setError, busy, run } = useBusyAction();
  const [sentTo, setSentTo] = useState<string | null>(null);
  // The answer is about the settings it was asked with: any edit to them hides it.
  const [testedDraft, setTestedDraft] = useState<PrinterDraft | null>(null);
  const current = testedDraft === draft;

  const print = () => {
    setSentTo(null);
    setTestedDraft(draft);
    const printer = printerFromDraft(draft);
    if (!printer.ok) {
      setError(printer.problem);
      onInvalid(printer.field);
      return;
    }
    void run(async () => {
      const { description } = await api.call('printer.testPage', { printer: printer.value });
      setSentTo(description);
    });
  };

  return (
    <div className="stack">
      <button
        type="button"
        onClick={print}
        disabled={busy || draft.kind === 'none'}
        data-testid="device-test-page"
      >
        {busy ? 'Imprimiendo página de prueba…' : 'Imprimir página de prueba'}
      </button>
      {draft.kind === 'none' && <p className="muted small">Elija primero cómo se conecta la impresora.</p>}
      {current && (error || sentTo) && (
        <p
          className={`tone-box tone-${error ? 'bad' : 'ok'}`}
          role={error ? 'alert' : 'status'}
          data-testid="device-test-result"
        >
          {error ?? `Página de prueba enviada a ${sentTo}.`}
        </p>
      )}
    </div>
  );
}
