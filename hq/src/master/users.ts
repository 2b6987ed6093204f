import { sql, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { UserRecord } from '../../../src-main/sync/protocol';
import { hashPin } from '../../../src-main/users/pin-hash';
import {
  USERNAME_PATTERN,
  normalizeFullName,
  normalizeUsername,
  pinProblem,
} from '../../../src-main/users/user-rules';
import type { HqDatabase, UsersTable } from '../db/schema';
import { HqError, type HqContext } from '../hq-context';
import { chunked, firstDuplicate, nextChangeNo, withMasterWrite, type UpsertSummary } from './change-numbers';

/** `scrypt$N$r$p$salt$hash`, the format the terminal verifies PINs with. */
const PIN_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/;

/**
 * A user as an administrator sends it: the UserRecord of the protocol, with either the PIN
 * hash or the PIN itself (hashed here at once; HQ stores and serves hashes only).
 */
export const userInputSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    username: z
      .string()
      .transform(normalizeUsername)
      .pipe(
        z.string().regex(USERNAME_PATTERN, 'de 3 a 30 letras minúsculas, dígitos, punto, guion o guion bajo'),
      ),
    fullName: z.string().transform((name, ctx) => {
      const normalized = normalizeFullName(name);
      if (normalized === null) ctx.addIssue({ code: 'custom', message: 'de 3 a 80 caracteres' });
      return normalized ?? name;
    }),
    role: z.enum(['cajero', 'supervisor', 'administrador']),
    pinHash: z.string().regex(PIN_HASH_PATTERN, 'no es un hash de PIN de Mostrador (scrypt)').optional(),
    pin: z
      .string()
      .superRefine((pin, ctx) => {
        const problem = pinProblem(pin);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: `el PIN ${problem}` });
      })
      .optional(),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((u) => (u.pin === undefined) !== (u.pinHash === undefined), {
    message: 'indique el PIN (pin) o su hash (pinHash), uno de los dos',
    path: ['pin'],
  });
export type UserInput = z.input<typeof userInputSchema>;

export const userListSchema = z.array(userInputSchema).min(1).max(1_000);

/** A user as HQ answers an administrator: never the PIN hash. */
export type UserView = Omit<UserRecord, 'pinHash'> & { deleted: boolean; changeNo: number };

export function userRecordFromRow(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    pinHash: row.pin_hash,
    active: row.active,
  };
}

function userView(row: Selectable<UsersTable>): UserView {
  const { pinHash: _hidden, ...rest } = userRecordFromRow(row);
  return { ...rest, deleted: row.deleted, changeNo: row.change_no };
}

/** Hashes the PINs that came in clear (outside any transaction: scrypt is slow on purpose). */
export async function toUserRecords(
  inputs: ReadonlyArray<z.output<typeof userInputSchema>>,
): Promise<UserRecord[]> {
  return Promise.all(
    inputs.map(async (u) => ({
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      role: u.role,
      pinHash: u.pinHash ?? (await hashPin(u.pin as string)),
      active: u.active,
    })),
  );
}

export function upsertUsers(ctx: HqContext, users: readonly UserRecord[]): Promise<UpsertSummary> {
  const now = ctx.now();
  return withMasterWrite(ctx.db, (trx) => upsertUsersIn(trx, users, now));
}

/** Creates or replaces users by id; unchanged ones keep their change number. */
export async function upsertUsersIn(
  trx: Transaction<HqDatabase>,
  users: readonly UserRecord[],
  now: Date,
): Promise<UpsertSummary> {
  const duplicateId = firstDuplicate(users.map((u) => u.id));
  const duplicateName = firstDuplicate(users.map((u) => u.username));
  if (duplicateId !== null || duplicateName !== null) {
    throw new HqError(
      400,
      'BAD_REQUEST',
      `El usuario ${duplicateId ?? duplicateName} aparece dos veces en el envío.`,
    );
  }
  const taken = await sql<{ id: string; username: string }>`
    SELECT id, username FROM users WHERE username = ANY(${users.map((u) => u.username)}::text[])`.execute(
    trx,
  );
  const wanted = new Map(users.map((u) => [u.username, u.id]));
  const clash = taken.rows.find((row) => wanted.get(row.username) !== row.id);
  if (clash) {
    throw new HqError(409, 'CONFLICT', `El nombre de usuario «${clash.username}» ya es de otra persona.`);
  }

  let changed = 0;
  let lastChangeNo: number | null = null;
  for (const chunk of chunked(users, 2_000)) {
    const rows = await trx
      .insertInto('users')
      .values(
        chunk.map((u) => ({
          id: u.id,
          username: u.username,
          full_name: u.fullName,
          role: u.role,
          pin_hash: u.pinHash,
          active: u.active,
          deleted: false,
          change_no: nextChangeNo,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            username: eb.ref('excluded.username'),
            full_name: eb.ref('excluded.full_name'),
            role: eb.ref('excluded.role'),
            pin_hash: eb.ref('excluded.pin_hash'),
            active: eb.ref('excluded.active'),
            deleted: false,
            change_no: eb.ref('excluded.change_no'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(
            sql<boolean>`(users.username, users.full_name, users.role, users.pin_hash, users.active, users.deleted)
            IS DISTINCT FROM (excluded.username, excluded.full_name, excluded.role, excluded.pin_hash,
              excluded.active, false)`,
          ),
      )
      .returning('change_no')
      .execute();
    changed += rows.length;
    for (const row of rows) lastChangeNo = Math.max(lastChangeNo ?? 0, row.change_no);
  }
  return { received: users.length, changed, lastChangeNo };
}

/** Tombstone: terminals remove the person at their next pull; sales keep the user id. */
export function deleteUser(ctx: HqContext, userId: string): Promise<UserView> {
  const now = ctx.now();
  return withMasterWrite(ctx.db, async (trx) => {
    const row =
      (await trx
        .updateTable('users')
        .set({ deleted: true, change_no: nextChangeNo, updated_at: now })
        .where('id', '=', userId)
        .where('deleted', '=', false)
        .returningAll()
        .executeTakeFirst()) ??
      (await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst());
    if (!row) throw new HqError(404, 'NOT_FOUND', `No existe el usuario ${userId} en la central.`);
    return userView(row);
  });
}
