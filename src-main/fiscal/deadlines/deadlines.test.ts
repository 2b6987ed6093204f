import { describe, expect, it } from 'vitest';
import { addDays, deadlineDate, deadlineLevel } from './deadlines';

const RULES = { boletaDeadlineDays: 3, voidDeadlineDays: 7 };

describe('fiscal deadlines', () => {
  it('gives a factura and its notes three calendar days after the issue date', () => {
    expect(deadlineDate('01', 'F001', '2026-11-23', RULES)).toBe('2026-11-26');
    expect(deadlineDate('07', 'FC01', '2026-11-30', RULES)).toBe('2026-12-03');
    expect(deadlineDate('08', 'FD01', '2026-12-30', RULES)).toBe('2027-01-02');
  });

  it('takes the boleta and baja limits from the store settings', () => {
    expect(deadlineDate('03', 'B001', '2026-11-23', RULES)).toBe('2026-11-26');
    expect(deadlineDate('07', 'BC01', '2026-11-23', { ...RULES, boletaDeadlineDays: 5 })).toBe('2026-11-28');
    expect(deadlineDate('RA', 'RA-20261123', '2026-11-23', RULES)).toBe('2026-11-30');
    expect(deadlineDate('03', 'B001', '2028-02-28', RULES)).toBe('2028-03-02');
  });

  it('warns the day before the limit and loudly once it has passed', () => {
    expect(deadlineLevel('2026-11-26', '2026-11-24')).toBe('ok');
    expect(deadlineLevel('2026-11-26', '2026-11-25')).toBe('due-soon');
    expect(deadlineLevel('2026-11-26', '2026-11-26')).toBe('due-soon');
    expect(deadlineLevel('2026-11-26', '2026-11-27')).toBe('overdue');
  });

  it('refuses dates that are not calendar dates', () => {
    expect(() => addDays('23/11/2026', 1)).toThrow(RangeError);
  });
});
