import type { DevicesStatusView, PrinterStatusView } from '../../../../src-main/api/devices-contract';
import { useDevicesStatus } from '../devices-store';

type Tone = 'ok' | 'info' | 'warn' | 'bad';
type SerialStatus = NonNullable<DevicesStatusView['scale']>;

const PRINTER_STATES: Record<PrinterStatusView['state'], { label: string; tone: Tone }> = {
  none: { label: 'Sin impresora', tone: 'info' },
  ready: { label: 'Lista', tone: 'ok' },
  printing: { label: 'Imprimiendo…', tone: 'info' },
  retrying: { label: 'Reintentando…', tone: 'warn' },
  error: { label: 'Con error', tone: 'bad' },
};

const SERIAL_STATES: Record<SerialStatus['state'], { label: string; tone: Tone }> = {
  connected: { label: 'Conectado', tone: 'ok' },
  connecting: { label: 'Conectando…', tone: 'info' },
  reconnecting: { label: 'Reconectando…', tone: 'warn' },
  stopped: { label: 'Detenido', tone: 'info' },
};

function jobs(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** The saved printer as the core sees it now: it follows the queue's events, not the form. */
export function PrinterState() {
  const printer = useDevicesStatus((s) => s.status?.printer);
  if (!printer) return <p className="muted small">Consultando la impresora…</p>;
  const { label, tone } = PRINTER_STATES[printer.state];
  return (
    <div
      className={`tone-box tone-${tone} device-state`}
      data-testid="device-printer-state"
      data-state={printer.state}
    >
      <div>
        <strong>{label}</strong>
        {printer.description && <span className="mono small"> · {printer.description}</span>}
      </div>
      {printer.lastError && <div className="small">{printer.lastError.message}</div>}
      {printer.pendingCount > 0 && (
        <div className="small">{jobs(printer.pendingCount, 'trabajo en cola', 'trabajos en cola')}</div>
      )}
      {printer.failedCount > 0 && (
        <div className="small" data-testid="device-printer-failed">
          {jobs(printer.failedCount, 'trabajo no se imprimió', 'trabajos no se imprimieron')}
        </div>
      )}
    </div>
  );
}

/** A serial scanner's or scale's port; nothing configured (saved) shows as such. */
export function SerialState({ device, testId }: { device: 'serialScanner' | 'scale'; testId: string }) {
  const known = useDevicesStatus((s) => s.status !== null);
  const status = useDevicesStatus((s) => s.status?.[device] ?? null);
  if (!known) return null;
  if (!status) {
    return (
      <p className="muted small" data-testid={testId} data-state="none">
        No hay uno configurado en esta caja.
      </p>
    );
  }
  const { label, tone } = SERIAL_STATES[status.state];
  return (
    <div className={`tone-box tone-${tone} device-state`} data-testid={testId} data-state={status.state}>
      <div>
        <strong>{label}</strong>
        <span className="mono small"> · {status.path}</span>
      </div>
      {status.message && <div className="small">{status.message}</div>}
    </div>
  );
}
