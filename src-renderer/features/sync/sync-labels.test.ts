import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../src-main/sync/sync-views';
import {
  clockSkewText,
  durationText,
  enrolProblem,
  hourText,
  nextAttemptText,
  nightlyText,
  pendingText,
  relativeTime,
  shownState,
  stateWords,
  statusFacts,
  syncNowOutcome,
  timeWithRelative,
  toneBoxClass,
  tooltipText,
  topicLabel,
} from './sync-labels';

const NOW = Date.parse('2026-11-23T10:15:00-05:00');

function status(patch: Partial<SyncStatusView> = {}): SyncStatusView {
  return {
    state: 'online',
    enrolled: true,
    hqUrl: 'https://central.example.pe',
    storeName: 'Minimarket La Esquina',
    running: false,
    pendingCount: 0,
    deadCount: 0,
    lastSuccessAt: '2026-11-23T10:12:00-05:00',
    lastAttemptAt: '2026-11-23T10:12:00-05:00',
    lastError: null,
    nextAttemptAt: null,
    pullCursor: 42,
    nightlyHour: 2,
    lastNightlyRunOn: null,
    clockSkewMs: null,
    ...patch,
  };
}

describe('state words', () => {
  it('gives every state its chip, headline and colour', () => {
    expect(stateWords('online')).toMatchObject({ tone: 'ok', chip: 'Central: en línea' });
    expect(stateWords('offline')).toMatchObject({ tone: 'warn', chip: 'Sin conexión' });
    expect(stateWords('syncing')).toMatchObject({ tone: 'info', chip: 'Sincronizando…' });
    expect(stateWords('error')).toMatchObject({ tone: 'bad', chip: 'Error' });
    expect(stateWords('not_enrolled')).toMatchObject({ tone: 'off', chip: 'Sin inscribir' });
    expect(toneBoxClass('off')).toBe('sync-box-off');
    expect(toneBoxClass('warn')).toBe('tone-warn');
  });

  it('reads as syncing while "Sincronizar ahora" runs here, unless the terminal is not enrolled', () => {
    expect(shownState({ state: 'offline' }, true)).toBe('syncing');
    expect(shownState({ state: 'offline' }, false)).toBe('offline');
    expect(shownState({ state: 'not_enrolled' }, true)).toBe('not_enrolled');
  });

  it('counts pending records in Spanish, grouped like amounts', () => {
    expect(pendingText(0)).toBe('0 pendientes');
    expect(pendingText(1)).toBe('1 pendiente');
    expect(pendingText(12)).toBe('12 pendientes');
    expect(pendingText(50_000)).toBe('50,000 pendientes');
  });

  it('names every synced topic in words, whatever its version', () => {
    expect(topicLabel('sale.completed.v2')).toBe('Venta');
    expect(topicLabel('sale.completed.v1')).toBe('Venta');
    expect(topicLabel('note.issued.v2')).toBe('Nota de crédito o débito');
    expect(topicLabel('sale.voided.v2')).toBe('Anulación');
    expect(topicLabel('fiscal.status.v1')).toBe('Estado SUNAT');
    expect(topicLabel('stock.movement.v1')).toBe('Movimiento de stock');
    expect(topicLabel('cash_session.opened.v1')).toBe('Apertura de caja');
    expect(topicLabel('cash_movement.recorded.v1')).toBe('Movimiento de caja');
    expect(topicLabel('cash_session.closed.v1')).toBe('Cierre de caja');
    expect(topicLabel('audit.entry.v1')).toBe('Auditoría');
    expect(topicLabel('algo.nuevo.v9')).toBe('algo.nuevo.v9');
  });

  it('words the nightly hour', () => {
    expect(hourText(2)).toBe('02:00');
    expect(hourText(23)).toBe('23:00');
    expect(nightlyText(2)).toBe('Sincronización nocturna a las 02:00');
  });
});

