import { describe, expect, it } from 'vitest';
import type { FiscalStatus } from '../../../db/schema';
import { filterOptions, isStatusFilter, statusesFor } from './status-filter';

describe('monitor status filter', () => {
  it('asks the core for all, the open ones, or one status', () => {
    expect(statusesFor('all')).toBeUndefined();
    expect(statusesFor('open')).toEqual(['unsigned', 'pending', 'sent', 'needs_attention']);
    expect(statusesFor('rejected')).toEqual(['rejected']);
  });

  it('labels options with the counts the core reported, the urgent ones first', () => {
    const counts: Record<FiscalStatus, number> = {
      unsigned: 0,
      pending: 3,
      sent: 1,
      accepted: 10,
      observed: 0,
      rejected: 0,
      needs_attention: 2,
    };
    const statusLabels: Record<FiscalStatus, string> = {
      unsigned: 'Sin firmar',
      pending: 'Pendiente de envío',
      sent: 'Enviado, esperando respuesta',
      accepted: 'Aceptado',
      observed: 'Aceptado con observaciones',
      rejected: 'Rechazado',
      needs_attention: 'Requiere atención',
    };
    const options = filterOptions({ counts, statusLabels });
    expect(options.slice(0, 3)).toEqual([
      { value: 'all', label: 'Todos' },
      { value: 'open', label: 'Por resolver (6)' },
      { value: 'needs_attention', label: 'Requiere atención (2)' },
    ]);
    expect(options).toHaveLength(9);
    expect(options[3]).toEqual({ value: 'unsigned', label: 'Sin firmar (0)' });
    expect(filterOptions(null).map((o) => o.value)).toEqual(['all', 'open']);
  });

  it('accepts only known filter values from the select', () => {
    expect(isStatusFilter('pending')).toBe(true);
    expect(isStatusFilter('open')).toBe(true);
    expect(isStatusFilter('borrado')).toBe(false);
  });
});
