import { randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Sql } from '../storage/sql';
import { verifyPin } from './pin-hash';
import { roleCan, type Permission } from './roles';
import type { User, UserDirectory } from './user-directory';

/** The person behind a request, as the core trusts it after login. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  role: User['role'];
}

export interface Approval {
  username: string;
  pin: string;
}

/**
 * Logins and supervisor approvals. Sessions live in memory: a restart asks everyone to log
 * in again, which is what a till should do. Each request re-reads the user, so a
 * deactivated user is out at once, even with a screen still open.
 */
export class Authenticator {
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly users: UserDirectory,
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  async login(username: string, pin: string): Promise<{ token: string; actor: Actor }> {
    const user = this.users.credentials(username);
    const valid = user !== undefined && (await verifyPin(pin, user.pinHash));
    if (!user || !valid) {
      this.sql.transaction(() =>
        this.audit.append({
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          userId: null,
          data: { username: username.trim() },
        }),
      );
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (!user.active) throw new AppError('USER_INACTIVE', { username: user.username });
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, user.id);
    this.sql.transaction(() =>
      this.audit.append({ action: 'auth.login', entityType: 'user', entityId: user.id, userId: user.id }),
    );
    return { token, actor: toActor(user) };
  }

  logout(token: string): void {
    const userId = this.sessions.get(token);
    if (!userId) return;
    this.sessions.delete(token);
    this.sql.transaction(() =>
      this.audit.append({ action: 'auth.logout', entityType: 'user', entityId: userId, userId }),
    );
  }

  /** The actor for a session token, or a NOT_AUTHENTICATED error. */
  resolve(token: string | undefined): Actor {
    const userId = token ? this.sessions.get(token) : undefined;
    const user = userId ? this.users.byId(userId) : undefined;
    if (!token || !user) throw new AppError('NOT_AUTHENTICATED');
    if (!user.active) {
      this.sessions.delete(token);
      throw new AppError('USER_INACTIVE', { username: user.username });
    }
    return toActor(user);
  }

  /**
   * A supervisor authorises one action on the spot with their PIN. Returns the approver;
   * the caller records both people in the audit entry of the action itself.
   */
  async approve(approval: Approval, permission: Permission): Promise<Actor> {
    const user = this.users.credentials(approval.username);
    const valid = user !== undefined && user.active && (await verifyPin(approval.pin, user.pinHash));
    if (!user || !valid || !roleCan(user.role, permission)) {
      this.sql.transaction(() =>
        this.audit.append({
          action: 'auth.approval_refused',
          entityType: 'user',
          entityId: user?.id ?? null,
          userId: null,
          data: { username: approval.username.trim(), permission },
        }),
      );
      throw new AppError('APPROVAL_INVALID');
    }
    return toActor(user);
  }
}

function toActor(user: User): Actor {
  return { userId: user.id, username: user.username, fullName: user.fullName, role: user.role };
}
