// The pure draw function: deterministic, sensitive to the seed and the
// list, without repeats, and the same as the published algorithm.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalKey,
  drawWinners,
  listDigest,
  listProblem,
  sha256Hex,
  sortKeyHashes,
} from "../../../worker/domain/lottery/draw";

const SEED = "seed-0123456789abcdef";

function nodeSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Sorted key hashes of `count` receipts of one KKM. */
function keyHashes(count: number, kgd = "620300014538"): string[] {
  const hashes = Array.from({ length: count }, (_, n) =>
    nodeSha256(canonicalKey(kgd, String(4_000_000_000 + n))),
  );
  return sortKeyHashes(hashes);
}

describe("sha256Hex", () => {
  it("matches node:crypto", async () => {
    expect(await sha256Hex("620300014538:4228143549")).toBe(
      nodeSha256("620300014538:4228143549"),
    );
  });
});

describe("listDigest", () => {
  it("hashes the hashes joined by newlines", async () => {
    const list = keyHashes(3);

    expect(await listDigest(list)).toBe(nodeSha256(list.join("\n")));
  });
});

describe("drawWinners", () => {
  it("repeats for the same input", async () => {
    const list = keyHashes(50);

    const first = await drawWinners(SEED, list, 5);
    const second = await drawWinners(SEED, list, 5);

    expect(second).toEqual(first);
    expect(first.winners.map((w) => w.place)).toEqual([1, 2, 3, 4, 5]);
  });

  it("changes with the seed", async () => {
    const list = keyHashes(50);

    const first = await drawWinners(SEED, list, 5);
    const other = await drawWinners(`${SEED}x`, list, 5);

    expect(other.listDigest).toBe(first.listDigest);
    expect(other.winners.map((w) => w.index)).not.toEqual(
      first.winners.map((w) => w.index),
    );
  });

  it("changes with the entry list", async () => {
    const list = keyHashes(50);
    const shorter = list.slice(1);

    const first = await drawWinners(SEED, list, 5);
    const other = await drawWinners(SEED, shorter, 5);

    expect(other.listDigest).not.toBe(first.listDigest);
    expect(other.winners.map((w) => w.keyHash)).not.toEqual(
      first.winners.map((w) => w.keyHash),
    );
  });

  it("lets everyone win once", async () => {
    const list = keyHashes(7);

    const { winners } = await drawWinners(SEED, list, 10);

    expect(winners.length).toBe(7);
    expect(new Set(winners.map((w) => w.index)).size).toBe(7);
    expect(sortKeyHashes(winners.map((w) => w.keyHash))).toEqual(list);
  });

  it("never repeats a winner", async () => {
    const list = keyHashes(200);

    const { winners } = await drawWinners(SEED, list, 150);

    expect(new Set(winners.map((w) => w.keyHash)).size).toBe(150);
    for (const winner of winners) {
      expect(list[winner.index], `place ${winner.place}`).toBe(winner.keyHash);
    }
  });

  it("follows the published formula", async () => {
    const list = keyHashes(3);
    const digest = nodeSha256(list.join("\n"));

    const { winners } = await drawWinners(SEED, list, 1);

    // One attempt suffices unless h falls in the top 2^256 mod 3 values.
    const h = BigInt(`0x${nodeSha256(`${SEED}:0:0:${digest}`)}`);
    expect(winners[0]!.index).toBe(Number(h % 3n));
  });

  it("draws nothing from no entries", async () => {
    const result = await drawWinners(SEED, [], 3);

    expect(result.winners).toEqual([]);
    expect(result.listDigest).toBe(nodeSha256(""));
  });

  it("rejects an unsorted list", async () => {
    const list = keyHashes(3).reverse();

    await expect(drawWinners(SEED, list, 1)).rejects.toThrow(
      "invalid entry list: entry 1 is out of order or repeated",
    );
  });
});

describe("listProblem", () => {
  it("names a repeated hash", () => {
    const [first] = keyHashes(1) as [string];

    expect(listProblem([first, first])).toBe(
      `entry 1 is out of order or repeated: ${first}`,
    );
  });

  it("names a malformed hash", () => {
    expect(listProblem(["ABC"])).toBe(
      "entry 0 is not a lowercase hex SHA-256: ABC",
    );
  });
});
