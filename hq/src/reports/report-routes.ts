import type { RouteRegistrar } from '../hq-context';

/** /api/reports/* and /api/reconciliation (placeholder until reports land). */
export const registerReportRoutes: RouteRegistrar = () => undefined;
