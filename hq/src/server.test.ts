import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HqError } from './hq-context';
import { errorResponse } from './server';

describe('errorResponse', () => {
  it('keeps an HqError as it was thrown', () => {
    expect(errorResponse(new HqError(403, 'TERMINAL_REVOKED', 'Revocada.'))).toEqual({
      status: 403,
      body: { error: 'TERMINAL_REVOKED', message: 'Revocada.' },
    });
  });

  it('turns a ZodError thrown anywhere into a 400 worded in Spanish', () => {
    const result = z.object({ priceCents: z.number().int() }).safeParse({ priceCents: 'diez' });
    const { status, body } = errorResponse(result.error);
    expect(status).toBe(400);
    expect(body.error).toBe('BAD_REQUEST');
    expect(body.message).toMatch(/^Datos inválidos: priceCents: Entrada inválida/);
  });

  it("maps Fastify's own refusals", () => {
    expect(errorResponse({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).toMatchObject({
      status: 413,
      body: { error: 'BATCH_TOO_LARGE' },
    });
    expect(
      errorResponse({
        statusCode: 400,
        validation: [{ instancePath: '/after' }],
        validationContext: 'querystring',
      }),
    ).toEqual({
      status: 400,
      body: { error: 'BAD_REQUEST', message: 'Datos inválidos en: querystring/after.' },
    });
    expect(errorResponse({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).toMatchObject({
      status: 415,
      body: { error: 'BAD_REQUEST', message: expect.stringContaining('JSON') as unknown },
    });
  });

  it('hides anything else behind a generic 500', () => {
    const { status, body } = errorResponse(new Error('connection reset by peer at 10.0.0.5'));
    expect(status).toBe(500);
    expect(body.error).toBe('UNAVAILABLE');
    expect(body.message).not.toContain('10.0.0.5');
  });
});