describe('times', () => {
  it('says how long ago or how soon, and the date itself beyond a day', () => {
    expect(relativeTime('2026-11-23T10:14:30-05:00', NOW)).toBe('hace un momento');
    expect(relativeTime('2026-11-23T10:12:00-05:00', NOW)).toBe('hace 3 min');
    // Any offset: 15:12 UTC is 10:12 in Lima.
    expect(relativeTime('2026-11-23T15:12:00Z', NOW)).toBe('hace 3 min');
    expect(relativeTime('2026-11-23T08:15:00-05:00', NOW)).toBe('hace 2 h');
    expect(relativeTime('2026-11-23T08:45:00-05:00', NOW)).toBe('hace 1 h 30 min');
    expect(relativeTime('2026-11-23T10:17:00-05:00', NOW)).toBe('en 2 min');
    expect(relativeTime('2026-11-23T10:15:20-05:00', NOW)).toBe('en unos segundos');
    expect(relativeTime('2026-11-20T09:00:00-05:00', NOW)).toBe('el 20/11/2026 09:00');
    expect(relativeTime('ayer', NOW)).toBe('ayer');
    expect(timeWithRelative('2026-11-23T10:12:00-05:00', NOW)).toBe('23/11/2026 10:12 (hace 3 min)');
    expect(timeWithRelative('2026-11-20T09:00:00-05:00', NOW)).toBe('20/11/2026 09:00');
  });

  it('never puts the next attempt in the past', () => {
    expect(nextAttemptText('2026-11-23T10:14:00-05:00', NOW)).toBe('en unos segundos');
    expect(nextAttemptText('2026-11-23T10:20:00-05:00', NOW)).toBe('en 5 min');
  });

  it('warns about a clock headquarters flagged, and which way it is off', () => {
    expect(clockSkewText(null)).toBeNull();
    expect(clockSkewText(7 * 60_000)).toBe('El reloj de esta caja está desfasado 7 min (va atrasado).');
    expect(clockSkewText(-3 * 60_000 - 20_000)).toBe(
      'El reloj de esta caja está desfasado 3 min (va adelantado).',
    );
    expect(clockSkewText(5 * 3_600_000)).toBe('El reloj de esta caja está desfasado 5 h (va atrasado).');
    expect(durationText(10_000)).toBe('1 min');
  });
});

describe('status facts', () => {
  it('lists last success, last error and next attempt', () => {
    expect(statusFacts(status(), NOW)).toEqual([
      { label: 'Última sincronización', value: '23/11/2026 10:12 (hace 3 min)' },
    ]);
    expect(
      statusFacts(
        status({
          state: 'offline',
          lastError: {
            code: 'NETWORK',
            message: 'No se pudo conectar con la central.',
            at: '2026-11-23T10:14:00-05:00',
          },
          nextAttemptAt: '2026-11-23T10:17:00-05:00',
        }),
        NOW,
      ),
    ).toEqual([
      { label: 'Última sincronización', value: '23/11/2026 10:12 (hace 3 min)' },
      { label: 'Último error', value: 'No se pudo conectar con la central. (NETWORK)' },
      { label: 'Error registrado', value: '23/11/2026 10:14 (hace 1 min)' },
      { label: 'Próximo intento', value: '23/11/2026 10:17 (en 2 min)' },
    ]);
    expect(statusFacts(status({ enrolled: false, state: 'not_enrolled', lastSuccessAt: null }), NOW)).toEqual(
      [{ label: 'Última sincronización', value: 'Nunca: la caja no está inscrita' }],
    );
    expect(statusFacts(status({ lastSuccessAt: null }), NOW)[0]?.value).toBe('Ninguna todavía');
  });

  it('puts it all in the chip tooltip, the clock warning last', () => {
    expect(tooltipText(status({ pendingCount: 12, deadCount: 1, clockSkewMs: 300_000 }), 'online', NOW)).toBe(
      [
        'En línea con la central (Minimarket La Esquina)',
        'Envíos: 12 pendientes',
        '1 rechazado por la central',
        'Última sincronización: 23/11/2026 10:12 (hace 3 min)',
        'El reloj de esta caja está desfasado 5 min (va atrasado).',
      ].join('\n'),
    );
  });
});

describe('"Sincronizar ahora"', () => {
  it('tells what it achieved from the status the core answered', () => {
    expect(syncNowOutcome(status())).toEqual({ kind: 'info', text: 'Sincronizado: nada pendiente.' });
    expect(syncNowOutcome(status({ pendingCount: 3, deadCount: 2 }))).toEqual({
      kind: 'info',
      text: 'Sincronizado: quedan 3 pendientes. 2 rechazados por la central.',
    });
    expect(
      syncNowOutcome(
        status({
          state: 'offline',
          lastError: { code: 'NETWORK', message: 'No se pudo conectar con la central.', at: '' },
        }),
      ),
    ).toEqual({ kind: 'error', text: 'No se pudo sincronizar: No se pudo conectar con la central.' });
    expect(syncNowOutcome(status({ state: 'not_enrolled', enrolled: false })).kind).toBe('error');
  });

  it('checks the enrolment form before asking the core', () => {
    expect(enrolProblem('', 'ABC123')).toMatch(/dirección de la central/);
    expect(enrolProblem('central.example.pe', 'ABC123')).toMatch(/http:\/\/ o https:\/\//);
    expect(enrolProblem('https://central.example.pe', '  ')).toMatch(/código de inscripción/);
    expect(enrolProblem(' https://central.example.pe ', 'ABC123')).toBeNull();
  });
});
