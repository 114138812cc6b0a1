import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeResponse } from "../../../proto/codec";
import {
  CommandTypeEnum,
  MoneyPlacementEnum,
  OperationTypeEnum,
} from "../../../proto/messages";
import type { KkmState } from "../../../simulator/state";
import { okHandler, startFakeOfd, type FakeOfd } from "./fake-ofd";
import { runKkm, temporaryDirectory } from "./harness";

const TOKEN = 123456;

let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
let fake: FakeOfd;

beforeEach(async () => {
  directory = await temporaryDirectory();
  fake = await startFakeOfd(TOKEN);
});

afterEach(async () => {
  await fake.close();
  await directory.remove();
});

function kkm(at: string, ...argv: string[]) {
  return runKkm([
    ...argv,
    "--id",
    "9",
    "--token",
    String(TOKEN),
    "--port",
    String(fake.port),
    "--state",
    join(directory.path, "9.json"),
    "--kgd",
    "620300014538",
    "--at",
    at,
  ]);
}

async function readState(): Promise<KkmState> {
  const text = await readFile(join(directory.path, "9.json"), "utf8");
  return JSON.parse(text) as KkmState;
}

async function queueFourDocuments(): Promise<void> {
  await kkm("2025-01-15T09:00:00", "offline", "sell", "--item", "A:100:1");
  await kkm("2025-01-15T09:10:00", "offline", "sell", "--item", "B:200:2");
  await kkm("2025-01-15T09:20:00", "offline", "deposit", "500");
  await kkm("2025-01-15T09:30:00", "offline", "close-shift");
}

describe("offline queue", () => {
  it("numbers documents in order without sending", async () => {
    await queueFourDocuments();
    const run = await kkm("2025-01-15T09:40:00", "queue", "--json");

    expect(fake.received).toHaveLength(0);
    expect(run.json.queue).toEqual([
      {
        kind: "ticket",
        reqNum: 1,
        createdAt: "2025-01-15T09:00:00",
        offlineNumber: 1001,
      },
      {
        kind: "ticket",
        reqNum: 2,
        createdAt: "2025-01-15T09:10:00",
        offlineNumber: 1002,
      },
      {
        kind: "money-placement",
        reqNum: 3,
        createdAt: "2025-01-15T09:20:00",
        offlineNumber: null,
      },
      {
        kind: "close-shift",
        reqNum: 4,
        createdAt: "2025-01-15T09:30:00",
        offlineNumber: null,
      },
    ]);
  });

  it("flushes the offline period first, then the queue in order", async () => {
    await queueFourDocuments();
    const run = await kkm("2025-01-15T10:00:00", "flush");
    const state = await readState();
    const [system, first, second, deposit, close] = fake.received;

    expect(run.code).toBe(0);
    expect(fake.received).toHaveLength(5);
    expect(system?.request.command).toBe(CommandTypeEnum.COMMAND_SYSTEM);
    expect(system?.header.reqNum).toBe(5);
    expect(system?.request.service?.offlinePeriod?.beginTime?.time?.hour).toBe(
      9,
    );
    expect(system?.request.service?.offlinePeriod?.endTime?.time?.hour).toBe(
      10,
    );

    expect(first?.header.reqNum).toBe(1);
    expect(first?.request.ticket?.offlineTicketNumber).toBe(1001);
    expect(first?.request.service?.offlinePeriod).toBeDefined();
    expect(second?.header.reqNum).toBe(2);
    expect(second?.request.ticket?.offlineTicketNumber).toBe(1002);
    expect(second?.header.token).toBe(TOKEN + 1000);
    expect(deposit?.header.reqNum).toBe(3);
    expect(deposit?.request.moneyPlacement?.isOffline).toBe(true);
    expect(deposit?.request.moneyPlacement?.operation).toBe(
      MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT,
    );
    expect(close?.header.reqNum).toBe(4);
    expect(close?.request.closeShift?.isOffline).toBe(true);

    expect(state.queue).toHaveLength(0);
    expect(state.token).toBe(TOKEN + 4000);
    expect(state.nextReqNum).toBe(6);
    expect(state.receipts.map((receipt) => receipt.fiscalSign)).toEqual([
      "1000000001",
      "1000000002",
    ]);
    expect(state.receipts.map((receipt) => receipt.offlineNumber)).toEqual([
      1001, 1002,
    ]);
  });

  it("stops at the first non-OK result", async () => {
    await fake.close();
    fake = await startFakeOfd(TOKEN, (received) =>
      received.header.reqNum === 2
        ? makeResponse({
            command: received.request.command,
            result: { resultCode: 13, resultText: "items[0].price" },
          })
        : okHandler(received),
    );
    await queueFourDocuments();

    const run = await kkm("2025-01-15T10:00:00", "flush", "--json");
    const state = await readState();

    expect(run.code).toBe(2);
    expect(run.json.error).toEqual({
      type: "ResultError",
      message: "result 13 RESULT_TYPE_INCORRECT_REQUEST_DATA: items[0].price",
    });
    expect(fake.received).toHaveLength(3);
    expect(state.queue.map((entry) => entry.reqNum)).toEqual([2, 3, 4]);
  });

  it("returns an autonomous receipt by its own number", async () => {
    await kkm("2025-01-15T09:00:00", "offline", "sell", "--item", "A:100:1");
    await kkm("2025-01-15T09:05:00", "offline", "return");
    await kkm("2025-01-15T10:00:00", "flush");
    const ticket = fake.received[2]?.request.ticket;

    expect(ticket?.operation).toBe(OperationTypeEnum.OPERATION_SELL_RETURN);
    expect(ticket?.offlineTicketNumber).toBe(1002);
    expect(ticket?.parentTicket?.parentTicketNumber).toBe("1001");
    expect(ticket?.parentTicket?.parentTicketIsOffline).toBe(true);
  });
});
