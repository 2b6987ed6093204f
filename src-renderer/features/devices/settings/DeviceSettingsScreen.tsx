import { useCallback, useEffect, useState } from 'react';
import type { DeviceSettings } from '../../../../src-main/api/devices-contract';
import { api, errorMessage } from '../../../api/client';
import { BackOfficePage } from '../../backoffice/BackOfficePage';
import { refreshDevicesStatus } from '../devices-store';
import { DeviceSettingsForm } from './DeviceSettingsForm';
import './device-settings.css';

/** Dispositivos (administrador): this terminal's printer, drawer, scanners and scale, each with a test. */
export function DeviceSettingsScreen() {
  const [saved, setSaved] = useState<DeviceSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('devices.settings').then(
      (settings) => {
        setSaved(settings);
        setLoadError(null);
      },
      (failure: unknown) => setLoadError(errorMessage(failure)),
    );
  }, []);

  useEffect(load, [load]);
  useEffect(() => {
    // Events keep it current from here on; this covers whatever happened before.
    void refreshDevicesStatus();
  }, []);

  return (
    <BackOfficePage title="Dispositivos" testId="device-settings">
      {loadError && (
        <div className="stack">
          <p className="dialog-error" role="alert" data-testid="device-load-error">
            {loadError}
          </p>
          <button type="button" onClick={load}>
            Reintentar
          </button>
        </div>
      )}
      {!saved && !loadError && <p className="muted">Cargando configuración…</p>}
      {saved && <DeviceSettingsForm saved={saved} onSaved={setSaved} />}
    </BackOfficePage>
  );
}
