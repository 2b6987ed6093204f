import { describe, expect, it } from 'vitest';
import { describeSender, formatDay, formatTimestamp } from './fiscal-labels';

describe('fiscal labels', () => {
  it('shows instants in Lima time whatever offset they carry', () => {
    expect(formatTimestamp('2026-11-23T21:05:09-05:00')).toBe('23/11/2026 21:05');
    // A certificate's UTC instant: 03:00 UTC is still the previous evening in Lima.
    expect(formatTimestamp('2026-11-24T03:00:00.000Z')).toBe('23/11/2026 22:00');
    expect(formatTimestamp('no es fecha')).toBe('no es fecha');
    expect(formatDay('2026-01-05')).toBe('05/01/2026');
  });

  it('words an offline sender with when it failed, why, and when it tries again', () => {
    const summary = describeSender({
      state: 'offline',
      lastSuccessAt: '2026-11-23T09:00:00-05:00',
      lastError: { message: 'connect ECONNREFUSED', code: null, at: '2026-11-23T10:15:00-05:00' },
      retryAt: '2026-11-23T10:16:30-05:00',
      offlineSince: '2026-11-23T09:40:00-05:00',
    });
    expect(summary.tone).toBe('bad');
    expect(summary.headline).toBe('Sin conexión con SUNAT');
    expect(summary.details).toEqual([
      { label: 'Sin conexión desde', value: '23/11/2026 09:40' },
      { label: 'Último intento fallido', value: '23/11/2026 10:15' },
      { label: 'Motivo', value: 'connect ECONNREFUSED' },
      { label: 'Próximo reintento', value: '23/11/2026 10:16' },
      { label: 'Último envío correcto', value: '23/11/2026 09:00' },
    ]);
  });

  it('says when nothing was sent yet, and flags an idle sender that hit an error', () => {
    expect(
      describeSender({
        state: 'idle',
        lastSuccessAt: null,
        lastError: null,
        retryAt: null,
        offlineSince: null,
      }),
    ).toEqual({
      tone: 'ok',
      headline: 'En línea con SUNAT',
      details: [{ label: 'Último envío correcto', value: 'Ninguno desde que se inició Mostrador' }],
    });
    const failed = describeSender({
      state: 'idle',
      lastSuccessAt: null,
      lastError: { message: 'Falló', code: '0109', at: '2026-11-23T10:15:00-05:00' },
      retryAt: null,
      offlineSince: null,
    });
    expect(failed.tone).toBe('warn');
    expect(failed.details[1]).toEqual({ label: 'Motivo', value: 'Falló (0109)' });
  });
});
