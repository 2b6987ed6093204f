import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HqError, type HqContext } from '../hq-context';
import { hashToken, tokenMatchesHash } from './tokens';

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Headquarters' administrators carry `Authorization: Bearer <adminToken>`; anything else is
 * refused with 401. Synchronous: callers may `await` it or not.
 */
export function requireAdmin(ctx: HqContext, request: FastifyRequest): void {
  const token = bearerToken(request);
  if (token === null || !tokenMatchesHash(token, hashToken(ctx.adminToken))) {
    throw new HqError(401, 'UNAUTHENTICATED', 'Se requiere el token de administrador de la central.');
  }
}

/** Registers routes in a scope where every request must carry the admin token. */
export function registerAdminScope(
  app: FastifyInstance,
  ctx: HqContext,
  routes: (scope: FastifyInstance) => void,
): void {
  app.register((scope, _options, done) => {
    scope.addHook('onRequest', (request, _reply, next) => {
      try {
        requireAdmin(ctx, request);
        next();
      } catch (error) {
        next(error as Error);
      }
    });
    routes(scope);
    done();
  });
}
