import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { StoreSettings } from '../settings/store-settings';
import type { Clock } from '../shared/clock';
import { limaTimestamp } from '../shared/lima-time';
import type { Sql } from '../storage/sql';
import { verifyPin } from './pin-hash';
import { PinLockout } from './pin-lockout';
import { roleCan, type Permission } from './roles';
import type { User, UserAccount, UserDirectory } from './user-directory';

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

/** A session the core ended by itself (the person was away too long). */
export interface SessionEnded {
  userId: string;
  reason: 'inactive';
}

export interface AuthenticatorDeps {
  users: UserDirectory;
  sql: Sql;
  qb: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  /** `security.inactivityMinutes`, read at each check so a change applies at once. */
  settings: Pick<StoreSettings, 'get'>;
  /**
   * Measures idle time. By default it only moves forward with real time, so setting the
   * store's clock (a test jumping to tomorrow, an NTP correction) never ends a session.
   */
  sessionClock?: Clock | undefined;
}

/** Process start plus monotonic time elapsed: immune to changes of the system clock. */
export const monotonicClock: Clock = { now: () => new Date(performance.timeOrigin + performance.now()) };

interface Session {
  userId: string;
  /** Milliseconds on the session clock of the person's last request. */
  lastActivity: number;
}

const MINUTE_MS = 60_000;

/**
 * Logins and supervisor approvals. Sessions live in memory: a restart asks everyone to log
 * in again, which is what a till should do. Each request re-reads the user, so a
 * deactivated user is out at once, even with a screen still open; a session nobody used
 * for `security.inactivityMinutes` ends by itself.
 */
export class Authenticator {
  private readonly sessions = new Map<string, Session>();
  private readonly listeners = new Set<(ended: SessionEnded) => void>();
  private readonly lockout: PinLockout;
  private readonly users: UserDirectory;
  private readonly sql: Sql;
  private readonly audit: AuditLog;
  private readonly clock: Clock;
  private readonly settings: Pick<StoreSettings, 'get'>;
  private readonly sessionClock: Clock;
  private sweep: ReturnType<typeof setInterval> | null = null;

  constructor(deps: AuthenticatorDeps) {
    this.users = deps.users;
    this.sql = deps.sql;
    this.audit = deps.audit;
    this.clock = deps.clock;
    this.settings = deps.settings;
    this.sessionClock = deps.sessionClock ?? monotonicClock;
    this.lockout = new PinLockout(deps.sql, deps.qb, deps.audit, deps.clock);
  }

