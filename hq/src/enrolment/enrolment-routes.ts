import { z } from 'zod';
import { enrolRequestSchema } from '../../../src-main/sync/protocol';
import { registerAdminScope } from '../auth/admin-auth';
import type { RouteRegistrar } from '../hq-context';
import { parseInput } from '../http/parse-input';
import { enrolTerminal } from './enrol-terminal';
import { enrolmentCodeInputSchema, issueEnrolmentCode } from './enrolment-codes';
import { createStore, listStores, revokeTerminal, storeInputSchema } from './stores';

const storeParams = z.object({ storeId: z.string().min(1) });
const terminalParams = z.object({ terminalId: z.string().min(1) });

/**
 * Stores, enrolment codes and terminals.
 * - POST /api/admin/stores {id?, ruc, legalName, tradeName, address} → 201 StoreView
 * - GET  /api/admin/stores → {stores: StoreView[]} (each with its terminals)
 * - POST /api/admin/stores/:storeId/enrolment-codes {terminalCode, terminalName, ttlHours?} → 201 IssuedEnrolmentCode
 * - POST /api/admin/terminals/:terminalId/revoke → TerminalView
 * - POST /v1/enrol EnrolRequest → EnrolResponse (the terminal, with its one-time code)
 */
export const registerEnrolmentRoutes: RouteRegistrar = (app, ctx) => {
  registerAdminScope(app, ctx, (admin) => {
    admin.post('/api/admin/stores', async (request, reply) => {
      const store = await createStore(ctx, parseInput(storeInputSchema, request.body));
      return reply.code(201).send(store);
    });
    admin.get('/api/admin/stores', async () => ({ stores: await listStores(ctx) }));
    admin.post('/api/admin/stores/:storeId/enrolment-codes', async (request, reply) => {
      const { storeId } = parseInput(storeParams, request.params);
      const issued = await issueEnrolmentCode(
        ctx,
        storeId,
        parseInput(enrolmentCodeInputSchema, request.body),
      );
      return reply.code(201).send(issued);
    });
    admin.post('/api/admin/terminals/:terminalId/revoke', async (request) => {
      const { terminalId } = parseInput(terminalParams, request.params);
      return revokeTerminal(ctx, terminalId);
    });
  });

  app.post('/v1/enrol', async (request) => enrolTerminal(ctx, parseInput(enrolRequestSchema, request.body)));
};
