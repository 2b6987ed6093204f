import { z } from 'zod';
import type { SecuritySettingsView, UserAccountView } from '../users/user-admin';
import { ROLES } from '../users/roles';
import { id, method, none } from './spec';

export type { SecuritySettingsView, UserAccountView };

/* Loose shapes here: the core's own rules (user-rules.ts) judge them with specific messages. */
const role = z.enum(ROLES);
const userRef = z.object({ userId: id }).strict();
const pin = z.string().max(20);

/** People (administrador only): the list, new users, role and PIN changes, deactivation, locks. */
export const usersContract = {
  'users.list': method<UserAccountView[]>()({ input: none, permission: 'users.manage' }),
  'users.create': method<UserAccountView>()({
    input: z.object({ username: z.string().max(60), fullName: z.string().max(200), role, pin }).strict(),
    permission: 'users.manage',
  }),
  'users.update': method<UserAccountView>()({
    input: z.object({ userId: id, fullName: z.string().max(200).optional(), role: role.optional() }).strict(),
    permission: 'users.manage',
  }),
  'users.deactivate': method<UserAccountView>()({ input: userRef, permission: 'users.manage' }),
  'users.reactivate': method<UserAccountView>()({ input: userRef, permission: 'users.manage' }),
  /** Also lifts a PIN lock. */
  'users.resetPin': method<UserAccountView>()({
    input: z.object({ userId: id, pin }).strict(),
    permission: 'users.manage',
  }),
  'users.unlock': method<UserAccountView>()({ input: userRef, permission: 'users.manage' }),
  'users.securitySettings': method<SecuritySettingsView>()({ input: none, permission: 'users.manage' }),
  'users.saveSecuritySettings': method<SecuritySettingsView>()({
    input: z.object({ inactivityMinutes: z.number().int() }).strict(),
    permission: 'users.manage',
  }),
} as const;
