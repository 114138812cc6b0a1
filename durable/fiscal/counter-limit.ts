/**
 * Ceiling of every counter. Counters are JS numbers of tiyn, exact up to
 * 2^53; grand totals never reset, so a document that would carry any
 * counter past 2^52 tiyn is rejected while every sum is still exact.
 */
import { formatTenge } from "./money";

/** Largest absolute value a counter may reach, in tiyn. */
export const MAX_COUNTER_TIYN = 2 ** 52;

/**
 * Returns a message naming the first counter past the ceiling, or null
 * when all of them are within it.
 */
export function counterOverflow(counters: unknown): string | null {
  const found = findOverflow(counters, "");
  if (!found) return null;
  return `amounts too large: counter ${found.path} would reach ${formatTenge(found.value)} tenge, above the ${formatTenge(MAX_COUNTER_TIYN)} tenge the OFD keeps`;
}

function findOverflow(
  value: unknown,
  path: string,
): { path: string; value: number } | null {
  if (typeof value === "number") {
    return Math.abs(value) > MAX_COUNTER_TIYN ? { path, value } : null;
  }
  if (value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findOverflow(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}
