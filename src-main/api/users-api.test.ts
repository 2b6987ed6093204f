import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/core';
import { fixedClock } from '../shared/clock';
import { openTempCore } from '../testing/temp-core';
import { audited } from '../users/users-test-kit';
import type { ApiInput, ApiMethod, ApiOutput } from './contract';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { CoreEvent, RpcResponse } from './transport';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});
const MINUTE = 60_000;

interface Terminal {
  core: Core;
  clock: ReturnType<typeof fixedClock>;
  dispatcher: Dispatcher;
  events: CoreEvent[];
  call<M extends ApiMethod>(
    method: M,
    input: ApiInput<M>,
    session: string | null,
  ): Promise<RpcResponse<ApiOutput<M>>>;
  value<M extends ApiMethod>(method: M, input: ApiInput<M>, session: string | null): Promise<ApiOutput<M>>;
  login(username: string, pin: string): Promise<string>;
}

async function terminal(): Promise<Terminal> {
  // Nobody logged in yet: each test opens exactly the sessions it counts.
  // One fixed clock for the store and for idle time, so advancing it ages the sessions.
  const clock = fixedClock('2026-11-23T15:00:00.000Z');
  const { core, cleanup } = await openTempCore({ clock, sessionClock: clock, sessionSweepMs: 0 });
  cleanups.push(cleanup);
  const dispatcher = createDispatcher(core);
  const events: CoreEvent[] = [];
  dispatcher.onEvent((event) => events.push(event));
  const call: Terminal['call'] = async (method, input, session) =>
    (await dispatcher.dispatch({ method, input, session })) as RpcResponse<ApiOutput<typeof method>>;
  const value: Terminal['value'] = async (method, input, session) => {
    const response = await call(method, input, session);
    if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
    return response.value;
  };
  const login = async (username: string, pin: string) =>
    (await value('session.login', { username, pin }, null)).token;
  return { core, clock, dispatcher, events, call, value, login };
}

const NEW_CASHIER = { username: 'lucia', fullName: 'Lucía Vega Ríos', role: 'cajero', pin: '2580' } as const;

