import type { FastifyRequest } from 'fastify';
import { HqError, type HqContext, type TerminalPrincipal } from '../hq-context';

/**
 * Checks the terminal's credential (`Authorization: Bearer <terminalId>.<token>`) and its
 * version headers, records what it reported, and answers who it is. Throws HqError.
 * (Placeholder until the auth module lands.)
 */
export function requireTerminal(_ctx: HqContext, _request: FastifyRequest): Promise<TerminalPrincipal> {
  return Promise.reject(new HqError(401, 'UNAUTHENTICATED', 'Terminal no identificado.'));
}
