import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ZodError } from 'zod';
import type { SyncErrorBody } from '../../src-main/sync/protocol';
import { HQ_SCHEMA_VERSION } from './db/migrate';
import { registerEnrolmentRoutes } from './enrolment/enrolment-routes';
import { HqError, type HqContext } from './hq-context';
import { describeZodError } from './http/parse-input';
import { registerIngestRoutes } from './ingest/ingest-routes';
import { registerMasterRoutes } from './master/master-routes';
import { registerPullRoutes } from './master/pull-routes';
import { registerReportRoutes } from './reports/report-routes';
import { registerDashboardRoutes } from './web/dashboard-routes';

/** Largest request body: a push batch (≤ MAX_BATCH_BYTES) with room, or a bulk catalogue page. */
export const HQ_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface HqServerOptions {
  /** Fastify's request log (off by default: a busy store pushes all day). */
  logRequests?: boolean;
  /** Where unexpected errors go (console.error by default); their details never reach the client. */
  reportError?: (error: unknown) => void;
}

/** Headquarters' HTTP server: every area's routes, one error shape (SyncErrorBody), nothing listening yet. */
export function buildHqServer(ctx: HqContext, options: HqServerOptions = {}): FastifyInstance {
  const app = Fastify({
    bodyLimit: HQ_BODY_LIMIT_BYTES,
    logger: options.logRequests === true,
  });
  const reportError =
    options.reportError ??
    ((error: unknown) => {
      if (options.logRequests === true) app.log.error(error);
      else console.error('[hq] error inesperado:', error);
    });

  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) reportError(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'BAD_REQUEST',
      message: `La central no tiene la ruta ${request.method} ${request.url.split('?')[0]}.`,
    } satisfies SyncErrorBody),
  );

  app.get('/health', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(ctx.db);
    } catch (error) {
      reportError(error);
      return reply.code(503).send({
        error: 'UNAVAILABLE',
        message: 'La base de datos de la central no responde.',
      } satisfies SyncErrorBody);
    }
    return {
      ok: true,
      engine: ctx.engine,
      schemaVersion: HQ_SCHEMA_VERSION,
      serverTime: ctx.now().toISOString(),
    };
  });

  registerEnrolmentRoutes(app, ctx);
  registerMasterRoutes(app, ctx);
  registerPullRoutes(app, ctx);
  registerIngestRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  return app;
}

interface FrameworkError {
  code?: unknown;
  statusCode?: unknown;
  /** Set by Fastify's own schema validation (a route declaring a JSON schema). */
  validation?: Array<{ instancePath?: string }>;
  validationContext?: string;
}

/** Every failure as a status and a SyncErrorBody whose message a person can read (Spanish). */
export function errorResponse(error: unknown): { status: number; body: SyncErrorBody } {
  if (error instanceof HqError) {
    return { status: error.status, body: { error: error.code, message: error.message } };
  }
  if (error instanceof ZodError) {
    return { status: 400, body: { error: 'BAD_REQUEST', message: describeZodError(error) } };
  }

  const { code, statusCode, validation, validationContext } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as FrameworkError;
  if (Array.isArray(validation)) {
    const fields = validation.map((v) => `${validationContext ?? 'body'}${v.instancePath ?? ''}`).slice(0, 5);
    return {
      status: 400,
      body: { error: 'BAD_REQUEST', message: `Datos inválidos en: ${fields.join(', ')}.` },
    };
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    return {
      status: 413,
      body: {
        error: 'BATCH_TOO_LARGE',
        message: `El envío supera el máximo que acepta la central (${HQ_BODY_LIMIT_BYTES / 1024 / 1024} MB). Envíe lotes más pequeños.`,
      },
    };
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { error: 'BAD_REQUEST', message: frameworkMessage(code) } };
  }
  return {
    status: 500,
    body: { error: 'UNAVAILABLE', message: 'Error interno de la central. Intente de nuevo en unos minutos.' },
  };
}

function frameworkMessage(code: unknown): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'El cuerpo de la solicitud no es un JSON válido.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'La solicitud dice traer JSON pero llegó vacía.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Tipo de contenido no admitido: la central espera JSON.';
    default:
      return 'Solicitud no válida.';
  }
}
