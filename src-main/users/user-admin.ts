import type { CoreContext } from '../core/context';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { limaTimestamp } from '../shared/lima-time';
import type { Actor } from './authenticator';
import { hashPin } from './pin-hash';
import { effectiveLock, PinLockout } from './pin-lockout';
import type { Role } from './roles';
import type { UserAccount } from './user-directory';
import { isValidUsername, normalizeFullName, normalizeUsername, pinProblem } from './user-rules';

/** A person as the people screen shows them (never the PIN hash). */
export interface UserAccountView {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** When the PIN lock ends; null when not locked now. */
  lockedUntil: string | null;
  /** Wrong PINs in a row so far (0 after a lock runs out). */
  failedPinAttempts: number;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface SecuritySettingsView {
  inactivityMinutes: number;
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  pin: string;
}

type AdminContext = Pick<CoreContext, 'sql' | 'qb' | 'clock' | 'audit' | 'users' | 'settings'>;

/**
 * The administrador's side of people: create, rename, change role, deactivate, reset a
 * PIN, lift a lock. Each change is one transaction with its audit entry (before/after,
 * never the hash). The store always keeps an active administrador.
 */
export class UserAdmin {
  private readonly lockout: PinLockout;

  constructor(private readonly ctx: AdminContext) {
    this.lockout = new PinLockout(ctx.sql, ctx.qb, ctx.audit, ctx.clock);
  }

  list(): UserAccountView[] {
    return this.ctx.users.accounts().map((account) => this.view(account));
  }

  async create(actor: Actor, input: NewUser): Promise<UserAccountView> {
    const username = normalizeUsername(input.username);
    if (!isValidUsername(username))
      throw new AppError('USERNAME_INVALID', { username: input.username.trim() });
    const fullName = normalizeFullName(input.fullName);
    if (fullName === null) throw new AppError('FULL_NAME_INVALID');
    assertAcceptablePin(input.pin);
    if (this.ctx.users.usernameTaken(username)) throw new AppError('USERNAME_TAKEN', { username });
    const pinHash = await hashPin(input.pin);
    const id = newId();
    const at = this.now();
    return this.ctx.sql.transaction(() => {
      // Checked again: another request may have taken the name while the PIN was hashed.
      if (this.ctx.users.usernameTaken(username)) throw new AppError('USERNAME_TAKEN', { username });
      this.ctx.sql.run(
        this.ctx.qb.insertInto('users').values({
          id,
          username,
          full_name: fullName,
          role: input.role,
          pin_hash: pinHash,
          active: 1,
          created_at: at,
          updated_at: at,
        }),
      );
      const after = this.viewOf(id);
      this.record('user.created', actor, id, null, after);
      return after;
    });
  }

  update(
    actor: Actor,
    input: { userId: string; fullName?: string | undefined; role?: Role | undefined },
  ): UserAccountView {
    const fullName = input.fullName === undefined ? undefined : normalizeFullName(input.fullName);
    if (fullName === null) throw new AppError('FULL_NAME_INVALID');
    return this.ctx.sql.transaction(() => {
      const before = this.viewOf(input.userId);
      const role = input.role ?? before.role;
      if (before.role === 'administrador' && role !== 'administrador' && before.active)
        this.keepAnAdministrator('quitarle el rol de administrador');
      if (role === before.role && (fullName ?? before.fullName) === before.fullName) return before;
      this.ctx.sql.run(
        this.ctx.qb
          .updateTable('users')
          .set({ role, full_name: fullName ?? before.fullName, updated_at: this.now() })
          .where('id', '=', input.userId),
      );
      const after = this.viewOf(input.userId);
      this.record('user.updated', actor, input.userId, before, after);
      return after;
    });
  }

  /** Out at once: the next request of any open screen of theirs is refused (see Authenticator.resolve). */
  deactivate(actor: Actor, userId: string): UserAccountView {
    if (userId === actor.userId) throw new AppError('CANNOT_DEACTIVATE_SELF');
    return this.setActive(actor, userId, false);
  }

