import { create } from 'zustand';
import type { DevicesStatusView } from '../../../src-main/api/devices-contract';
import { api } from '../../api/client';
import { useDevices } from '../../state/device-store';

interface DevicesStatusState {
  status: DevicesStatusView | null;
  set(status: DevicesStatusView | null): void;
}

/** The printer queue and serial devices as the core last reported them (banner, settings screen). */
export const useDevicesStatus = create<DevicesStatusState>()((set) => ({
  status: null,
  set: (status) => set({ status }),
}));

let refreshing: Promise<void> | null = null;
let again = false;

/** Events come in bursts (each job step): one request at a time, plus one more if asked meanwhile. */
export function refreshDevicesStatus(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        useDevicesStatus.getState().set(await api.call('devices.status'));
      } catch {
        // Signed out or the core restarting: the next event refreshes.
      }
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** After login and after the settings change: the wedge settings this terminal uses. */
export async function loadDeviceSettings(): Promise<void> {
  try {
    const settings = await api.call('devices.settings');
    useDevices.getState().setWedge(settings.wedge);
  } catch {
    // Keep the defaults: scanning still works.
  }
  await refreshDevicesStatus();
}

export function resetDevices(): void {
  useDevicesStatus.getState().set(null);
}
