/**
 * Random numbers for tokens and fiscal signs, from the runtime's CSPRNG so
 * neither can be predicted from earlier ones.
 */

/** Source of random 32-bit words; tests pass a fixed sequence. */
export type RandomSource = () => number;

/** Draws uniformly distributed 32-bit words from crypto.getRandomValues. */
export const cryptoRandom: RandomSource = () =>
  crypto.getRandomValues(new Uint32Array(1))[0]!;

/** Draws a token: any 32-bit value except 0 and the current token. */
export function newToken(random: RandomSource, current: number): number {
  for (;;) {
    const token = random() >>> 0;
    if (token !== 0 && token !== current) return token;
  }
}

/**
 * Draws a 10-digit fiscal sign (1000000000..9999999999) that `isTaken` does
 * not know yet. Rejection sampling keeps the digits uniform.
 */
export function newFiscalSign(
  random: RandomSource,
  isTaken: (sign: string) => boolean,
): string {
  const span = 9_000_000_000;
  for (;;) {
    // Two 32-bit words give 64 bits; 2^53 is enough headroom for the span.
    const high = random() >>> 11;
    const low = random() >>> 0;
    const value = high * 2 ** 32 + low;
    const limit = Math.floor(2 ** 53 / span) * span;
    if (value >= limit) continue;

    const sign = String(1_000_000_000 + (value % span));
    if (!isTaken(sign)) return sign;
  }
}
