import { z } from 'zod';
import type { ChainBreak, ChainBreakReason, ChainVerdict } from '../audit/audit-chain';
import type { AuditEntryView, AuditPage } from '../audit/audit-query';
import type { Role } from '../users/roles';
import { id, method, none } from './spec';

export type { AuditEntryView, AuditPage, ChainBreak, ChainBreakReason, ChainVerdict };

/** Someone who appears (or may appear) in the log, for the screen's user filter. */
export interface AuditUserOption {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
}

export interface AuditExportFile {
  fileName: string;
  /** CSV text, starting with a byte order mark: save it as UTF-8 as it is. */
  csv: string;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use el formato AAAA-MM-DD');
const filterFields = {
  userId: id.optional(),
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z0-9_.]*$/i, 'use letras, dígitos, punto o guion bajo')
    .optional(),
  /** `action` is a whole action name, not a prefix. */
  actionExact: z.boolean().optional(),
  from: date.optional(),
  to: date.optional(),
};

/** The audit trail: read it, filter it, export it and prove nobody rewrote it. */
export const auditContract = {
  /** Newest first; `nextBeforeSeq` of one page asks for the next (older) one. */
  'audit.list': method<AuditPage>()({
    input: z
      .object({
        ...filterFields,
        limit: z.number().int().min(1).max(200).optional(),
        beforeSeq: z.number().int().min(1).optional(),
      })
      .strict(),
    permission: 'audit.view',
  }),
  /** Recomputes the whole hash chain; the check itself is recorded as `audit.verified`. */
  'audit.verify': method<ChainVerdict>()({ input: none, permission: 'audit.view' }),
  /** Every entry matching the filter as a CSV for Excel. */
  'audit.export': method<AuditExportFile>()({
    input: z.object(filterFields).strict(),
    permission: 'audit.view',
  }),
  /** The action names the log holds, for the filter. */
  'audit.actions': method<string[]>()({ input: none, permission: 'audit.view' }),
  /** Every user, deactivated ones too (their past entries stay in the log). */
  'audit.users': method<AuditUserOption[]>()({ input: none, permission: 'audit.view' }),
} as const;
