/**
 * Splits an integer amount across weights proportionally, by largest remainder, so the
 * parts always add up to the amount exactly (a sale-wide discount becomes per-line
 * discounts whose sum is the discount, céntimo for céntimo).
 */
export function allocateProportionally(amount: number, weights: readonly number[]): number[] {
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  if (amount === 0 || totalWeight === 0) return weights.map(() => 0);
  if (amount > totalWeight)
    throw new RangeError(`cannot allocate ${amount} over weights totalling ${totalWeight}`);
  const shares = weights.map((weight, index) => {
    const exact = amount * weight;
    return { index, floor: Math.floor(exact / totalWeight), remainder: exact % totalWeight };
  });
  let left = amount - shares.reduce((a, s) => a + s.floor, 0);
  // Biggest remainders first; earlier lines win ties so the result is deterministic.
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const parts = shares.map((s) => s.floor);
  for (const share of order) {
    if (left === 0) break;
    parts[share.index] = (parts[share.index] ?? 0) + 1;
    left--;
  }
  return parts;
}
