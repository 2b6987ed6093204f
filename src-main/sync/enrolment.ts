import type { CoreContext } from '../core/context';
import { SyncError, type HqClient } from './hq-client';
import type { SyncStateStore } from './sync-state';

export interface EnrolmentInput {
  /** Headquarters' base URL, already normalised. */
  hqUrl: string;
  code: string;
}

export interface EnrolmentResult {
  hqUrl: string;
  storeName: string;
}

/**
 * Enrols this terminal with a one-time code: it tells HQ who it is (its own ids, the store's
 * id and RUC, its code and name) and keeps the credential HQ answers, sealed. Nothing is
 * written unless HQ said yes and its answer is about this very terminal and store.
 */
export async function enrolTerminal(
  ctx: Pick<CoreContext, 'sql' | 'qb' | 'terminal' | 'audit'>,
  state: SyncStateStore,
  client: HqClient,
  input: EnrolmentInput,
  userId: string,
): Promise<EnrolmentResult> {
  const identity = ctx.sql.first(
    ctx.qb
      .selectFrom('terminal')
      .innerJoin('store', 'store.id', 'terminal.store_id')
      .select(['terminal.id', 'terminal.code', 'terminal.name', 'store.id as storeId', 'store.ruc'])
      .where('terminal.id', '=', ctx.terminal.terminalId),
  );
  if (!identity)
    throw new SyncError('ENROLMENT_MISMATCH', 'Esta caja no tiene su identidad configurada.', 'local');

  const answer = await client.enrol({
    code: input.code.trim(),
    terminalId: identity.id,
    storeId: identity.storeId,
    ruc: identity.ruc,
    terminalCode: identity.code,
    terminalName: identity.name,
  });
  if (answer.terminalId !== identity.id || answer.storeId !== identity.storeId) {
    throw new SyncError(
      'ENROLMENT_MISMATCH',
      'La central respondió por otra caja u otra tienda; no se guardó la inscripción. Revise la dirección de la central.',
      'malformed',
    );
  }

  ctx.sql.transaction(() => {
    state.saveEnrolment({
      hqUrl: input.hqUrl,
      storeName: answer.storeName,
      bearer: `${identity.id}.${answer.token}`,
      userId,
    });
    // Never the token: the audit log is copied to headquarters and exported.
    ctx.audit.append({
      action: 'sync.enrolled',
      entityType: 'terminal',
      entityId: identity.id,
      userId,
      data: {
        hqUrl: input.hqUrl,
        storeId: answer.storeId,
        storeName: answer.storeName,
        terminalCode: identity.code,
      },
    });
  });
  return { hqUrl: input.hqUrl, storeName: answer.storeName };
}
