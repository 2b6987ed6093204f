import { z } from 'zod';
import { limaDate } from '../../../src-main/shared/lima-time';
import { HqError } from '../hq-context';

/**
 * Query strings and bodies of the report routes, validated with zod. Every refusal is an
 * HqError 400 'BAD_REQUEST' with a Spanish message naming the field, because the person who
 * reads it is the administrator in front of the dashboard.
 */

/** A closed range of Lima business days (`issue_date`), both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

export const DEFAULT_RANGE_DAYS = 7;
/** A year and a day: enough for any annual comparison, small enough to keep one query cheap. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_TOP_LIMIT = 10;
export const MAX_TOP_LIMIT = 100;
export const DEFAULT_STOCK_LIMIT = 500;
export const MAX_STOCK_LIMIT = 5_000;
export const DEFAULT_STALE_MINUTES = 60;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** `YYYY-MM-DD` moved by whole days (UTC arithmetic: a calendar date has no time zone). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last `DEFAULT_RANGE_DAYS` Lima days, today included. */
export function defaultRange(now: Date): DateRange {
  const to = limaDate(now);
  return { from: addDays(to, -(DEFAULT_RANGE_DAYS - 1)), to };
}

/** Fills a missing end from the other one (or from today in Lima) and checks the range. */
export function resolveRange(now: Date, from: string | undefined, to: string | undefined): DateRange {
  const end = to ?? (from === undefined ? limaDate(now) : maxDate(from, limaDate(now)));
  const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > end) throw badRequest('La fecha «desde» no puede ser posterior a la fecha «hasta».');
  if (daysBetween(start, end) + 1 > MAX_RANGE_DAYS) {
    throw badRequest(`El rango de fechas no puede pasar de ${MAX_RANGE_DAYS} días.`);
  }
  return { from: start, to: end };
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function badRequest(message: string): HqError {
  return new HqError(400, 'BAD_REQUEST', message);
}

// One Spanish message per field: zod's own (English) messages never reach a person.
const dateField = z.string().refine(isCalendarDate).optional();

const storeIdField = z.string().trim().min(1).max(64).optional();

const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  from: 'La fecha «desde» debe ser un día válido con la forma AAAA-MM-DD.',
  to: 'La fecha «hasta» debe ser un día válido con la forma AAAA-MM-DD.',
  storeId: 'La tienda indicada no es válida.',
  limit: `El límite debe ser un número entero entre 1 y ${MAX_TOP_LIMIT}.`,
  staleMinutes: 'Los minutos de atraso deben ser un número entero entre 1 y 10080.',
  status: 'El estado debe ser «open» (abiertas) o «resolved» (resueltas).',
  id: 'El identificador no es válido.',
  resolvedBy: 'Indique quién resuelve (de 1 a 80 caracteres).',
  resolution: 'Describa la resolución (de 1 a 500 caracteres).',
};

/** Parses with a schema or throws HqError 400 with the Spanish message of the first bad field. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, whole: string): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path[0];
  const message = typeof field === 'string' ? FIELD_MESSAGES[field] : undefined;
  throw badRequest(message ?? whole);
}

const QUERY_MESSAGE = 'Los parámetros de la consulta no son válidos.';

export const rangeQuerySchema = z.object({
  from: dateField,
  to: dateField,
  storeId: storeIdField,
});

export const topProductsQuerySchema = rangeQuerySchema.extend({
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_TOP_LIMIT))
    .optional(),
});

export const stockQuerySchema = z.object({
  storeId: storeIdField,
  limit: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_STOCK_LIMIT))
    .optional(),
});

export const terminalsQuerySchema = z.object({
  staleMinutes: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(10_080))
    .optional(),
});

export const reconciliationQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  storeId: storeIdField,
});

export const reconciliationParamsSchema = z.object({
  id: z.string().min(1).max(64),
});

export const resolveBodySchema = z.object({
  resolvedBy: z.string().trim().min(1).max(80),
  resolution: z.string().trim().min(1).max(500),
});

export type RangeQuery = z.infer<typeof rangeQuerySchema>;
export type TopProductsQuery = z.infer<typeof topProductsQuerySchema>;
export type StockQuery = z.infer<typeof stockQuerySchema>;
export type TerminalsQuery = z.infer<typeof terminalsQuerySchema>;
export type ReconciliationQuery = z.infer<typeof reconciliationQuerySchema>;
export type ResolveBody = z.infer<typeof resolveBodySchema>;

export const MESSAGES = {
  query: QUERY_MESSAGE,
  body: 'El cuerpo de la solicitud debe ser un objeto JSON con «resolvedBy» y «resolution».',
} as const;
