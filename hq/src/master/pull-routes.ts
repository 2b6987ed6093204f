import { z } from 'zod';
import { MAX_PULL_LIMIT, type PullResponse } from '../../../src-main/sync/protocol';
import { requireTerminal } from '../auth/terminal-auth';
import type { RouteRegistrar } from '../hq-context';
import { parseInput } from '../http/parse-input';
import { DEFAULT_PULL_LIMIT, readMasterChangesJson } from './pull';

const pullQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  // Asking for more than the maximum is not an error: the terminal simply gets a full page.
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PULL_LIMIT)
    .transform((n) => Math.min(n, MAX_PULL_LIMIT)),
});

/** GET /v1/changes?after=<changeNo>&limit=<n> → PullResponse (terminal credential). */
export const registerPullRoutes: RouteRegistrar = (app, ctx) => {
  app.get('/v1/changes', async (request, reply) => {
    const terminal = await requireTerminal(ctx, request);
    const { after, limit } = parseInput(pullQuery, request.query);
    const page = await readMasterChangesJson(ctx.db, { storeId: terminal.storeId, after, limit });
    const now = ctx.now();
    await ctx.db
      .updateTable('terminals')
      .set({ last_pull_at: now })
      .where('id', '=', terminal.terminalId)
      .execute();
    // The changes are already JSON (built by the database); the rest is spliced around them.
    const head: Omit<PullResponse, 'changes'> = {
      cursor: page.cursor,
      hasMore: page.hasMore,
      serverTime: now.toISOString(),
    };
    const body = `{"changes":${page.changesJson},${JSON.stringify(head).slice(1)}`;
    return reply.type('application/json; charset=utf-8').send(body);
  });
};
