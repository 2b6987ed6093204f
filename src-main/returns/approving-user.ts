import { AppError } from '../shared/errors';
import type { Actor } from '../users/authenticator';
import { roleCan, type Permission } from '../users/roles';

const ACTIONS = {
  'sale.return': 'registrar devoluciones',
  'sale.void': 'anular ventas',
  'note.debit': 'emitir notas de débito',
} as const satisfies Partial<Record<Permission, string>>;

export type ReturnsPermission = keyof typeof ACTIONS;

/**
 * Who approved the change, for the note/void row and the audit entry. The dispatcher already
 * checked the approval; the services check again so no other caller can skip it. A supervisor
 * acting alone approves their own request.
 */
export function approvingUserId(actor: Actor, approver: Actor | null, permission: ReturnsPermission): string {
  if (approver && roleCan(approver.role, permission)) return approver.userId;
  if (roleCan(actor.role, permission)) return actor.userId;
  throw new AppError('APPROVAL_REQUIRED', { reason: ACTIONS[permission] });
}
