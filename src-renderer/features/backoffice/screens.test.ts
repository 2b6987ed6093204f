import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../src-main/users/roles';
import { canOpen, SCREENS, screenForKey, screensFor } from './screens';

const CAJERO: Permission[] = ['sale.sell', 'customers.manage', 'sale.history', 'cash.in', 'sync.run'];
const SUPERVISOR: Permission[] = [
  ...CAJERO,
  'sale.discountOverLimit',
  'exchangeRate.set',
  'fiscal.monitor',
  'cash.manage',
  'audit.view',
  'sync.view',
];
const ADMIN: Permission[] = [...SUPERVISOR, 'settings.manage', 'users.manage', 'sync.manage'];

describe('back-office screens', () => {
  it('offers each person only the screens their permissions open', () => {
    expect(screensFor(['sale.sell']).map((s) => s.id)).toEqual(['sale']);
    expect(screensFor(CAJERO).map((s) => s.id)).toEqual(['sale', 'cash', 'sale-history']);
    expect(screensFor(SUPERVISOR).map((s) => s.id)).toEqual([
      'sale',
      'cash',
      'fiscal-monitor',
      'sale-history',
      'audit',
      'sync',
    ]);
    expect(screensFor(ADMIN).map((s) => s.id)).toEqual([
      'sale',
      'cash',
      'fiscal-monitor',
      'sale-history',
      'fiscal-settings',
      'device-settings',
      'users',
      'audit',
      'sync',
    ]);
    expect(canOpen('fiscal-settings', SUPERVISOR)).toBe(false);
    expect(canOpen('device-settings', SUPERVISOR)).toBe(false);
    expect(canOpen('sale', [])).toBe(true);
    // Everybody sees the top bar's sync indicator; only supervisors and up open the screen.
    expect(canOpen('sync', CAJERO)).toBe(false);
    expect(canOpen('sync', SUPERVISOR)).toBe(true);
  });

  it('maps keys to screens, ignoring keys of screens the person cannot open', () => {
    expect(screenForKey('F1', CAJERO)).toBe('sale');
    expect(screenForKey('F3', CAJERO)).toBeNull();
    expect(screenForKey('F5', CAJERO)).toBe('sale-history');
    expect(screenForKey('F3', SUPERVISOR)).toBe('fiscal-monitor');
    expect(screenForKey('F7', ADMIN)).toBe('fiscal-settings');
    expect(screenForKey('F11', ADMIN)).toBe('device-settings');
    expect(screenForKey('F11', SUPERVISOR)).toBeNull();
    expect(screenForKey('F2', ADMIN)).toBeNull();
  });

  it('never takes a key the sale screen already uses', () => {
    const saleKeys = ['F2', 'F4', 'F6', 'F8', 'F9', 'Escape'];
    const keys = SCREENS.flatMap((s) => (s.key ? [s.key] : []));
    expect(keys.filter((k) => saleKeys.includes(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
