import type { PERMISSIONS, Role } from '../../src-main/users/roles';

/** Same wording as the core's ROLE_LABELS (runtime code there cannot be imported). */
export const ROLE_NAMES: Record<Role, string> = {
  cajero: 'Cajero',
  supervisor: 'Supervisor',
  administrador: 'Administrador',
};

type ApproverRole = (typeof PERMISSIONS)['sale.discountOverLimit'][number];

/** Who is offered in the approval prompt; typed from the core's table, and the core checks again. */
export const APPROVER_ROLES: readonly ApproverRole[] = ['supervisor', 'administrador'];
