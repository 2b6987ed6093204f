import type { Permission } from '../../../src-main/users/roles';
import type { Screen } from '../../state/ui-store';

export interface ScreenEntry {
  id: Screen;
  label: string;
  /** Shorter wording for the top bar, which must fit every entry at 1366 px. */
  shortLabel?: string;
  /** The key that opens it from anywhere (none of the sale screen's F2 F4 F6 F8 F9 F10 Esc); a few have none. */
  key?: string;
  /** What the core lists in `actor.permissions` for this screen's calls; null: everyone. */
  permission: Permission | null;
}

/** Every screen of the top bar, in its order. The core still checks each call. */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'sale', label: 'Venta', key: 'F1', permission: null },
  { id: 'cash', label: 'Caja', permission: 'cash.in' },
  { id: 'fiscal-monitor', label: 'Monitor SUNAT', key: 'F3', permission: 'fiscal.monitor' },
  // F5 is the browser's reload: taken here (and by features/history's dialogs) so it never reloads mid-sale.
  { id: 'sale-history', label: 'Historial', key: 'F5', permission: 'sale.history' },
  {
    id: 'fiscal-settings',
    label: 'Configuración SUNAT',
    shortLabel: 'Config. SUNAT',
    key: 'F7',
    permission: 'settings.manage',
  },
  { id: 'device-settings', label: 'Dispositivos', key: 'F11', permission: 'settings.manage' },
  { id: 'users', label: 'Usuarios', permission: 'users.manage' },
  { id: 'audit', label: 'Auditoría', permission: 'audit.view' },
  // No key: F1–F11 are taken (F10 reprints) and F12 opens the developer tools. "Central", as
  // the top bar's sync chip says it: a supervisor's six entries still fit on one row.
  { id: 'sync', label: 'Sincronización', shortLabel: 'Central', permission: 'sync.view' },
];

export function screenEntry(screen: Screen): ScreenEntry {
  const entry = SCREENS.find((e) => e.id === screen);
  if (!entry) throw new Error(`no screen ${screen}`);
  return entry;
}

/** The screens this person may open (a cashier: the sale screen only). */
export function screensFor(permissions: readonly Permission[]): ScreenEntry[] {
  return SCREENS.filter((entry) => entry.permission === null || permissions.includes(entry.permission));
}

export function canOpen(screen: Screen, permissions: readonly Permission[]): boolean {
  return screensFor(permissions).some((entry) => entry.id === screen);
}

/** The screen a key opens for this person, or null (not a navigation key, or not theirs). */
export function screenForKey(key: string, permissions: readonly Permission[]): Screen | null {
  return screensFor(permissions).find((entry) => entry.key === key)?.id ?? null;
}
