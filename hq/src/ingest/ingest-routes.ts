import type { RouteRegistrar } from '../hq-context';

/** POST /v1/push (placeholder until ingest lands). */
export const registerIngestRoutes: RouteRegistrar = () => undefined;
