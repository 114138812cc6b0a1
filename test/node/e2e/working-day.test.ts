/**
 * A register's day played with the real simulator through the gateway:
 * cash in, sales with cash and card, a return, an autonomous batch queued
 * and flushed in order, and the close, whose Z report the server computes.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSystem, type LocalSystem } from "./local-system";
import { runSimulator, type SimulatorRun } from "./simulator-process";

let system: LocalSystem;
let state: string;

beforeAll(async () => {
  system = await startLocalSystem();
  const dir = path.join(system.persistTo, "day");
  await mkdir(dir);
  state = path.join(dir, "till.json");
});

afterAll(async () => {
  await system?.stop();
});

/** Runs a simulator command as the first demo KKM and expects result 0. */
async function kkm(...args: string[]): Promise<SimulatorRun> {
  const till = system.demo.kkms[0];
  if (!till) throw new Error("demo seed returned no KKM");
  const run = await runSimulator([
    ...args,
    "--host",
    "127.0.0.1",
    "--port",
    String(system.gatewayPort),
    "--id",
    String(till.kkmId),
    "--token",
    String(till.token),
    "--state",
    state,
  ]);
  expect(
    run.exitCode,
    `${args.join(" ")}: ${JSON.stringify(run.output)} ${run.stderr}`,
  ).toBe(0);
  return run;
}

interface ZSummary {
  shiftNumber: number;
  cash: string;
  revenue: string;
  tickets: {
    operation: string;
    count: number;
    sum: string;
    offlineCount: number;
    payments: { payment: string; count: number; sum: string }[];
  }[];
  moneyPlacements: { operation: string; count: number; sum: string }[];
}

describe("a working day with the simulator", () => {
  it("closes with the expected Z report", async () => {
    // A register starts with INFO, which also gives it its KGD number.
    await kkm("info");
    await kkm("deposit", "1000");
    const bread = await kkm(
      "sell",
      "--item",
      "Bread:250:2",
      "--at",
      "2026-12-04T09:00:00",
    );
    await kkm(
      "sell",
      "--item",
      "Milk:480:1",
      "--vat",
      "16",
      "--at",
      "2026-12-04T09:10:00",
    );
    await kkm(
      "sell",
      "--item",
      "Coffee:1500:1",
      "--pay",
      "card",
      "--at",
      "2026-12-04T09:20:00",
    );
    await kkm(
      "return",
      "--parent",
      bread.output.fiscalSign ?? "",
      "--at",
      "2026-12-04T09:30:00",
    );

    // The link is down: three receipts are queued with autonomous numbers.
    for (const minute of ["40", "41", "42"]) {
      await kkm(
        "offline",
        "sell",
        "--item",
        "Tea:100:1",
        "--at",
        `2026-12-04T09:${minute}:00`,
      );
    }
    const flushed = await kkm("flush");
    const close = await kkm("close-shift");

    const delivered = (
      flushed.output as {
        delivered?: {
          result: number;
          offlineNumber: number;
          fiscalSign: string;
        }[];
      }
    ).delivered;
    expect(delivered?.map((item) => item.result)).toEqual([0, 0, 0]);
    expect(delivered?.map((item) => item.offlineNumber)).toEqual([
      1001, 1002, 1003,
    ]);
    for (const item of delivered ?? []) {
      expect(item.fiscalSign).toMatch(/^[1-9]\d{9}$/);
    }
    const z = (close.output as { report?: ZSummary }).report;
    expect(z?.shiftNumber).toBe(1);
    // Cash: 1000 deposit + 500 + 480 (cash sales) - 500 (cash return) + 300 (autonomous).
    expect(z?.cash).toBe("1780.00");
    // Revenue: sales 500 + 480 + 1500 + 300 minus the 500 return.
    expect(z?.revenue).toBe("2280.00");

    const sells = z?.tickets.find((row) => row.operation === "sell");
    expect(sells?.count).toBe(6);
    expect(sells?.sum).toBe("2780.00");
    expect(sells?.offlineCount).toBe(3);
    expect(sells?.payments).toEqual([
      { payment: "cash", count: 5, sum: "1280.00" },
      { payment: "card", count: 1, sum: "1500.00" },
    ]);
    const returns = z?.tickets.find((row) => row.operation === "sell-return");
    expect(returns?.count).toBe(1);
    expect(returns?.sum).toBe("500.00");
    expect(z?.moneyPlacements).toEqual([
      expect.objectContaining({
        operation: "deposit",
        count: 1,
        sum: "1000.00",
      }),
    ]);
  });
});
