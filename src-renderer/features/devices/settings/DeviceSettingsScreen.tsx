import { useEffect } from 'react';
import { api } from '../../../api/client';
import { useLoaded } from '../../../shared/hooks';
import { LoadStatus } from '../../backoffice/LoadStatus';
import { BackOfficePage } from '../../backoffice/BackOfficePage';
import { refreshDevicesStatus } from '../devices-store';
import { DeviceSettingsForm } from './DeviceSettingsForm';
import './device-settings.css';

/** Dispositivos (administrador): this terminal's printer, drawer, scanners and scale, each with a test. */
export function DeviceSettingsScreen() {
  const {
    value: saved,
    setValue: setSaved,
    loadError,
    reload,
  } = useLoaded(() => api.call('devices.settings'));
  useEffect(() => {
    // Events keep it current from here on; this covers whatever happened before.
    void refreshDevicesStatus();
  }, []);

  return (
    <BackOfficePage title="Dispositivos" testId="device-settings">
      <LoadStatus loaded={saved !== null} error={loadError} onRetry={reload} testId="device-load-error" />
      {saved && <DeviceSettingsForm saved={saved} onSaved={setSaved} />}
    </BackOfficePage>
  );
}
