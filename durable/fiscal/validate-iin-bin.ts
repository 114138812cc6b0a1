/**
 * Check digit of a Kazakh IIN (person) or BIN (legal entity): both are 12
 * digits, and the twelfth is computed from the first eleven.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * Checks that `text` is 12 digits with a valid check digit.
 *
 * r = Σ dᵢ·i mod 11 over the first 11 digits. When r is 10 the second
 * weights 3..11, 1, 2 are used. When r is still 10 no number is issued, so
 * the text is invalid; otherwise the twelfth digit must equal r.
 */
export function isValidIinBin(text: string): boolean {
  if (!/^\d{12}$/.test(text)) return false;
  const digits = [...text].map(Number);

  let remainder = weightedSum(digits, FIRST_WEIGHTS) % 11;
  if (remainder === 10) remainder = weightedSum(digits, SECOND_WEIGHTS) % 11;
  if (remainder === 10) return false;
  return digits[11] === remainder;
}

function weightedSum(digits: number[], weights: number[]): number {
  return weights.reduce(
    (sum, weight, index) => sum + weight * (digits[index] ?? 0),
    0,
  );
}
