/**
 * The secret seed of a draw, made in the browser: only its SHA-256 leaves
 * the page at the commitment, and the seed itself only at the draw.
 */
export { sha256Hex } from "../../../../../worker/domain/lottery/draw";

/** Length of a generated seed, in random bytes (64 hex digits). */
export const SEED_BYTES = 32;

/** Generates a seed: SEED_BYTES from WebCrypto's CSPRNG, as lowercase hex. */
export function generateSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SEED_BYTES));
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
