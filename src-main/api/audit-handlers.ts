import type { Handlers } from './handlers';

type AuditMethod = Extract<keyof Handlers, `audit.${string}`>;

export const auditHandlers: Pick<Handlers, AuditMethod> = {};
