import { pushRequestSchema, type PushResponse } from '../../../src-main/sync/protocol';
import { requireTerminal } from '../auth/terminal-auth';
import { HqError, type RouteRegistrar } from '../hq-context';
import { parseInput } from '../http/parse-input';
import { applyPushBatch } from './apply-push-batch';

/** POST /v1/push: a terminal's batch of outbox records, answered with one ack per record. */
export const registerIngestRoutes: RouteRegistrar = (app, ctx) => {
  // The body limit is the server's (HQ_BODY_LIMIT_BYTES, well above MAX_BATCH_BYTES).
  app.post('/v1/push', async (request, reply): Promise<PushResponse> => {
    const principal = await requireTerminal(ctx, request);
    // The envelope only: each record's payload is checked by its topic's schema, record by record.
    const batch = parseInput(pushRequestSchema, request.body);
    if (batch.terminalId !== principal.terminalId)
      throw new HqError(403, 'FORBIDDEN', 'El lote pertenece a otra caja.');
    try {
      const response = await applyPushBatch(ctx, principal, batch);
      reply.code(200);
      return response;
    } catch (error) {
      if (error instanceof HqError) throw error;
      // Nothing was committed (or only whole records, idempotently): the terminal sends the batch again.
      const unavailable = new HqError(
        503,
        'UNAVAILABLE',
        'La central no pudo guardar el lote ahora; la caja lo reintentará.',
      );
      unavailable.cause = error;
      throw unavailable;
    }
  });
};
