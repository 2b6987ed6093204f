import type { FastifyRequest } from 'fastify';
import { requireAdmin } from '../auth/admin-auth';
import type { RouteRegistrar } from '../hq-context';
import {
  MESSAGES,
  parseOr400,
  reconciliationParamsSchema,
  reconciliationQuerySchema,
  rangeQuerySchema,
  resolveBodySchema,
  resolveRange,
  stockQuerySchema,
  terminalsQuerySchema,
  topProductsQuerySchema,
} from './report-params';
import {
  paymentsByMethod,
  salesByDay,
  stockLevels,
  terminalStatuses,
  topProducts,
  type PaymentsReport,
  type SalesByDayReport,
  type StockReport,
  type TerminalsReport,
  type TopProductsReport,
} from './report-queries';
import {
  listReconciliationItems,
  resolveReconciliation,
  type ReconciliationItem,
  type ReconciliationList,
} from './reconciliation';

/**
 * /api/reports/* and /api/reconciliation: headquarters' read API and the settling of stock
 * differences. Every route needs the admin token, checked before the body is even parsed.
 */
export const registerReportRoutes: RouteRegistrar = (app, ctx) => {
  const admin = {
    onRequest: async (request: FastifyRequest): Promise<void> => requireAdmin(ctx, request),
  };

  app.get('/api/reports/sales-by-day', admin, async (request): Promise<SalesByDayReport> => {
    const query = parseOr400(rangeQuerySchema, request.query, MESSAGES.query);
    const range = resolveRange(ctx.now(), query.from, query.to);
    return salesByDay(ctx, { ...range, storeId: query.storeId });
  });

  app.get('/api/reports/payments', admin, async (request): Promise<PaymentsReport> => {
    const query = parseOr400(rangeQuerySchema, request.query, MESSAGES.query);
    const range = resolveRange(ctx.now(), query.from, query.to);
    return paymentsByMethod(ctx, { ...range, storeId: query.storeId });
  });

  app.get('/api/reports/top-products', admin, async (request): Promise<TopProductsReport> => {
    const query = parseOr400(topProductsQuerySchema, request.query, MESSAGES.query);
    const range = resolveRange(ctx.now(), query.from, query.to);
    return topProducts(ctx, { ...range, storeId: query.storeId, limit: query.limit });
  });

  app.get('/api/reports/stock', admin, async (request): Promise<StockReport> => {
    const query = parseOr400(stockQuerySchema, request.query, MESSAGES.query);
    return stockLevels(ctx, { storeId: query.storeId, limit: query.limit });
  });

  app.get('/api/reports/terminals', admin, async (request): Promise<TerminalsReport> => {
    const query = parseOr400(terminalsQuerySchema, request.query, MESSAGES.query);
    return terminalStatuses(ctx, { staleMinutes: query.staleMinutes });
  });

  app.get('/api/reconciliation', admin, async (request): Promise<ReconciliationList> => {
    const query = parseOr400(reconciliationQuerySchema, request.query, MESSAGES.query);
    return listReconciliationItems(ctx, { status: query.status, storeId: query.storeId });
  });

  app.post('/api/reconciliation/:id/resolve', admin, async (request): Promise<ReconciliationItem> => {
    const { id } = parseOr400(reconciliationParamsSchema, request.params, MESSAGES.query);
    const body = parseOr400(resolveBodySchema, request.body, MESSAGES.body);
    return resolveReconciliation(ctx, id, body);
  });
};
