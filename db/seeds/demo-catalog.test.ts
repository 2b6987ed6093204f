import { describe, it, expect } from 'vitest';
import { DEMO_PRODUCTS, type CatalogProduct } from './demo-catalog';
import { generateCatalog } from './catalog-generator';

/** Independent GS1 check: weights 3,1,3,1... from the rightmost data digit. */
function hasValidGs1Check(code: string): boolean {
  if (!/^\d+$/.test(code) || ![8, 12, 13].includes(code.length)) return false;
  const digits = code.split('').map(Number);
  const check = digits.pop();
  let sum = 0;
  digits.reverse().forEach((d, i) => {
    sum += d * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10 === check;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dups.add(v);
    seen.add(v);
  }
  return [...dups];
}

const allBarcodes = (products: readonly CatalogProduct[]): string[] => products.flatMap((p) => p.barcodes);

describe('GS1 check helper', () => {
  it('accepts known-good codes and rejects bad ones', () => {
    expect(hasValidGs1Check('4006381333931')).toBe(true); // EAN-13
    expect(hasValidGs1Check('96385074')).toBe(true); // EAN-8
    expect(hasValidGs1Check('036000291452')).toBe(true); // UPC-A
    expect(hasValidGs1Check('4006381333932')).toBe(false);
    expect(hasValidGs1Check('12345')).toBe(false);
  });
});

describe('DEMO_PRODUCTS', () => {
  it('has at least 300 products', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(300);
  });

  it('has unique SKUs, names, barcodes and PLUs', () => {
    expect(duplicates(DEMO_PRODUCTS.map((p) => p.sku))).toEqual([]);
    expect(duplicates(DEMO_PRODUCTS.map((p) => p.name))).toEqual([]);
    expect(duplicates(allBarcodes(DEMO_PRODUCTS))).toEqual([]);
    const plus = DEMO_PRODUCTS.flatMap((p) => (p.plu === null ? [] : [p.plu]));
    expect(duplicates(plus)).toEqual([]);
  });

  it('has only valid GS1 barcodes (8, 12 or 13 digits), none starting with 2', () => {
    for (const code of allBarcodes(DEMO_PRODUCTS)) {
      expect(hasValidGs1Check(code), code).toBe(true);
      expect(code.startsWith('2'), code).toBe(false);
    }
  });

  it('has barcodes on every product except weighed ones with a PLU', () => {
    for (const p of DEMO_PRODUCTS) {
      if (p.barcodes.length === 0) expect(p.plu, p.sku).not.toBeNull();
    }
  });

  it('has positive integer prices', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(Number.isInteger(p.priceCents) && p.priceCents > 0, p.sku).toBe(true);
    }
  });

  it('links KGM unit and PLU both ways, PLUs are 5 digits', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(p.unit === 'KGM', p.sku).toBe(p.plu !== null);
      if (p.plu !== null) expect(p.plu, p.sku).toMatch(/^\d{5}$/);
    }
  });

  it('covers exonerado, inafecto and ICBPER cases', () => {
    const count = (a: string): number => DEMO_PRODUCTS.filter((p) => p.igvAffectation === a).length;
    expect(count('20')).toBeGreaterThanOrEqual(25);
    expect(count('30')).toBeGreaterThanOrEqual(5);
    expect(DEMO_PRODUCTS.some((p) => p.icbper)).toBe(true);
  });
});

describe('generateCatalog', () => {
  const first = generateCatalog(5000, 1);

  it('is deterministic for a seed', () => {
    expect(first).toHaveLength(5000);
    expect(generateCatalog(5000, 1)).toEqual(first);
  });

  it('produces unique SKUs and barcodes with valid check digits', () => {
    expect(duplicates(first.map((p) => p.sku))).toEqual([]);
    expect(duplicates(first.map((p) => p.name))).toEqual([]);
    const codes = allBarcodes(first);
    expect(duplicates(codes)).toEqual([]);
    for (const code of codes) expect(hasValidGs1Check(code), code).toBe(true);
  });

  it('keeps PLUs unique and clear of the demo catalogue', () => {
    const demoPlus = new Set(DEMO_PRODUCTS.map((p) => p.plu));
    const plus = first.flatMap((p) => (p.plu === null ? [] : [p.plu]));
    expect(duplicates(plus)).toEqual([]);
    for (const plu of plus) expect(demoPlus.has(plu), plu).toBe(false);
    for (const p of first) expect(p.unit === 'KGM', p.sku).toBe(p.plu !== null);
  });

  it('differs for another seed', () => {
    expect(generateCatalog(5000, 2)).not.toEqual(first);
  });
});
