/**
 * Recomputes a published draw in the browser with the same pure module
 * the server ran, so a buyer need not trust the server's winners.
 */
import {
  drawWinners,
  listDigest,
  listProblem,
  sha256Hex,
} from "../../../../worker/domain/lottery/draw";
import type { DrawResults } from "./lottery-api";

/** Each check of a verification and whether it held. */
export interface Verification {
  /** SHA-256 of the published seed equals the hash committed earlier. */
  seedMatchesHash: boolean;
  /** The list is sorted by key hash without repeats. */
  listSorted: boolean;
  /** The list digest recomputed from the list equals the published one. */
  digestMatches: boolean;
  /** The winners recomputed from seed and list equal the published ones. */
  winnersMatch: boolean;
}

/** True when every check of `verification` held. */
export function allConfirmed(verification: Verification): boolean {
  return Object.values(verification).every(Boolean);
}

/** Recomputes the hash check, the digest and the winners of `results`. */
export async function verifyResults(
  results: DrawResults,
): Promise<Verification> {
  const { draw } = results;
  const keyHashes = results.entries.map((entry) => entry.keyHash);
  const seed = draw.seed ?? "";

  const seedMatchesHash = (await sha256Hex(seed)) === draw.seedHash;
  const listSorted = listProblem(keyHashes) === null;
  const digestMatches = (await listDigest(keyHashes)) === draw.listDigest;
  if (!listSorted) {
    return { seedMatchesHash, listSorted, digestMatches, winnersMatch: false };
  }

  const recomputed = await drawWinners(seed, keyHashes, draw.prizeCount);
  const published = results.winners.map((winner) => winner.keyHash);
  const expected = recomputed.winners.map((winner) => winner.keyHash);
  const winnersMatch =
    published.length === expected.length &&
    published.every((hash, i) => hash === expected[i]);

  return { seedMatchesHash, listSorted, digestMatches, winnersMatch };
}
