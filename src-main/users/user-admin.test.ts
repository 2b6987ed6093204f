import { describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { useTempCores } from '../testing/temp-core';
import type { Actor } from './authenticator';
import { UserAdmin, type NewUser } from './user-admin';
import { audited, failure, userId } from './users-test-kit';

const cores = useTempCores({ sessionSweepMs: 0 });

async function asAdmin(): Promise<{ core: Core; admin: Actor; people: UserAdmin }> {
  const { core } = await cores.setup();
  const { actor } = await core.ctx.auth.login('admin', '9999');
  return { core, admin: actor, people: new UserAdmin(core.ctx) };
}

const NEW_CASHIER: NewUser = {
  username: ' Lucia.Vega ',
  fullName: '  Lucía   Vega Ríos ',
  role: 'cajero',
  pin: '2580',
};

describe('user management', () => {
  it('lists everyone with role, state and last login', async () => {
    const { people } = await asAdmin();
    const list = people.list();
    expect(list.map((u) => [u.username, u.role, u.active])).toEqual([
      ['supervisor', 'supervisor', true],
      ['admin', 'administrador', true],
      ['cajero', 'cajero', true],
    ]);
    // useTempCores logged the cashier in, and we the admin; nobody has logged in as supervisor.
    expect(list.find((u) => u.username === 'cajero')?.lastLoginAt).toBe('2026-11-23T10:00:00-05:00');
    expect(list.find((u) => u.username === 'supervisor')).toMatchObject({
      lastLoginAt: null,
      lockedUntil: null,
      failedPinAttempts: 0,
    });
    expect(JSON.stringify(list)).not.toMatch(/scrypt|pinHash|pin_hash/i);
  });

  it('creates a user who can log in at once, normalised and audited without the PIN', async () => {
    const { core, admin, people } = await asAdmin();
    const created = await people.create(admin, NEW_CASHIER);
    expect(created).toMatchObject({
      username: 'lucia.vega',
      fullName: 'Lucía Vega Ríos',
      role: 'cajero',
      active: true,
    });
    await expect(core.ctx.auth.login('lucia.vega', '2580')).resolves.toMatchObject({
      actor: { userId: created.userId, role: 'cajero' },
    });
    const entries = audited(core, 'user.created');
    expect(entries).toEqual([
      { entityId: created.userId, userId: admin.userId, data: { before: null, after: created } },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/scrypt|2580/);
  });

  it('refuses a bad username, a taken one (in any case), a short name and weak PINs', async () => {
    const { core, admin, people } = await asAdmin();
    const create = (changes: Partial<NewUser>) =>
      failure(people.create(admin, { ...NEW_CASHIER, ...changes }));
    expect((await create({ username: 'lu' })).code).toBe('USERNAME_INVALID');
    expect((await create({ username: 'lucía' })).code).toBe('USERNAME_INVALID');
    expect((await create({ username: 'lucia vega' })).message).toBe(
      'El usuario «lucia vega» no es válido: use de 3 a 30 letras minúsculas, dígitos, punto, guion o guion bajo, sin espacios.',
    );
    expect((await create({ username: 'Supervisor' })).code).toBe('USERNAME_TAKEN');
    expect((await create({ fullName: ' L ' })).code).toBe('FULL_NAME_INVALID');
    expect((await create({ pin: '123' })).message).toBe('PIN no aceptado: debe tener de 4 a 8 dígitos.');
    expect((await create({ pin: '5555' })).code).toBe('PIN_WEAK');
    expect((await create({ pin: '4321' })).message).toBe(
      'PIN no aceptado: no puede ser una secuencia (como 1234 o 4321).',
    );
    expect(people.list()).toHaveLength(3);
    expect(audited(core, 'user.created')).toEqual([]);
  });

  it('changes name and role with before and after in the audit, and the new role applies at once', async () => {
    const { core, admin, people } = await asAdmin();
    const cajero = await core.ctx.auth.login('cajero', '1234');
    const updated = people.update(admin, {
      userId: cajero.actor.userId,
      role: 'supervisor',
      fullName: 'Rosa Quispe',
    });
    expect(updated).toMatchObject({ role: 'supervisor', fullName: 'Rosa Quispe' });
    expect(audited(core, 'user.updated')[0]?.data).toMatchObject({
      before: { role: 'cajero', fullName: 'Rosa Quispe Mamani' },
      after: { role: 'supervisor', fullName: 'Rosa Quispe' },
    });
    // The open session sees the new role on its next request.
    expect(core.ctx.auth.resolve(cajero.token).role).toBe('supervisor');
    // No change, no audit entry.
    people.update(admin, { userId: cajero.actor.userId, role: 'supervisor' });
    expect(audited(core, 'user.updated')).toHaveLength(1);
    expect((await failure(() => people.update(admin, { userId: 'nobody', role: 'cajero' }))).code).toBe(
      'USER_NOT_FOUND',
    );
  });

  it('never leaves the store without an active administrador, and an administrador cannot deactivate themselves', async () => {
    const { core, admin, people } = await asAdmin();
    const demote = failure(() => people.update(admin, { userId: admin.userId, role: 'supervisor' }));
    expect((await demote).message).toBe(
      'No se puede quitarle el rol de administrador: es el último administrador activo. Primero cree o reactive otro administrador.',
    );
    expect((await failure(() => people.deactivate(admin, admin.userId))).code).toBe('CANNOT_DEACTIVATE_SELF');

    // With a second administrador, either may step down, but the last one standing may not.
    const second = await people.create(admin, {
      username: 'gerente',
      fullName: 'Ana Gerente',
      role: 'administrador',
      pin: '7410',
    });
    people.update(admin, { userId: admin.userId, role: 'supervisor' });
    const gerente = (await core.ctx.auth.login('gerente', '7410')).actor;
    expect(
      (await failure(() => people.update(gerente, { userId: second.userId, role: 'cajero' }))).code,
    ).toBe('LAST_ADMINISTRATOR');
    // A deactivated administrador does not count: demoting one is fine.
    people.update(gerente, { userId: admin.userId, role: 'administrador' });
    people.deactivate(gerente, admin.userId);
    expect(
      (await failure(() => people.update(gerente, { userId: second.userId, role: 'cajero' }))).code,
    ).toBe('LAST_ADMINISTRATOR');
    expect(people.update(gerente, { userId: admin.userId, role: 'cajero' }).role).toBe('cajero');
    expect(core.ctx.users.activeAdministrators()).toBe(1);
  });

  it('deactivates and reactivates, audited; a deactivated user cannot log in', async () => {
    const { core, admin, people } = await asAdmin();
    const cajeroId = userId(core, 'cajero');
    expect(people.deactivate(admin, cajeroId).active).toBe(false);
    expect((await failure(core.ctx.auth.login('cajero', '1234'))).code).toBe('USER_INACTIVE');
    // Again: nothing to change, nothing audited.
    people.deactivate(admin, cajeroId);
    expect(people.reactivate(admin, cajeroId).active).toBe(true);
    await expect(core.ctx.auth.login('cajero', '1234')).resolves.toBeDefined();
    expect(audited(core, 'user.deactivated').map((e) => [e.data.before, e.data.after])).toEqual([
      [expect.objectContaining({ active: true }), expect.objectContaining({ active: false })],
    ]);
    expect(audited(core, 'user.reactivated')).toHaveLength(1);
  });

  it('resets a PIN under the same rules', async () => {
    const { core, admin, people } = await asAdmin();
    const cajeroId = userId(core, 'cajero');
    expect((await failure(people.resetPin(admin, cajeroId, '9876'))).code).toBe('PIN_WEAK');
    expect((await failure(people.resetPin(admin, 'nobody', '2580'))).code).toBe('USER_NOT_FOUND');
    await people.resetPin(admin, cajeroId, '3691');
    await expect(core.ctx.auth.login('cajero', '3691')).resolves.toBeDefined();
    expect((await failure(core.ctx.auth.login('cajero', '1234'))).code).toBe('INVALID_CREDENTIALS');
  });

  it('keeps the inactivity minutes as a store setting, 1 to 240, audited', async () => {
    const { core, admin, people } = await asAdmin();
    expect(people.securitySettings()).toEqual({ inactivityMinutes: 10 });
    expect(people.saveSecuritySettings(admin, { inactivityMinutes: 3 })).toEqual({ inactivityMinutes: 3 });
    expect(core.ctx.settings.get('security.inactivityMinutes')).toBe(3);
    expect((await failure(() => people.saveSecuritySettings(admin, { inactivityMinutes: 0 }))).code).toBe(
      'SETTING_INVALID',
    );
    expect((await failure(() => people.saveSecuritySettings(admin, { inactivityMinutes: 241 }))).code).toBe(
      'SETTING_INVALID',
    );
    expect(audited(core, 'settings.security.updated')).toEqual([
      {
        entityId: null,
        userId: admin.userId,
        data: { before: { inactivityMinutes: 10 }, after: { inactivityMinutes: 3 } },
      },
    ]);
  });
});
