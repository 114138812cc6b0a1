import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  followingReqNum,
  loadState,
  MAX_STORED_RECEIPTS,
  newState,
  recordReceipt,
  saveState,
  StateError,
  takeOfflineNumber,
  takeReqNum,
} from "../../../simulator/state";
import { temporaryDirectory } from "./harness";

describe("REQNUM counter", () => {
  it("wraps 65535 to 1", () => {
    expect(followingReqNum(1)).toBe(2);
    expect(followingReqNum(65534)).toBe(65535);
    expect(followingReqNum(65535)).toBe(1);
  });

  it("takes the current number and advances", () => {
    const state = newState(7, 1, 203);
    state.nextReqNum = 65535;

    expect(takeReqNum(state)).toBe(65535);
    expect(takeReqNum(state)).toBe(1);
    expect(state.nextReqNum).toBe(2);
  });
});

describe("autonomous numbers", () => {
  it("count from 1001", () => {
    const state = newState(7, 1, 203);
    expect(takeOfflineNumber(state)).toBe(1001);
    expect(takeOfflineNumber(state)).toBe(1002);
  });
});

describe("recordReceipt", () => {
  it("keeps the newest receipts only", () => {
    const state = newState(7, 1, 203);
    for (let index = 0; index < MAX_STORED_RECEIPTS + 5; index++) {
      recordReceipt(state, {
        operation: "sell",
        dateTime: "2025-01-15T12:30:00",
        total: "100",
        lines: [],
        reqNum: index,
      });
    }

    expect(state.receipts).toHaveLength(MAX_STORED_RECEIPTS);
    expect(state.receipts[0]?.reqNum).toBe(5);
  });
});

describe("state file", () => {
  let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
  beforeEach(async () => {
    directory = await temporaryDirectory();
  });
  afterEach(async () => {
    await directory.remove();
  });

  it("round-trips through JSON", async () => {
    const path = join(directory.path, "nested", "7.json");
    const state = newState(7, 4000000001, 202);
    state.kgdNumber = "620300014538";
    state.shiftNumber = 3;
    state.queue.push({
      kind: "ticket",
      reqNum: 9,
      createdAt: "2025-01-15T12:30:00",
      request: "0801",
      offlineNumber: 1001,
    });

    await saveState(path, state);
    const loaded = await loadState(path);

    expect(loaded).toEqual(state);
    expect(await readdir(join(directory.path, "nested"))).toEqual(["7.json"]);
  });

  it("returns null for a missing file", async () => {
    expect(await loadState(join(directory.path, "none.json"))).toBeNull();
  });

  it("rejects invalid JSON", async () => {
    const path = join(directory.path, "bad.json");
    await writeFile(path, "{not json");
    await expect(loadState(path)).rejects.toThrow(StateError);
  });

  it("rejects a file without a token", async () => {
    const path = join(directory.path, "shape.json");
    await writeFile(path, JSON.stringify({ id: 1, receipts: [], queue: [] }));
    await expect(loadState(path)).rejects.toThrow(/expected id, token/);
  });
});
