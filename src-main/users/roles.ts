import type { Role } from '../../db/schema';

export type { Role };

/**
 * Who may do what, declared once. The API contract names the permission each method
 * needs and the dispatcher enforces it; the UI only reads it to decide what to show.
 */
export const PERMISSIONS = {
  'sale.sell': ['cajero', 'supervisor', 'administrador'],
  'sale.discountOverLimit': ['supervisor', 'administrador'],
  'exchangeRate.set': ['supervisor', 'administrador'],
  'settings.manage': ['administrador'],
  'customers.manage': ['cajero', 'supervisor', 'administrador'],
  'fiscal.monitor': ['supervisor', 'administrador'],
  'sale.history': ['cajero', 'supervisor', 'administrador'],
  'sale.return': ['supervisor', 'administrador'],
  'sale.void': ['supervisor', 'administrador'],
  'note.debit': ['supervisor', 'administrador'],
  'drawer.open': ['supervisor', 'administrador'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  cajero: 'Cajero',
  supervisor: 'Supervisor',
  administrador: 'Administrador',
};
