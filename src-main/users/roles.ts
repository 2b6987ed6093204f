import type { Role } from '../../db/schema';

export type { Role };

/** Every role, from the least to the most trusted. */
export const ROLES = ['cajero', 'supervisor', 'administrador'] as const satisfies readonly Role[];

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
  /** A copy of a fiscal receipt, when the store asks for a supervisor (receipts.reprintNeedsApproval). */
  'receipt.reprint': ['supervisor', 'administrador'],
  /** Open and close the cash session, X and Z reports. */
  'cash.manage': ['supervisor', 'administrador'],
  /** Cash in (change fund, a supplier's refund) during the session. */
  'cash.in': ['cajero', 'supervisor', 'administrador'],
  /** Cash out of the drawer: a cashier needs a supervisor's PIN. */
  'cash.out': ['supervisor', 'administrador'],
  /** A close whose difference is over the store's limit. */
  'cash.closeOverLimit': ['administrador'],
  'users.manage': ['administrador'],
  'audit.view': ['supervisor', 'administrador'],
  /** See the sync state and ask for a sync now (the indicator every screen shows). */
  'sync.run': ['cajero', 'supervisor', 'administrador'],
  /** The dead-letter list: records headquarters refused. */
  'sync.view': ['supervisor', 'administrador'],
  /** Enrol the terminal, headquarters' address, the nightly hour, requeue dead letters. */
  'sync.manage': ['administrador'],
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
