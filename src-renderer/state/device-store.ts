import { create } from 'zustand';
import type { WedgeSettings } from '../../src-main/devices/device-settings-schema';
import { DEFAULT_WEDGE_SETTINGS } from '../shared/keyboard-wedge';

interface DeviceState {
  /** This terminal's keyboard-wedge scanner; the defaults until the core's settings are loaded. */
  wedge: WedgeSettings;
  setWedge(wedge: WedgeSettings): void;
}

export const useDevices = create<DeviceState>()((set) => ({
  wedge: { ...DEFAULT_WEDGE_SETTINGS },
  setWedge: (wedge) => set({ wedge }),
}));
