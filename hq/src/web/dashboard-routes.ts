import type { RouteRegistrar } from '../hq-context';
import { DASHBOARD_CSP, DASHBOARD_HTML } from './dashboard-page';

/**
 * GET / : headquarters' page. Served without the admin token (it holds no data); the page asks
 * for the token and sends it with every /api call.
 */
export const registerDashboardRoutes: RouteRegistrar = (app) => {
  app.get('/', (_request, reply) =>
    reply
      .header('content-security-policy', DASHBOARD_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(DASHBOARD_HTML),
  );
};
