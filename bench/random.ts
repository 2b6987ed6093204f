import { mulberry32 } from '../db/seeds/catalog-generator';

/** Seeded PRNG so every run measures the same barcodes and queries. */
export const seededRandom = mulberry32;

export function pick<T>(list: readonly T[], rand: () => number): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}
