import type { ApiInput } from '../../../src-main/api/contract';
import type { AuditFilterDraft } from './audit-store';

/** The filter as the core takes it: empty fields left out; `=name` asks for that action exactly. */
export function filterInput(filter: AuditFilterDraft): ApiInput<'audit.export'> {
  const exact = filter.action.startsWith('=');
  const action = exact ? filter.action.slice(1) : filter.action;
  return {
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(action ? { action, ...(exact ? { actionExact: true } : {}) } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}
