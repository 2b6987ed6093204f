import { describe, expect, it } from 'vitest';
import { voidBlocker, type VoidCandidate } from './void-rules';

const TODAY = '2026-11-23';
const boleta: VoidCandidate = {
  docType: '03',
  issueDate: TODAY,
  voided: false,
  noteCount: 0,
  fiscalStatus: 'pending',
};

describe('when a sale can be voided', () => {
  it('allows a clean sale of today, boleta or factura, whatever SUNAT said of a boleta', () => {
    expect(voidBlocker(boleta, TODAY)).toBeNull();
    expect(voidBlocker({ ...boleta, docType: '01', fiscalStatus: 'accepted' }, TODAY)).toBeNull();
  });

  it('says why not otherwise', () => {
    expect(voidBlocker({ ...boleta, voided: true }, TODAY)).toBe('la venta ya fue anulada');
    expect(voidBlocker(boleta, '2026-11-24')).toBe(
      'solo se anulan ventas del mismo día (esta es del 23/11/2026); registre una devolución con nota de crédito',
    );
    expect(voidBlocker({ ...boleta, noteCount: 1 }, TODAY)).toContain('ya tiene notas emitidas');
    expect(voidBlocker({ ...boleta, docType: '01', fiscalStatus: 'rejected' }, TODAY)).toContain(
      'SUNAT rechazó',
    );
  });
});
