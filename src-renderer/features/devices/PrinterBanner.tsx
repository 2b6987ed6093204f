import { useEffect } from 'react';
import { useDevicesStatus, refreshDevicesStatus } from './devices-store';
import { dismissPrintJob, reprint } from './printer-actions';
import { REPRINT_KEY } from './use-reprint-key';
import './devices.css';

/**
 * What is wrong with the printer or a serial device, on every screen, with the one key
 * that fixes the usual case. Nothing at all while everything works.
 */
export function PrinterBanner() {
  const status = useDevicesStatus((s) => s.status);

  useEffect(() => {
    void refreshDevicesStatus();
  }, []);

  if (!status) return null;
  const { printer, serialScanner, scale } = status;
  const latest = printer.failed[0];
  const others = printer.failedCount - 1;
  const serialProblems = [serialScanner, scale].filter(
    (device) => device && device.state !== 'connected' && device.message,
  );
  if (!latest && printer.state !== 'retrying' && serialProblems.length === 0) return null;

  return (
    <div className="device-banner" data-testid="printer-banner">
      {latest && (
        <div className="device-problem" role="alert" data-testid="printer-failure">
          <span aria-hidden="true">⚠</span>
          <span className="device-text">
            No se imprimió {latest.label}: {latest.error ?? 'error de impresora'}
            {others > 0 && ` (y ${others} más)`}
          </span>
          <button
            type="button"
            className="key-button"
            onClick={() => void reprint({ jobId: latest.id })}
            data-testid="printer-reprint"
          >
            <kbd>{REPRINT_KEY}</kbd>
            <span>Reimprimir</span>
          </button>
          <button
            type="button"
            className="key-button"
            onClick={() => void dismissPrintJob(latest.id)}
            data-testid="printer-dismiss"
          >
            <span>Descartar</span>
          </button>
        </div>
      )}
      {!latest && printer.state === 'retrying' && (
        <div className="device-problem retrying" role="status" data-testid="printer-retrying">
          <span aria-hidden="true">⚠</span>
          <span className="device-text">Reintentando la impresión: {printer.lastError?.message}</span>
        </div>
      )}
      {serialProblems.map((device) => (
        <div
          key={device!.path}
          className="device-problem retrying"
          role="status"
          data-testid="serial-problem"
        >
          <span className="device-text">{device!.message}</span>
        </div>
      ))}
    </div>
  );
}
