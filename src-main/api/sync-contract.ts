import { z } from 'zod';
import type { DeadLetterView, SyncStatusView } from '../sync/sync-views';
import { id, method, none } from './spec';

export type { DeadLetterView, SyncStatusView };

const hqUrl = z
  .string()
  .trim()
  .url()
  .max(300)
  .refine((value) => /^https?:\/\//.test(value), 'debe empezar con http:// o https://');

export const syncContract = {
  'sync.status': method<SyncStatusView>()({ input: none, permission: 'sync.run' }),
  /** "Sincronizar ahora": a push and a pull; answers when they finished (or failed). */
  'sync.now': method<SyncStatusView>()({ input: none, permission: 'sync.run' }),
  /** Enrols this terminal with a one-time code issued at headquarters. */
  'sync.enrol': method<SyncStatusView>()({
    input: z.object({ hqUrl, code: z.string().trim().min(6).max(40) }).strict(),
    permission: 'sync.manage',
  }),
  'sync.configure': method<SyncStatusView>()({
    input: z.object({ nightlyHour: z.number().int().min(0).max(23) }).strict(),
    permission: 'sync.manage',
  }),
  'sync.deadLetters': method<DeadLetterView[]>()({ input: none, permission: 'sync.view' }),
  /** Puts a refused record back in the queue (after headquarters was fixed). */
  'sync.retryDead': method<SyncStatusView>()({
    input: z.object({ id }).strict(),
    permission: 'sync.manage',
  }),
} as const;
