/**
 * The verifiable draw: a pure function of the seed and the sorted entry
 * list, using WebCrypto only, so workerd, Node 20 and a browser compute the
 * same winners. The browser needs a secure context (https or 127.0.0.1)
 * for `crypto.subtle`.
 *
 * Entries are identified by their key hash: the hex SHA-256 of the
 * canonical key `<KGD number>:<fiscal sign>`. The list is sorted by key
 * hash, so anyone can check the order of the published list; its digest is
 * the hex SHA-256 of the key hashes joined by "\n". For place i (from 0),
 * attempt j (from 0) takes h = SHA-256(`${seed}:${i}:${j}:${digest}`) as a
 * 256-bit number. When h lies below the largest multiple of the remaining
 * count, the winner is the entry at h mod remaining among those not yet
 * drawn; otherwise the attempt is rejected and j grows, so no entry is
 * favoured by modulo bias.
 *
 * NOTE: the operator knows the seed while entries come in, so with real
 * receipts of its own it could try entry lists until one wins. A public
 * randomness source mixed in at the draw would close that. Also, a fiscal
 * sign has 10 digits, so a key hash reveals its fiscal sign to 10^10 tries.
 */

/** One winner: its place (1 first), index in the sorted list and key hash. */
export interface DrawWinner {
  place: number;
  index: number;
  keyHash: string;
}

/** Result of a draw over a sorted list. */
export interface DrawResult {
  listDigest: string;
  winners: DrawWinner[];
}

const TWO_POW_256 = 1n << 256n;

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return toHex(new Uint8Array(digest));
}

/** The canonical key of a receipt: `<KGD number>:<fiscal sign>`. */
export function canonicalKey(kgdNumber: string, fiscalSign: string): string {
  return `${kgdNumber}:${fiscalSign}`;
}

/** Sorts key hashes into the canonical order: ascending, as plain strings. */
export function sortKeyHashes(keyHashes: readonly string[]): string[] {
  return [...keyHashes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Returns why `keyHashes` is not a valid sorted list, or null when it is. */
export function listProblem(keyHashes: readonly string[]): string | null {
  for (let i = 0; i < keyHashes.length; i++) {
    const hash = keyHashes[i]!;
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      return `entry ${i} is not a lowercase hex SHA-256: ${hash}`;
    }
    if (i > 0 && keyHashes[i - 1]! >= hash) {
      return `entry ${i} is out of order or repeated: ${hash}`;
    }
  }
  return null;
}

/** The list digest: hex SHA-256 of the sorted key hashes joined by "\n". */
export async function listDigest(
  sortedKeyHashes: readonly string[],
): Promise<string> {
  return sha256Hex(sortedKeyHashes.join("\n"));
}

/**
 * Draws min(prizeCount, entries) distinct winners from the sorted list,
 * without replacement. Throws when the list is not sorted and unique.
 */
export async function drawWinners(
  seed: string,
  sortedKeyHashes: readonly string[],
  prizeCount: number,
): Promise<DrawResult> {
  const problem = listProblem(sortedKeyHashes);
  if (problem) throw new Error(`invalid entry list: ${problem}`);

  const digest = await listDigest(sortedKeyHashes);
  const remaining = sortedKeyHashes.map((_, index) => index);
  const places = Math.min(prizeCount, sortedKeyHashes.length);
  const winners: DrawWinner[] = [];

  for (let i = 0; i < places; i++) {
    const pick = await pickIndex(seed, i, digest, remaining.length);
    const [index] = remaining.splice(pick, 1) as [number];
    winners.push({ place: i + 1, index, keyHash: sortedKeyHashes[index]! });
  }
  return { listDigest: digest, winners };
}

/** Picks a uniform position in 0..count-1 for place `i` by rejection. */
async function pickIndex(
  seed: string,
  i: number,
  digest: string,
  count: number,
): Promise<number> {
  const size = BigInt(count);
  const limit = TWO_POW_256 - (TWO_POW_256 % size);

  for (let attempt = 0; ; attempt++) {
    const hash = await sha256Hex(`${seed}:${i}:${attempt}:${digest}`);
    const value = BigInt(`0x${hash}`);
    if (value < limit) return Number(value % size);
  }
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