  async login(username: string, pin: string): Promise<{ token: string; actor: Actor }> {
    const user = this.users.credentials(username);
    // A locked user is told so before the PIN is even looked at: the lock is no oracle.
    if (user) this.refuseIfLocked(user, () => this.failedLogin(username, user, 'locked'));
    const valid = user !== undefined && (await verifyPin(pin, user.pinHash));
    if (!user || !valid) {
      const lockedMinutes = this.sql.transaction(() => {
        this.failedLogin(username, user, 'wrong_pin');
        return user ? this.lockout.wrongPin(user.id, 'login') : null;
      });
      if (user && lockedMinutes)
        throw new AppError('USER_LOCKED', { username: user.username, minutes: lockedMinutes });
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (!user.active) throw new AppError('USER_INACTIVE', { username: user.username });
    const token = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    this.sql.transaction(() => {
      this.lockout.assertUnlocked(user.id, user.username);
      this.lockout.clear(user.id);
      this.users.recordLogin(user.id, limaTimestamp(now));
      this.audit.append({ action: 'auth.login', entityType: 'user', entityId: user.id, userId: user.id });
    });
    this.sessions.set(token, { userId: user.id, lastActivity: this.sessionClock.now().getTime() });
    return { token, actor: toActor(user) };
  }

  logout(token: string): void {
    const session = this.sessions.get(token);
    if (!session) return;
    this.sessions.delete(token);
    this.sql.transaction(() =>
      this.audit.append({
        action: 'auth.logout',
        entityType: 'user',
        entityId: session.userId,
        userId: session.userId,
      }),
    );
  }

  /**
   * The actor for a session token, or a NOT_AUTHENTICATED error. `activity: false` for the
   * calls a screen makes by itself (refreshes on events and timers), which must not keep an
   * unattended session alive.
   */
  resolve(token: string | undefined, options: { activity?: boolean } = {}): Actor {
    const session = token ? this.sessions.get(token) : undefined;
    if (!token || !session) throw new AppError('NOT_AUTHENTICATED');
    const now = this.sessionClock.now().getTime();
    // Exact even between sweeps: a session past the limit is over at its next request.
    if (this.isIdle(session, now)) {
      this.expire(token, session, now);
      throw new AppError('NOT_AUTHENTICATED');
    }
    const user = this.users.byId(session.userId);
    if (!user) {
      this.sessions.delete(token);
      throw new AppError('NOT_AUTHENTICATED');
    }
    if (!user.active) {
      this.sessions.delete(token);
      throw new AppError('USER_INACTIVE', { username: user.username });
    }
    if (options.activity ?? true) session.lastActivity = now;
    return toActor(user);
  }

  /**
   * A supervisor authorises one action on the spot with their PIN. Returns the approver;
   * the caller records both people in the audit entry of the action itself. A wrong PIN
   * here counts towards the lock like one at the login screen.
   */
  async approve(approval: Approval, permission: Permission): Promise<Actor> {
    const user = this.users.credentials(approval.username);
    if (user) this.refuseIfLocked(user, () => this.refusedApproval(approval, user, permission, 'locked'));
    const pinOk = user !== undefined && (await verifyPin(approval.pin, user.pinHash));
    if (!user || !pinOk || !user.active || !roleCan(user.role, permission)) {
      const lockedMinutes = this.sql.transaction(() => {
        this.refusedApproval(approval, user, permission, pinOk ? 'not_allowed' : 'wrong_pin');
        return user && !pinOk ? this.lockout.wrongPin(user.id, 'approval') : null;
      });
      if (user && lockedMinutes)
        throw new AppError('USER_LOCKED', { username: user.username, minutes: lockedMinutes });
      throw new AppError('APPROVAL_INVALID');
    }
    if (user.failedPinAttempts > 0) {
      // The right PIN ends the run of wrong ones, as a good login does.
      this.sql.transaction(() => {
        this.lockout.assertUnlocked(user.id, user.username);
        this.lockout.clear(user.id);
        this.audit.append({
          action: 'auth.pin_attempts_cleared',
          entityType: 'user',
          entityId: user.id,
          userId: user.id,
          data: { before: user.failedPinAttempts, after: 0, via: 'approval' },
        });
      });
    }
    return toActor(user);
  }

  /** Ends every session idle past the store's limit; returns how many. */
  expireIdleSessions(): number {
    const now = this.sessionClock.now().getTime();
    let ended = 0;
    for (const [token, session] of [...this.sessions]) {
      if (!this.isIdle(session, now)) continue;
      this.expire(token, session, now);
      ended++;
    }
    return ended;
  }

  onSessionEnded(listener: (ended: SessionEnded) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sweeps idle sessions every `intervalMs` (0: never; tests call `expireIdleSessions`). */
  startIdleSweep(intervalMs: number, log: (message: string, error: unknown) => void = console.error): void {
    this.stopIdleSweep();
    if (intervalMs <= 0) return;
    this.sweep = setInterval(() => {
      try {
        this.expireIdleSessions();
      } catch (error) {
        log('core: idle session sweep failed', error);
      }
    }, intervalMs);
    // A forgotten sweep must never keep the process (or a test run) alive.
    this.sweep.unref();
  }

  stopIdleSweep(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
  }

  private isIdle(session: Session, now: number): boolean {
    return now - session.lastActivity >= this.settings.get('security.inactivityMinutes') * MINUTE_MS;
  }

  private expire(token: string, session: Session, now: number): void {
    this.sessions.delete(token);
    this.sql.transaction(() =>
      this.audit.append({
        action: 'auth.session_expired',
        entityType: 'user',
        entityId: session.userId,
        userId: session.userId,
        data: {
          idleMinutes: Math.floor((now - session.lastActivity) / MINUTE_MS),
          inactivityMinutes: this.settings.get('security.inactivityMinutes'),
        },
      }),
    );
    const ended: SessionEnded = { userId: session.userId, reason: 'inactive' };
    this.listeners.forEach((listener) => listener(ended));
  }

  /** Audits the refused attempt (its own transaction, so the error does not undo it) and throws USER_LOCKED. */
  private refuseIfLocked(user: UserAccount, auditAttempt: () => void): void {
    const minutes = this.lockout.minutesLeft(user);
    if (minutes === 0) return;
    this.sql.transaction(auditAttempt);
    throw new AppError('USER_LOCKED', { username: user.username, minutes });
  }

  private failedLogin(username: string, user: UserAccount | undefined, reason: 'wrong_pin' | 'locked'): void {
    this.audit.append({
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      userId: null,
      data: { username: username.trim(), reason },
    });
  }

  private refusedApproval(
    approval: Approval,
    user: UserAccount | undefined,
    permission: Permission,
    reason: 'wrong_pin' | 'not_allowed' | 'locked',
  ): void {
    this.audit.append({
      action: 'auth.approval_refused',
      entityType: 'user',
      entityId: user?.id ?? null,
      userId: null,
      data: { username: approval.username.trim(), permission, reason },
    });
  }
}

function toActor(user: User): Actor {
  return { userId: user.id, username: user.username, fullName: user.fullName, role: user.role };
}