  reactivate(actor: Actor, userId: string): UserAccountView {
    return this.setActive(actor, userId, true);
  }

  /** A new PIN also lifts the lock: the person forgot it, or someone was guessing it. */
  async resetPin(actor: Actor, userId: string, pin: string): Promise<UserAccountView> {
    assertAcceptablePin(pin);
    this.viewOf(userId);
    const pinHash = await hashPin(pin);
    return this.ctx.sql.transaction(() => {
      const before = this.viewOf(userId);
      this.ctx.sql.run(
        this.ctx.qb
          .updateTable('users')
          .set({ pin_hash: pinHash, updated_at: this.now() })
          .where('id', '=', userId),
      );
      this.lockout.clear(userId);
      const after = this.viewOf(userId);
      this.record('user.pin_reset', actor, userId, before, after);
      return after;
    });
  }

  unlock(actor: Actor, userId: string): UserAccountView {
    return this.ctx.sql.transaction(() => {
      const before = this.viewOf(userId);
      if (before.lockedUntil === null && before.failedPinAttempts === 0) return before;
      this.lockout.clear(userId);
      const after = this.viewOf(userId);
      this.record('user.unlocked', actor, userId, before, after);
      return after;
    });
  }

  securitySettings(): SecuritySettingsView {
    return { inactivityMinutes: this.ctx.settings.get('security.inactivityMinutes') };
  }

  saveSecuritySettings(actor: Actor, input: SecuritySettingsView): SecuritySettingsView {
    return this.ctx.sql.transaction(() => {
      const before = this.securitySettings();
      const inactivityMinutes = this.ctx.settings.set(
        'security.inactivityMinutes',
        input.inactivityMinutes,
        actor.userId,
      );
      const after = { inactivityMinutes };
      this.ctx.audit.append({
        action: 'settings.security.updated',
        entityType: 'settings',
        userId: actor.userId,
        data: { before, after },
      });
      return after;
    });
  }

  private setActive(actor: Actor, userId: string, active: boolean): UserAccountView {
    return this.ctx.sql.transaction(() => {
      const before = this.viewOf(userId);
      if (before.active === active) return before;
      if (!active && before.role === 'administrador') this.keepAnAdministrator('desactivarlo');
      this.ctx.sql.run(
        this.ctx.qb
          .updateTable('users')
          .set({ active: active ? 1 : 0, updated_at: this.now() })
          .where('id', '=', userId),
      );
      const after = this.viewOf(userId);
      this.record(active ? 'user.reactivated' : 'user.deactivated', actor, userId, before, after);
      return after;
    });
  }

  /** Call before taking an active administrador away (inside the change's transaction). */
  private keepAnAdministrator(action: string): void {
    if (this.ctx.users.activeAdministrators() <= 1) throw new AppError('LAST_ADMINISTRATOR', { action });
  }

  private viewOf(userId: string): UserAccountView {
    const account = this.ctx.users.account(userId);
    if (!account) throw new AppError('USER_NOT_FOUND');
    return this.view(account);
  }

  private view(account: UserAccount): UserAccountView {
    const lock = effectiveLock(account, this.ctx.clock.now());
    return {
      userId: account.id,
      username: account.username,
      fullName: account.fullName,
      role: account.role,
      active: account.active,
      lockedUntil: lock.lockedUntil,
      failedPinAttempts: lock.failedPinAttempts,
      lastLoginAt: account.lastLoginAt,
      createdAt: account.createdAt,
    };
  }

  private record(
    action: string,
    actor: Actor,
    userId: string,
    before: UserAccountView | null,
    after: UserAccountView,
  ): void {
    this.ctx.audit.append({
      action,
      entityType: 'user',
      entityId: userId,
      userId: actor.userId,
      data: { before, after },
    });
  }

  private now(): string {
    return limaTimestamp(this.ctx.clock.now());
  }
}

function assertAcceptablePin(pin: string): void {
  const problem = pinProblem(pin);
  if (problem) throw new AppError('PIN_WEAK', { reason: problem });
}
