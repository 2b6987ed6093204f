import type { UserAccountView } from '../../../src-main/api/users-contract';
import { formatDateTime } from '../history/history-format';

export type UserStateKind = 'active' | 'locked' | 'inactive';

/** `10:15` from the core's Lima timestamp (`2026-11-23T10:15:00-05:00`), as stored. */
function timeOf(timestamp: string): string {
  return /T(\d{2}:\d{2})/.exec(timestamp)?.[1] ?? timestamp;
}

/** The Estado column: a deactivated user is that first; a lock only matters while active. */
export function userState(user: Pick<UserAccountView, 'active' | 'lockedUntil'>): {
  kind: UserStateKind;
  label: string;
} {
  if (!user.active) return { kind: 'inactive', label: 'Desactivado' };
  if (user.lockedUntil) return { kind: 'locked', label: `Bloqueado hasta las ${timeOf(user.lockedUntil)}` };
  return { kind: 'active', label: 'Activo' };
}

export function lastLoginText(lastLoginAt: string | null): string {
  return lastLoginAt ? formatDateTime(lastLoginAt) : 'Nunca';
}

/** What the screen itself can say about a new PIN typed twice; the core judges the rest (length, 1111, 1234…). */
export function pinEntryProblem(pin: string, repeated: string): string | null {
  if (pin === '') return 'Ingrese el nuevo PIN.';
  if (!/^\d+$/.test(pin)) return 'El PIN solo lleva dígitos.';
  if (pin !== repeated) return 'Los dos PIN no coinciden. Escríbalo de nuevo.';
  return null;
}

/** Minutes as typed in the inactivity field; null when not a whole number. */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}
