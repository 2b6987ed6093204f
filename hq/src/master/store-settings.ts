import { z } from 'zod';
import { SETTING_SCHEMAS, type SettingKey } from '../../../src-main/settings/store-settings';
import { HqError, type HqContext } from '../hq-context';
import { describeZodError } from '../http/parse-input';
import { requireStore } from '../enrolment/stores';
import { nextChangeNo, withMasterWrite } from './change-numbers';

export const settingValueInputSchema = z.object({ value: z.unknown() }).strict();

export interface StoreSettingView {
  storeId: string;
  key: string;
  value: unknown;
  deleted: boolean;
  changeNo: number;
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_SCHEMAS, key);
}

const spanish = z.locales.es();

/**
 * Checked against the terminal's own setting schemas: HQ never hands out a value a terminal
 * would refuse to apply (or a key it does not know).
 */
export function validateSetting(key: string, value: unknown): unknown {
  if (!isSettingKey(key)) {
    throw new HqError(
      400,
      'BAD_REQUEST',
      `La configuración «${key}» no existe. Claves válidas: ${Object.keys(SETTING_SCHEMAS).join(', ')}.`,
    );
  }
  const parsed = (SETTING_SCHEMAS[key] as z.ZodType).safeParse(value, { error: spanish.localeError });
  if (!parsed.success) {
    throw new HqError(400, 'BAD_REQUEST', `Valor no válido para «${key}». ${describeZodError(parsed.error)}`);
  }
  return parsed.data;
}

/** Sets one setting of one store (only that store's terminals receive it). */
export async function putStoreSetting(
  ctx: HqContext,
  storeId: string,
  key: string,
  value: unknown,
): Promise<StoreSettingView> {
  const valid = validateSetting(key, value);
  await requireStore(ctx, storeId);
  const now = ctx.now();
  const json = JSON.stringify(valid);
  return withMasterWrite(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('store_settings')
      .values({
        store_id: storeId,
        key,
        value: json,
        deleted: false,
        change_no: nextChangeNo,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['store_id', 'key']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          deleted: false,
          change_no: eb.ref('excluded.change_no'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning(['change_no'])
      .executeTakeFirstOrThrow();
    return { storeId, key, value: valid, deleted: false, changeNo: row.change_no };
  });
}

/** Tombstone: the store's terminals go back to their default for that key. */
export function deleteStoreSetting(ctx: HqContext, storeId: string, key: string): Promise<StoreSettingView> {
  const now = ctx.now();
  return withMasterWrite(ctx.db, async (trx) => {
    const row =
      (await trx
        .updateTable('store_settings')
        .set({ deleted: true, change_no: nextChangeNo, updated_at: now })
        .where('store_id', '=', storeId)
        .where('key', '=', key)
        .where('deleted', '=', false)
        .returning(['value', 'deleted', 'change_no'])
        .executeTakeFirst()) ??
      (await trx
        .selectFrom('store_settings')
        .select(['value', 'deleted', 'change_no'])
        .where('store_id', '=', storeId)
        .where('key', '=', key)
        .executeTakeFirst());
    if (!row) {
      throw new HqError(
        404,
        'BAD_REQUEST',
        `La tienda ${storeId} no tiene la configuración «${key}» en la central.`,
      );
    }
    return { storeId, key, value: row.value, deleted: row.deleted, changeNo: row.change_no };
  });
}
