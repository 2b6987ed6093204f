import { describe, expect, it } from 'vitest';
import { computeLineTaxes, summarizeTotals, type IgvAffectation, type LineTaxInput } from './taxes';
import { icbperRateCents } from './icbper-rates';

const rates = { igvBps: 1800, icbperCents: 50 };

function line(
  affectation: IgvAffectation,
  grossCents: number,
  discountCents = 0,
  bagUnits = 0,
): LineTaxInput {
  return { affectation, grossCents, discountCents, bagUnits };
}

describe('line taxes (worked by hand)', () => {
  it('splits a gravado shelf price into base and IGV', () => {
    // 3 × Inca Kola 500 ml at S/ 2.80 = S/ 8.40.
    // Base = 8.40 / 1.18 = 7.118644… → 7.12; IGV = 8.40 − 7.12 = 1.28 (check: 7.12 × 0.18 = 1.2816).
    expect(computeLineTaxes(line('10', 840), rates)).toEqual({
      amountCents: 840,
      taxableCents: 712,
      igvCents: 128,
      grossTaxableCents: 712,
      discountTaxableCents: 0,
      icbperCents: 0,
    });
  });

  it('rounds the base half up', () => {
    // S/ 0.59 / 1.18 = 0.50 exactly → base 0.50, IGV 0.09.
    expect(computeLineTaxes(line('10', 59), rates).taxableCents).toBe(50);
    // S/ 1.77 / 1.18 = 1.50 exactly; S/ 0.06 / 1.18 = 0.0508… → 0.05, IGV 0.01.
    expect(computeLineTaxes(line('10', 6), rates)).toMatchObject({ taxableCents: 5, igvCents: 1 });
    // S/ 0.01 / 1.18 = 0.0084… → 0.01, IGV 0.00: a one-céntimo line carries no IGV.
    expect(computeLineTaxes(line('10', 1), rates)).toMatchObject({ taxableCents: 1, igvCents: 0 });
  });

  it('keeps exonerado and inafecto lines without IGV', () => {
    // 1.250 kg plátano at S/ 4.50/kg = S/ 5.625 → the caller rounds the gross to S/ 5.63.
    expect(computeLineTaxes(line('20', 563), rates)).toMatchObject({ taxableCents: 563, igvCents: 0 });
    expect(computeLineTaxes(line('30', 250), rates)).toMatchObject({ taxableCents: 250, igvCents: 0 });
  });

  it('takes discounts off before splitting IGV', () => {
    // Aceite 900 ml S/ 11.50 × 2 = S/ 23.00, discount S/ 2.30 (10 %) → pays S/ 20.70.
    // Base after discount = 20.70 / 1.18 = 17.5423… → 17.54; IGV = 3.16.
    // Base before discount = 23.00 / 1.18 = 19.4915… → 19.49; discount without IGV = 19.49 − 17.54 = 1.95.
    expect(computeLineTaxes(line('10', 2300, 230), rates)).toEqual({
      amountCents: 2070,
      taxableCents: 1754,
      igvCents: 316,
      grossTaxableCents: 1949,
      discountTaxableCents: 195,
      icbperCents: 0,
    });
  });

  it('adds ICBPER per bag outside the base', () => {
    // 2 bags at S/ 0.10 = S/ 0.20 gravado: base 0.20 / 1.18 = 0.1694… → 0.17, IGV 0.03; ICBPER 2 × 0.50 = 1.00.
    expect(computeLineTaxes(line('10', 20, 0, 2), rates)).toMatchObject({
      amountCents: 20,
      taxableCents: 17,
      igvCents: 3,
      icbperCents: 100,
    });
  });

  it('refuses discounts larger than the line and non-integer money', () => {
    expect(() => computeLineTaxes(line('10', 100, 101), rates)).toThrow(RangeError);
    expect(() => computeLineTaxes(line('10', 10.5), rates)).toThrow(RangeError);
  });
});

describe('document totals (worked by hand)', () => {
  it('adds a mixed boleta the way SUNAT wants it', () => {
    // Inca Kola 3 × 2.80 = 8.40 (base 7.12, IGV 1.28)
    // Plátano 1.250 kg × 4.50 = 5.63 exonerado
    // Diario 1 × 1.00 inafecto
    // Bolsas 2 × 0.10 = 0.20 (base 0.17, IGV 0.03) + ICBPER 1.00
    // Gravadas 7.12 + 0.17 = 7.29; exoneradas 5.63; inafectas 1.00; IGV 1.31; ICBPER 1.00;
    // total = 7.29 + 5.63 + 1.00 + 1.31 + 1.00 = 16.23 = 8.40 + 5.63 + 1.00 + 0.20 + 1.00.
    const inputs: LineTaxInput[] = [line('10', 840), line('20', 563), line('30', 100), line('10', 20, 0, 2)];
    const totals = summarizeTotals(
      inputs.map((input) => ({
        affectation: input.affectation,
        discountCents: input.discountCents,
        taxes: computeLineTaxes(input, rates),
      })),
    );
    expect(totals).toEqual({
      gravadasCents: 729,
      exoneradasCents: 563,
      inafectasCents: 100,
      igvCents: 131,
      icbperCents: 100,
      discountCents: 0,
      totalCents: 1623,
    });
  });

  it('keeps header IGV within SUNAT tolerance of gravadas × 18 % on a long sale', () => {
    // 40 lines of S/ 0.99: each base 0.84 (0.8389…), IGV 0.15; header IGV 6.00 vs 33.60 × 0.18 = 6.048.
    const inputs = Array.from({ length: 40 }, () => line('10', 99));
    const totals = summarizeTotals(
      inputs.map((input) => ({
        affectation: '10' as const,
        discountCents: 0,
        taxes: computeLineTaxes(input, rates),
      })),
    );
    expect(totals.gravadasCents).toBe(3360);
    expect(totals.igvCents).toBe(600);
    expect(Math.abs(totals.igvCents - (totals.gravadasCents * 18) / 100)).toBeLessThanOrEqual(100);
    expect(totals.totalCents).toBe(3960);
  });
});

describe('ICBPER schedule', () => {
  it('uses the rate in force on the issue date', () => {
    expect(icbperRateCents('2019-07-31')).toBe(0);
    expect(icbperRateCents('2019-08-01')).toBe(10);
    expect(icbperRateCents('2021-06-15')).toBe(30);
    expect(icbperRateCents('2022-12-31')).toBe(40);
    expect(icbperRateCents('2026-11-23')).toBe(50);
  });
});
