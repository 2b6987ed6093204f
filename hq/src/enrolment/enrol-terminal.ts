import type { EnrolRequest, EnrolResponse } from '../../../src-main/sync/protocol';
import { HqError, type HqContext } from '../hq-context';
import { hashEnrolmentCode, hashToken, newSecretToken } from '../auth/tokens';

/**
 * A terminal joins its store with a one-time code. Everything happens in one transaction:
 * any refusal rolls back, so a code is spent only by the enrolment that succeeds.
 *
 * The terminal is recorded under its own id, code and name (what its records and receipts
 * carry); the code only proves the administrator let one terminal into that store.
 */
export async function enrolTerminal(ctx: HqContext, request: EnrolRequest): Promise<EnrolResponse> {
  const now = ctx.now();
  const token = newSecretToken();
  return ctx.db.transaction().execute(async (trx) => {
    // Spent atomically: of two requests racing with one code, the second finds used_at set.
    const code = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now, used_by: request.terminalId })
      .where('code_hash', '=', hashEnrolmentCode(request.code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['store_id'])
      .executeTakeFirst();
    if (!code) {
      throw new HqError(
        403,
        'ENROLMENT_CODE_INVALID',
        'El código de enrolamiento no existe, ya fue usado o venció. Pida un código nuevo a la central.',
      );
    }
    const store = await trx
      .selectFrom('stores')
      .select(['id', 'ruc', 'trade_name'])
      .where('id', '=', code.store_id)
      .executeTakeFirstOrThrow();
    if (store.id !== request.storeId || store.ruc !== request.ruc) {
      throw new HqError(
        409,
        'ENROLMENT_STORE_MISMATCH',
        `Este código es para la tienda «${store.trade_name}» (RUC ${store.ruc}), ` +
          `pero esta caja pertenece a otra tienda (RUC ${request.ruc}). Use un código emitido para su tienda.`,
      );
    }

    const existing = await trx
      .selectFrom('terminals')
      .select(['id', 'store_id', 'revoked_at'])
      .where('id', '=', request.terminalId)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      if (existing.store_id !== store.id) {
        throw new HqError(
          409,
          'ENROLMENT_STORE_MISMATCH',
          `Esta caja ya está registrada en otra tienda; no puede unirse a «${store.trade_name}».`,
        );
      }
      if (existing.revoked_at !== null) {
        throw new HqError(
          403,
          'TERMINAL_REVOKED',
          'La central revocó el acceso de esta caja; no puede volver a enrolarse con el mismo identificador.',
        );
      }
      // Re-enrolment of a live terminal (lost credential): a new token, the old one stops working.
      await trx
        .updateTable('terminals')
        .set({ token_hash: hashToken(token) })
        .where('id', '=', existing.id)
        .execute();
    } else {
      const sameCode = await trx
        .selectFrom('terminals')
        .select('id')
        .where('store_id', '=', store.id)
        .where('code', '=', request.terminalCode)
        .executeTakeFirst();
      if (sameCode) {
        // Two terminals with one code would most likely share a series too (B001…): refuse.
        throw new HqError(
          409,
          'ENROLMENT_STORE_MISMATCH',
          `En «${store.trade_name}» ya hay otra caja registrada como ${request.terminalCode}. ` +
            'Cada caja de la tienda necesita su propio código de caja y sus propias series.',
        );
      }
      await trx
        .insertInto('terminals')
        .values({
          id: request.terminalId,
          store_id: store.id,
          code: request.terminalCode,
          name: request.terminalName,
          token_hash: hashToken(token),
          enrolled_at: now,
        })
        .execute();
    }
    return { terminalId: request.terminalId, storeId: store.id, storeName: store.trade_name, token };
  });
}