describe('the users API through the dispatcher', () => {
  it('is for administradores only', async () => {
    const t = await terminal();
    const cajero = await t.login('cajero', '1234');
    const supervisor = await t.login('supervisor', '5678');
    expect(await t.call('users.create', NEW_CASHIER, cajero)).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Su usuario no tiene permiso para administrar usuarios.',
        details: { action: 'administrar usuarios' },
      },
    });
    expect(await t.call('users.list', {}, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('users.saveSecuritySettings', { inactivityMinutes: 1 }, cajero)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('users.list', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(audited(t.core, 'user.created')).toEqual([]);

    const admin = await t.login('admin', '9999');
    const created = await t.value('users.create', NEW_CASHIER, admin);
    expect(created).toMatchObject({ username: 'lucia', role: 'cajero', active: true, lastLoginAt: null });
    expect((await t.value('users.list', {}, admin)).map((u) => u.username)).toContain('lucia');
    // The new cashier appears on the login screen's list and can sell.
    expect((await t.value('session.users', {}, null)).map((u) => u.username)).toContain('lucia');
    const lucia = await t.login('lucia', '2580');
    expect(await t.value('session.me', {}, lucia)).toMatchObject({
      username: 'lucia',
      permissions: expect.arrayContaining(['sale.sell']),
    });
    // The core's rules reach the screen as Spanish messages.
    expect(await t.call('users.create', { ...NEW_CASHIER, username: 'LUCIA' }, admin)).toMatchObject({
      ok: false,
      error: {
        code: 'USERNAME_TAKEN',
        message: 'Ya existe un usuario lucia (activo o desactivado). Elija otro nombre de usuario.',
      },
    });
    expect(await t.call('users.create', { ...NEW_CASHIER, role: 'gerente' } as never, admin)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses a deactivated user at once, even with a screen already open', async () => {
    const t = await terminal();
    const cajero = await t.login('cajero', '1234');
    const admin = await t.login('admin', '9999');
    expect(await t.call('session.me', {}, cajero)).toMatchObject({ ok: true });

    const cajeroId = (await t.value('session.me', {}, cajero)).userId;
    await t.value('users.deactivate', { userId: cajeroId }, admin);
    expect(await t.call('session.me', {}, cajero)).toEqual({
      ok: false,
      error: {
        code: 'USER_INACTIVE',
        message: 'El usuario cajero está desactivado.',
        details: { username: 'cajero' },
      },
    });
    // The session is gone: reactivating does not bring it back.
    await t.value('users.reactivate', { userId: cajeroId }, admin);
    expect(await t.call('session.me', {}, cajero)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(
      await t.call('users.deactivate', { userId: (await t.value('session.me', {}, admin)).userId }, admin),
    ).toMatchObject({
      ok: false,
      error: { code: 'CANNOT_DEACTIVATE_SELF' },
    });
  });

  it('locks after five wrong PINs at the login, and an administrador unlocks', async () => {
    const t = await terminal();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await t.call('session.login', { username: 'supervisor', pin: '1111' }, null);
      codes.push(response.ok ? 'ok' : response.error.code);
    }
    expect(codes).toEqual([...Array(4).fill('INVALID_CREDENTIALS'), 'USER_LOCKED']);
    const admin = await t.login('admin', '9999');
    const locked = (await t.value('users.list', {}, admin)).find((u) => u.username === 'supervisor');
    expect(locked?.lockedUntil).toBe('2026-11-23T10:15:00-05:00');
    await t.value('users.unlock', { userId: locked?.userId ?? '' }, admin);
    expect(await t.call('session.login', { username: 'supervisor', pin: '5678' }, null)).toMatchObject({
      ok: true,
    });
  });
});

describe('the inactivity lock', () => {
  it('ends a session idle past the store’s limit: audited, announced, and the next call is refused', async () => {
    const t = await terminal();
    const cajero = await t.login('cajero', '1234');
    const admin = await t.login('admin', '9999');
    const adminId = (await t.value('session.me', {}, admin)).userId;

    t.clock.advance(9 * MINUTE);
    await t.value('session.me', {}, cajero);
    expect(t.core.ctx.auth.expireIdleSessions()).toBe(0);
    t.clock.advance(MINUTE);
    // The admin's ten minutes are up; the cashier did something a minute ago.
    expect(t.core.ctx.auth.expireIdleSessions()).toBe(1);
    expect(t.events).toEqual([{ type: 'session.ended', reason: 'inactive', userId: adminId }]);
    expect(audited(t.core, 'auth.session_expired')).toEqual([
      {
        entityId: adminId,
        userId: adminId,
        data: { idleMinutes: 10, inactivityMinutes: 10 },
      },
    ]);
    expect(await t.call('session.me', {}, admin)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(await t.call('session.me', {}, cajero)).toMatchObject({ ok: true });
    // Nothing more to end, nothing more announced.
    expect(t.core.ctx.auth.expireIdleSessions()).toBe(0);
    expect(t.events).toHaveLength(1);
  });

  it('does not count a screen’s own refreshes as activity, and refuses a session past its limit before any sweep', async () => {
    const t = await terminal();
    const cajero = await t.login('cajero', '1234');
    const cajeroId = (await t.value('session.me', {}, cajero)).userId;
    for (let minute = 0; minute < 9; minute++) {
      t.clock.advance(MINUTE);
      expect(await t.call('fiscal.overview', {}, cajero)).toMatchObject({ ok: true });
      expect(await t.call('cart.current', {}, cajero)).toMatchObject({ ok: true });
    }
    t.clock.advance(MINUTE);
    expect(await t.call('fiscal.overview', {}, cajero)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(t.events).toEqual([{ type: 'session.ended', reason: 'inactive', userId: cajeroId }]);
    expect(audited(t.core, 'auth.session_expired')).toHaveLength(1);
  });

  it('follows the store setting, which an administrador changes', async () => {
    const t = await terminal();
    const admin = await t.login('admin', '9999');
    expect(await t.value('users.securitySettings', {}, admin)).toEqual({ inactivityMinutes: 10 });
    expect(await t.call('users.saveSecuritySettings', { inactivityMinutes: 500 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'SETTING_INVALID' },
    });
    await t.value('users.saveSecuritySettings', { inactivityMinutes: 2 }, admin);
    const cajero = await t.login('cajero', '1234');
    t.clock.advance(2 * MINUTE - 1);
    expect(t.core.ctx.auth.expireIdleSessions()).toBe(0);
    t.clock.advance(1);
    expect(t.core.ctx.auth.expireIdleSessions()).toBe(2);
    expect(await t.call('session.me', {}, cajero)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
  });

  it('measures idle time on its own clock: moving the store’s date does not end sessions', async () => {
    const { core, clock, cleanup } = await openTempCore({ sessionSweepMs: 0 });
    cleanups.push(cleanup);
    const dispatcher = createDispatcher(core);
    const login = await dispatcher.dispatch({
      method: 'session.login',
      input: { username: 'cajero', pin: '1234' },
    });
    const token = login.ok ? (login.value as { token: string }).token : '';
    // Tests (and an NTP correction) move the store's clock to tomorrow; the person is still here.
    clock.advance(24 * 60 * MINUTE);
    expect(core.ctx.auth.expireIdleSessions()).toBe(0);
    expect(await dispatcher.dispatch({ method: 'session.me', input: {}, session: token })).toMatchObject({
      ok: true,
    });
  });

  it('is swept by the core on its own', async () => {
    const t = await terminal();
    const cajero = await t.login('cajero', '1234');
    const cajeroId = (await t.value('session.me', {}, cajero)).userId;
    t.clock.advance(10 * MINUTE);
    t.core.ctx.auth.startIdleSweep(5);
    await vi.waitFor(() =>
      expect(t.events).toEqual([{ type: 'session.ended', reason: 'inactive', userId: cajeroId }]),
    );
    t.core.ctx.auth.stopIdleSweep();
  });
});
