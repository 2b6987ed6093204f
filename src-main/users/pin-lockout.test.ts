import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { openTempCore, useTempCores } from '../testing/temp-core';
import { LOCK_MINUTES, MAX_WRONG_PINS } from './pin-lockout';
import { UserAdmin } from './user-admin';
import { audited, failure, userId } from './users-test-kit';

const cores = useTempCores({ sessionSweepMs: 0 });
const MINUTE = 60_000;

async function wrongLogins(core: Core, username: string, times: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++) codes.push((await failure(core.ctx.auth.login(username, '0000'))).code);
  return codes;
}

describe('PIN lockout', () => {
  it('locks the user at the fifth wrong PIN in a row, refuses even the right PIN, and audits it', async () => {
    const { core } = await cores.setup();
    expect(MAX_WRONG_PINS).toBe(5);
    expect(await wrongLogins(core, 'supervisor', 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));

    const fifth = await failure(core.ctx.auth.login('supervisor', '0000'));
    expect(fifth.code).toBe('USER_LOCKED');
    expect(fifth.details).toEqual({ username: 'supervisor', minutes: LOCK_MINUTES });
    expect(fifth.message).toBe(
      'El usuario supervisor está bloqueado por 15 minutos por demasiados intentos con un PIN incorrecto. ' +
        'Espere o pida a un administrador que lo desbloquee.',
    );
    const rightPin = await failure(core.ctx.auth.login('supervisor', '5678'));
    expect(rightPin.code).toBe('USER_LOCKED');

    const supervisorId = userId(core, 'supervisor');
    const failed = audited(core, 'auth.login_failed').filter((e) => e.entityId === supervisorId);
    expect(failed.map((e) => e.data.reason)).toEqual([...Array(5).fill('wrong_pin'), 'locked']);
    const locks = audited(core, 'auth.user_locked');
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({
      entityId: supervisorId,
      userId: null,
      data: { via: 'login', attempts: 5, minutes: 15, lockedUntil: '2026-11-23T10:15:00-05:00' },
    });
    // Other people are not affected.
    await expect(core.ctx.auth.login('admin', '9999')).resolves.toMatchObject({
      actor: { username: 'admin' },
    });
  });

  it('keeps the lock and the count across a restart, and lets the person in once it runs out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mostrador-lockout-'));
    try {
      const first = await openTempCore({ dataDir: dir, sessionSweepMs: 0 });
      await wrongLogins(first.core, 'cajero', 3);
      first.core.close();

      // Three before the restart and two after make five in a row.
      const second = await openTempCore({ dataDir: dir, sessionSweepMs: 0 });
      expect(await wrongLogins(second.core, 'cajero', 2)).toEqual(['INVALID_CREDENTIALS', 'USER_LOCKED']);
      second.core.close();

      const { core, clock } = await openTempCore({ dataDir: dir, sessionSweepMs: 0 });
      try {
        expect((await failure(core.ctx.auth.login('cajero', '1234'))).code).toBe('USER_LOCKED');
        clock.advance(14 * MINUTE + 1_000);
        const almost = await failure(core.ctx.auth.login('cajero', '1234'));
        expect(almost.message).toContain('bloqueado por 1 minuto por');
        clock.advance(MINUTE);
        await expect(core.ctx.auth.login('cajero', '1234')).resolves.toMatchObject({
          actor: { username: 'cajero' },
        });
        // The good login reset the count: four wrong PINs do not lock again.
        expect(await wrongLogins(core, 'cajero', 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
        expect(core.ctx.users.account(userId(core, 'cajero'))).toMatchObject({
          failedPinAttempts: 4,
          lockedUntil: null,
          lastLoginAt: '2026-11-23T10:15:01-05:00',
        });
      } finally {
        core.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts a fresh count after a lock runs out', async () => {
    const { core, clock } = await cores.setup();
    await wrongLogins(core, 'supervisor', 5);
    clock.advance(LOCK_MINUTES * MINUTE);
    // One wrong PIN after the lock is the first of a new run, not the sixth.
    expect(await wrongLogins(core, 'supervisor', 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect(await wrongLogins(core, 'supervisor', 1)).toEqual(['USER_LOCKED']);
  });

  it('only counts wrong PINs in a row: a good login in between resets the count', async () => {
    const { core } = await cores.setup();
    await wrongLogins(core, 'supervisor', 4);
    await core.ctx.auth.login('supervisor', '5678');
    expect(await wrongLogins(core, 'supervisor', 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
  });

  it('counts wrong PINs typed in a supervisor approval, with those at the login screen', async () => {
    const { core } = await cores.setup();
    const wrongApproval = () =>
      failure(core.ctx.auth.approve({ username: 'supervisor', pin: '0000' }, 'sale.void'));
    expect((await wrongApproval()).code).toBe('APPROVAL_INVALID');
    expect((await wrongApproval()).code).toBe('APPROVAL_INVALID');
    expect(await wrongLogins(core, 'supervisor', 2)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    const fifth = await wrongApproval();
    expect(fifth.code).toBe('USER_LOCKED');

    // Locked for approvals with the right PIN too, and at the login screen.
    const right = await failure(core.ctx.auth.approve({ username: 'supervisor', pin: '5678' }, 'sale.void'));
    expect(right.code).toBe('USER_LOCKED');
    expect((await failure(core.ctx.auth.login('supervisor', '5678'))).code).toBe('USER_LOCKED');
    expect(audited(core, 'auth.user_locked')[0]?.data).toMatchObject({ via: 'approval' });
    const refused = audited(core, 'auth.approval_refused').map((e) => e.data.reason);
    expect(refused).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'locked']);
  });

  it('does not count a right PIN from someone who may not approve, and a good approval ends the run', async () => {
    const { core } = await cores.setup();
    // The cashier's right PIN: refused (no permission) but not a guess.
    for (let i = 0; i < 5; i++) {
      const refused = await failure(core.ctx.auth.approve({ username: 'cajero', pin: '1234' }, 'sale.void'));
      expect(refused.code).toBe('APPROVAL_INVALID');
    }
    await expect(core.ctx.auth.login('cajero', '1234')).resolves.toBeDefined();

    await wrongLogins(core, 'supervisor', 4);
    await expect(
      core.ctx.auth.approve({ username: 'supervisor', pin: '5678' }, 'sale.void'),
    ).resolves.toMatchObject({ username: 'supervisor' });
    expect(audited(core, 'auth.pin_attempts_cleared')[0]?.data).toEqual({
      before: 4,
      after: 0,
      via: 'approval',
    });
    expect(await wrongLogins(core, 'supervisor', 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
  });

  it('is lifted by an administrador, by unlocking or by setting a new PIN', async () => {
    const { core } = await cores.setup();
    const admin = (await core.ctx.auth.login('admin', '9999')).actor;
    const people = new UserAdmin(core.ctx);
    const supervisorId = userId(core, 'supervisor');

    await wrongLogins(core, 'supervisor', 5);
    expect(people.list().find((u) => u.username === 'supervisor')).toMatchObject({
      lockedUntil: '2026-11-23T10:15:00-05:00',
      failedPinAttempts: 5,
    });
    const unlocked = people.unlock(admin, supervisorId);
    expect(unlocked).toMatchObject({ lockedUntil: null, failedPinAttempts: 0 });
    expect(audited(core, 'user.unlocked')).toEqual([
      {
        entityId: supervisorId,
        userId: admin.userId,
        data: {
          before: expect.objectContaining({ lockedUntil: '2026-11-23T10:15:00-05:00', failedPinAttempts: 5 }),
          after: expect.objectContaining({ lockedUntil: null, failedPinAttempts: 0 }),
        },
      },
    ]);
    await expect(core.ctx.auth.login('supervisor', '5678')).resolves.toBeDefined();

    await wrongLogins(core, 'supervisor', 5);
    await people.resetPin(admin, supervisorId, '2580');
    expect((await failure(core.ctx.auth.login('supervisor', '5678'))).code).toBe('INVALID_CREDENTIALS');
    await expect(core.ctx.auth.login('supervisor', '2580')).resolves.toBeDefined();
    const reset = audited(core, 'user.pin_reset');
    expect(reset[0]?.data.after).toMatchObject({ lockedUntil: null, failedPinAttempts: 0 });
    // The PIN's hash never reaches the audit log.
    expect(JSON.stringify(reset)).not.toMatch(/scrypt|pin_?hash/i);
  });
});
