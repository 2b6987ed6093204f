import { describe, expect, it } from 'vitest';
import { filterInput } from './audit-filter';
import { actionGroups, actionLabel, describeBreak, formatAuditTime, summarizeData } from './audit-format';

describe('summarizeData', () => {
  it('shows what changed between before and after, amounts in soles', () => {
    expect(
      summarizeData({
        before: { name: 'Ana', phone: '999', creditCents: 1000 },
        after: { name: 'Ana', phone: '988', creditCents: 2550 },
      }),
    ).toBe('phone: 999 → 988 · creditCents: S/ 10.00 → S/ 25.50');
    expect(summarizeData({ before: 37_500, after: 37_600 })).toBe('37500 → 37600');
    expect(summarizeData({ before: null, after: { name: 'Ana' } })).toBe('nuevo: name: Ana');
    expect(summarizeData({ before: { a: 1 }, after: { a: 1 }, bps: 500 })).toBe('sin cambios · bps: 500');
  });

  it('lists the facts of an event, and cuts what is too long', () => {
    expect(
      summarizeData({
        number: 'B001-00000001',
        totalCents: 650,
        payments: [{ method: 'cash', amountCents: 650 }],
      }),
    ).toBe('number: B001-00000001 · totalCents: S/ 6.50 · payments: [{"method":"cash","amountCents":650}]');
    expect(summarizeData({ lastHash: 'ab'.repeat(32) })).toBe('lastHash: abababababab…');
    expect(summarizeData({ ok: true, entries: 6, lastHash: 'ab'.repeat(32) }, 140, 'audit.verified')).toBe(
      'Íntegra: 6 entradas',
    );
    expect(
      summarizeData(
        { ok: false, entries: 7, firstBroken: { seq: 5, reason: 'hash-mismatch' } },
        140,
        'audit.verified',
      ),
    ).toBe('Rota en la entrada N.º 5 (entrada modificada)');
    expect(summarizeData({})).toBe('');
    expect(summarizeData(null)).toBe('');
    expect(summarizeData('texto suelto')).toBe('texto suelto');
    const long = summarizeData(
      { a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(30), d: 'w'.repeat(30) },
      60,
    );
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('labels and times', () => {
  it('groups actions by their first part, in order, with Spanish names', () => {
    expect(
      actionGroups(['sale.completed', 'auth.logout', 'auth.login', 'cash.session_opened', 'auth.login']),
    ).toEqual([
      { prefix: 'auth.', label: 'Ingresos y autorizaciones', actions: ['auth.login', 'auth.logout'] },
      { prefix: 'cash.', label: 'Caja', actions: ['cash.session_opened'] },
      { prefix: 'sale.', label: 'Ventas', actions: ['sale.completed'] },
    ]);
    expect(actionLabel('auth.login')).toBe('Ingreso al sistema');
    expect(actionLabel('algo.nuevo')).toBe('algo.nuevo');
  });

  it('shows the stored Lima time as it is, whatever the browser zone', () => {
    expect(formatAuditTime('2026-11-23T23:05:09-05:00')).toBe('23/11/2026 23:05:09');
  });

  it('names the first broken link', () => {
    expect(
      describeBreak({
        seq: 7,
        id: 'x',
        at: '2026-11-23T10:00:00-05:00',
        action: 'sale.completed',
        reason: 'hash-mismatch',
        expected: 'a',
        found: 'b',
      }),
    ).toBe(
      'Primer eslabón roto: entrada N.º 7, Venta cobrada (sale.completed) del 23/11/2026 10:00:00. Motivo: el contenido de la entrada no coincide con su hash: fue modificada.',
    );
    expect(
      describeBreak({ seq: 9, id: '', at: '', action: '', reason: 'seq-gap', expected: '10', found: '8' }),
    ).toBe('Faltan entradas al final del registro: la última es la N.º 8 y llegó a haber hasta la N.º 10.');
  });
});

describe('filterInput', () => {
  it('leaves out empty fields and tells a whole group from one exact action', () => {
    expect(filterInput({ userId: '', action: '', from: '', to: '' })).toEqual({});
    expect(filterInput({ userId: 'u1', action: 'auth.', from: '2026-11-01', to: '2026-11-23' })).toEqual({
      userId: 'u1',
      action: 'auth.',
      from: '2026-11-01',
      to: '2026-11-23',
    });
    expect(filterInput({ userId: '', action: '=auth.login', from: '', to: '' })).toEqual({
      action: 'auth.login',
      actionExact: true,
    });
  });
});
