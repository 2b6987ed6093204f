import type { RouteRegistrar } from '../hq-context';

/** GET / : headquarters' page (placeholder until the dashboard lands). */
export const registerDashboardRoutes: RouteRegistrar = () => undefined;
