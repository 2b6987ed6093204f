import { describe, expect, it } from 'vitest';
import { computeLineTaxes, type IgvAffectation, type TaxRates } from '../sales/taxes';
import {
  addMoney,
  creditedUpTo,
  increaseMoney,
  noteTotals,
  NOTHING_CREDITED,
  returnPiece,
  type LineMoney,
  type SoldLineMoney,
} from './return-amounts';

const RATES: TaxRates = { igvBps: 1800, icbperCents: 50 };

/** A sale line as checkout records it: taxes from the engine on gross − discount. */
function soldLine(
  quantityMilli: number,
  grossCents: number,
  discountCents = 0,
  affectation: IgvAffectation = '10',
  bags = false,
): SoldLineMoney {
  const icbperUnits = bags ? Math.floor(quantityMilli / 1000) : 0;
  const taxes = computeLineTaxes({ affectation, grossCents, discountCents, bagUnits: icbperUnits }, RATES);
  return {
    affectation,
    quantityMilli,
    amountCents: taxes.amountCents,
    taxableCents: taxes.taxableCents,
    igvCents: taxes.igvCents,
    icbperUnits,
    icbperCents: taxes.icbperCents,
  };
}

function returnInPieces(line: SoldLineMoney, pieces: readonly number[]): LineMoney[] {
  let credited = NOTHING_CREDITED;
  return pieces.map((quantityMilli) => {
    const piece = returnPiece(line, credited, quantityMilli, RATES);
    credited = addMoney(credited, piece);
    return piece;
  });
}

describe('the céntimos of a returned line', () => {
  it('copies the sale line exactly when the whole line goes back at once', () => {
    const line = soldLine(3000, 1170, 117); // 3 × S/ 3.90 with 10 % off
    const { affectation: _a, ...money } = line;
    expect(returnPiece(line, NOTHING_CREDITED, 3000, RATES)).toEqual(money);
  });

  it('prorates a partial quantity and splits it with the sale’s own tax engine', () => {
    // 3 × S/ 3.90 = 11.70 − 1.17 = 10.53 paid; one unit back = round(10.53 / 3) = 3.51.
    const line = soldLine(3000, 1170, 117);
    const piece = returnPiece(line, NOTHING_CREDITED, 1000, RATES);
    const engine = computeLineTaxes(
      { affectation: '10', grossCents: 351, discountCents: 0, bagUnits: 0 },
      RATES,
    );
    expect(piece).toEqual({
      quantityMilli: 1000,
      amountCents: 351,
      taxableCents: engine.taxableCents,
      igvCents: engine.igvCents,
      icbperUnits: 0,
      icbperCents: 0,
    });
    expect(piece.taxableCents + piece.igvCents).toBe(piece.amountCents);
  });

  it('adds up to the sale line to the céntimo however it is returned, never exceeding it', () => {
    const cases: Array<{ line: SoldLineMoney; pieces: number[] }> = [
      { line: soldLine(3000, 1170, 117), pieces: [1000, 1000, 1000] },
      { line: soldLine(7000, 7 * 333, 0), pieces: [2000, 1000, 3000, 1000] },
      { line: soldLine(1234, 1098, 55), pieces: [100, 34, 500, 600] }, // 1.234 kg weighed
      { line: soldLine(9000, 450, 0, '20'), pieces: [4000, 5000] }, // exonerado
      { line: soldLine(5000, 50, 0, '10', true), pieces: [2000, 2000, 1000] }, // bags with ICBPER
      { line: soldLine(11_000, 11 * 199, 301), pieces: Array.from({ length: 11 }, () => 1000) },
    ];
    for (const { line, pieces } of cases) {
      const notes = returnInPieces(line, pieces);
      const sum = notes.reduce(addMoney, NOTHING_CREDITED);
      const { affectation: _a, ...money } = line;
      expect(sum).toEqual(money);
      let credited = 0;
      for (const note of notes) {
        credited += note.amountCents;
        expect(note.amountCents).toBeGreaterThanOrEqual(0);
        expect(note.taxableCents + note.igvCents).toBe(note.amountCents);
        expect(credited).toBeLessThanOrEqual(line.amountCents);
        // Each piece is within one céntimo of a fresh computation of its own amount.
        const fresh = computeLineTaxes(
          { affectation: line.affectation, grossCents: note.amountCents, discountCents: 0, bagUnits: 0 },
          RATES,
        );
        expect(Math.abs(fresh.igvCents - note.igvCents)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('counts ICBPER per bag handed back', () => {
    const line = soldLine(3000, 30, 0, '10', true);
    const [first] = returnInPieces(line, [2000]);
    expect(first).toMatchObject({ icbperUnits: 2, icbperCents: 100, amountCents: 20 });
  });

  it('refuses more than what is left of the line', () => {
    const line = soldLine(2000, 780);
    const first = returnPiece(line, NOTHING_CREDITED, 1000, RATES);
    expect(() => returnPiece(line, first, 2000, RATES)).toThrow(RangeError);
    expect(() => creditedUpTo(line, 2001, RATES)).toThrow(RangeError);
  });
});

describe('note totals', () => {
  it('sums gravadas, exoneradas, IGV and ICBPER like a sale', () => {
    const gravado = {
      ...returnPiece(soldLine(2000, 780), NOTHING_CREDITED, 1000, RATES),
      affectation: '10' as const,
    };
    const exonerado = {
      ...returnPiece(soldLine(3000, 150, 0, '20'), NOTHING_CREDITED, 3000, RATES),
      affectation: '20' as const,
    };
    const bag = {
      ...returnPiece(soldLine(1000, 10, 0, '10', true), NOTHING_CREDITED, 1000, RATES),
      affectation: '10' as const,
    };
    expect(noteTotals([gravado, exonerado, bag])).toEqual({
      gravadasCents: 331 + 8,
      exoneradasCents: 150,
      inafectasCents: 0,
      igvCents: 59 + 2,
      icbperCents: 50,
      discountCents: 0,
      totalCents: 390 + 150 + 10 + 50,
    });
  });

  it('taxes a debit note increase with the sale’s rates, IGV included', () => {
    expect(increaseMoney('10', 118, RATES)).toEqual({
      quantityMilli: 1000,
      amountCents: 118,
      taxableCents: 100,
      igvCents: 18,
      icbperUnits: 0,
      icbperCents: 0,
    });
    expect(increaseMoney('20', 250, RATES)).toMatchObject({ taxableCents: 250, igvCents: 0 });
  });
});
