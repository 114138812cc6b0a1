/**
 * Integer rounding for amounts in tiyn. Products such as sum × percent can
 * pass 2^53, so the arithmetic runs on bigint and only the result is a number.
 */

/** Divides `numerator` by a positive `denominator`, rounding half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) {
    throw new RangeError(`denominator must be positive, got ${denominator}`);
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return Number(negative ? -quotient : quotient);
}

/**
 * Splits a non-negative `amount` over `weights` in proportion, by the
 * largest-remainder method, so the parts add up to `amount` exactly.
 *
 * Weights below zero count as zero. Equal remainders go to the earlier
 * weight. When no weight is positive, every part is 0 and nothing is spread.
 */
export function spreadByLargestRemainder(
  amount: number,
  weights: readonly number[],
): number[] {
  const positive = weights.map((weight) => BigInt(Math.max(0, weight)));
  const weightSum = positive.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) return weights.map(() => 0);

  const total = BigInt(amount);
  const parts = positive.map((weight) => (total * weight) / weightSum);
  const remainders = positive.map((weight) => (total * weight) % weightSum);

  let left = total - parts.reduce((sum, part) => sum + part, 0n);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder
        ? a.index - b.index
        : a.remainder > b.remainder
          ? -1
          : 1,
    );
  for (const { index } of order) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
