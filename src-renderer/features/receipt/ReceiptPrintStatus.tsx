import { useDevicesStatus } from '../devices/devices-store';
import { reprint } from '../devices/printer-actions';
import { REPRINT_KEY } from '../devices/use-reprint-key';

/** Whether the paper came out, and the key that prints it (again). */
export function ReceiptPrintStatus({ saleId, number }: { saleId: string; number: string }) {
  const printer = useDevicesStatus((s) => s.status?.printer);
  if (!printer) return null;
  if (!printer.configured) {
    return (
      <p className="muted" data-testid="receipt-print-status" data-state="none">
        Sin impresora configurada en esta caja.
      </p>
    );
  }
  const failure = printer.failed.find((job) => job.saleId === saleId);
  const state = failure
    ? 'failed'
    : printer.state === 'printing' || printer.state === 'retrying'
      ? 'printing'
      : 'sent';
  const text = {
    failed: `No se imprimió: ${failure?.error ?? ''}`,
    printing: 'Imprimiendo…',
    sent: 'Comprobante enviado a la impresora.',
  }[state];
  return (
    <div className={`receipt-print ${state}`}>
      <p data-testid="receipt-print-status" data-state={state} role={failure ? 'alert' : 'status'}>
        {text}
      </p>
      <button
        type="button"
        className="key-button"
        onClick={() => void reprint({ saleId })}
        data-testid="receipt-reprint"
        title={`Imprimir ${number} otra vez`}
      >
        <kbd>{REPRINT_KEY}</kbd>
        <span>{failure ? 'Reimprimir' : 'Imprimir copia'}</span>
      </button>
    </div>
  );
}
