import { z } from 'zod';
import { HqError } from '../hq-context';

const spanish = z.locales.es();
const MAX_ISSUES_SHOWN = 5;

/** Validates what a client sent; a refusal is a 400 whose message (Spanish) names each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: spanish.localeError });
  if (!result.success) throw new HqError(400, 'BAD_REQUEST', describeZodError(result.error));
  return result.data;
}

/**
 * One line for a person: `Datos inválidos: 0.priceCents: …; sku: …`. Issues parsed without the
 * Spanish map (a ZodError thrown elsewhere) are re-worded in Spanish unless they carry their own text.
 */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const message = isDefaultEnglish(issue.message)
      ? (spanish.localeError(issue as Parameters<typeof spanish.localeError>[0]) ?? issue.message)
      : issue.message;
    const text = typeof message === 'string' ? message : message.message;
    return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${text}` : text;
  });
  const more =
    error.issues.length > MAX_ISSUES_SHOWN ? ` (y ${error.issues.length - MAX_ISSUES_SHOWN} más)` : '';
  return `Datos inválidos: ${parts.join('; ')}${more}.`;
}

// zod's own English wording starts with one of these; a schema's custom text does not.
const ENGLISH_DEFAULTS = /^(Invalid|Unrecognized|Too (small|big)|Expected)/;

function isDefaultEnglish(message: string): boolean {
  return ENGLISH_DEFAULTS.test(message);
}
