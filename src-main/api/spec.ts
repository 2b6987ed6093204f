/** Building blocks of the API contract, shared by its domain parts. */
import { z } from 'zod';
import type { Permission } from '../users/roles';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  permission: Permission | 'authenticated' | null;
  /**
   * Someone without the permission may still do it when a supervisor approves on the spot:
   * the input then carries `approval` and the dispatcher checks it.
   */
  approvable?: boolean;
  /** Issues a signed fiscal document: waits until SUNAT's validation has loaded. */
  issuesFiscalDocument?: boolean;
  /** Phantom: carries the output type to callers. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, 'output'>): MethodSpec<I, O> => spec;
}

export const none = z.object({}).strict();
export const id = z.string().min(1).max(64);
export const cents = z.number().int().min(0).max(10_000_000_000);
export const approval = z
  .object({ username: z.string().min(1).max(40), pin: z.string().min(1).max(12) })
  .strict();
