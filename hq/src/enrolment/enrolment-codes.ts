import { z } from 'zod';
import type { HqContext } from '../hq-context';
import { hashEnrolmentCode, newEnrolmentCode } from '../auth/tokens';
import { requireStore } from './stores';

export const DEFAULT_CODE_TTL_HOURS = 72;

export const enrolmentCodeInputSchema = z
  .object({
    terminalCode: z.string().trim().min(1).max(40),
    terminalName: z.string().trim().min(1).max(80),
    ttlHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(DEFAULT_CODE_TTL_HOURS),
  })
  .strict();
export type EnrolmentCodeInput = z.input<typeof enrolmentCodeInputSchema>;

export interface IssuedEnrolmentCode {
  /** Shown once to the administrator; HQ keeps only its hash. */
  code: string;
  expiresAt: string;
  storeId: string;
  terminalCode: string;
  terminalName: string;
}

/** A one-time code that lets one terminal join the store until it expires. */
export async function issueEnrolmentCode(
  ctx: HqContext,
  storeId: string,
  input: z.output<typeof enrolmentCodeInputSchema>,
): Promise<IssuedEnrolmentCode> {
  await requireStore(ctx, storeId);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000);
  // A collision among 31^12 codes is practically impossible; retry rather than reason about it.
  for (;;) {
    const code = newEnrolmentCode();
    const inserted = await ctx.db
      .insertInto('enrolment_codes')
      .values({
        code_hash: hashEnrolmentCode(code),
        store_id: storeId,
        terminal_code: input.terminalCode,
        terminal_name: input.terminalName,
        created_at: now,
        expires_at: expiresAt,
      })
      .onConflict((oc) => oc.column('code_hash').doNothing())
      .returning('code_hash')
      .executeTakeFirst();
    if (inserted) {
      return {
        code,
        expiresAt: expiresAt.toISOString(),
        storeId,
        terminalCode: input.terminalCode,
        terminalName: input.terminalName,
      };
    }
  }
}
