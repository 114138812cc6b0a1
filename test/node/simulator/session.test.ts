import { readFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeResponse } from "../../../proto/codec";
import { toHex } from "../../../proto/frame";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  ReportTypeEnum,
} from "../../../proto/messages";
import type { KkmState } from "../../../simulator/state";
import { okHandler, startFakeOfd, type FakeOfd } from "./fake-ofd";
import { runKkm, temporaryDirectory } from "./harness";

const TOKEN = 4000000001;

let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
let fake: FakeOfd | undefined;

beforeEach(async () => {
  directory = await temporaryDirectory();
});

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await directory.remove();
});

function statePath(): string {
  return join(directory.path, "77.json");
}

function kkm(...argv: string[]) {
  return runKkm([
    ...argv,
    "--id",
    "77",
    "--token",
    String(TOKEN),
    "--port",
    String(fake?.port ?? 1),
    "--state",
    statePath(),
    "--kgd",
    "620300014538",
    "--at",
    "2025-01-15T12:30:00",
  ]);
}

async function readState(): Promise<KkmState> {
  return JSON.parse(await readFile(statePath(), "utf8")) as KkmState;
}

describe("sell over TCP", () => {
  it("sends a framed ticket and stores the rotated token", async () => {
    fake = await startFakeOfd(TOKEN, okHandler, { splitWrites: true });

    const run = await kkm("sell", "--item", "Хлеб:250.50:2", "--vat", "12");
    const state = await readState();
    const received = fake.received[0];

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Fiscal sign 1000000001");
    expect(run.stdout).toContain(
      "QR http://consumer.test-oofd.kz?i=1000000001",
    );
    expect(run.stdout).toContain("Token rotated");
    expect(received?.header.version).toBe(203);
    expect(received?.header.kkmId).toBe(77);
    expect(received?.header.token).toBe(TOKEN);
    expect(received?.header.reqNum).toBe(1);
    expect(received?.request.ticket?.operation).toBe(
      OperationTypeEnum.OPERATION_SELL,
    );
    expect(received?.request.service?.regInfo?.kkm?.fnsKkmId).toBe(
      "620300014538",
    );
    expect(state.token).toBe(TOKEN + 1000);
    expect(state.nextReqNum).toBe(2);
    expect(state.receipts[0]?.fiscalSign).toBe("1000000001");
    expect(state.receipts[0]?.total).toBe("50100");
  });

  it("uses the rotated token on the next request", async () => {
    fake = await startFakeOfd(TOKEN);

    await kkm("sell", "--item", "A:10:1");
    const second = await kkm("sell", "--item", "B:20:1");

    expect(second.code).toBe(0);
    expect(fake.received[1]?.header.token).toBe(TOKEN + 1000);
    expect(fake.received[1]?.header.reqNum).toBe(2);
  });

  it("returns the last receipt with parent_ticket", async () => {
    fake = await startFakeOfd(TOKEN);

    await kkm("sell", "--item", "A:10:3");
    const run = await kkm("return");
    const ticket = fake.received[1]?.request.ticket;

    expect(run.code).toBe(0);
    expect(ticket?.operation).toBe(OperationTypeEnum.OPERATION_SELL_RETURN);
    expect(ticket?.parentTicket?.parentTicketNumber).toBe("1000000001");
    expect(ticket?.parentTicket?.kgdKkmId).toBe("620300014538");
    expect(ticket?.parentTicket?.parentTicketTotal?.bills).toBe(30n);
    expect(ticket?.items[0]?.commodity?.quantity).toBe(3000n);
  });

  it("rejects --parent that is not in the state file", async () => {
    fake = await startFakeOfd(TOKEN);

    const run = await kkm("return", "--parent", "555");

    expect(run.code).toBe(64);
    expect(run.stderr).toContain('invalid --parent "555"');
    expect(fake.received).toHaveLength(0);
  });
});

describe("result handling", () => {
  it("exits 2 on an invalid token and consumes the REQNUM", async () => {
    fake = await startFakeOfd(TOKEN, ({ request }) =>
      makeResponse({
        command: request.command,
        result: { resultCode: 2, resultText: "Invalid token" },
      }),
    );

    const run = await kkm("sell", "--item", "A:10:1");
    const state = await readState();

    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      "result 2 RESULT_TYPE_INVALID_TOKEN: Invalid token",
    );
    expect(state.nextReqNum).toBe(2);
    expect(state.receipts).toHaveLength(0);
  });
});

describe("resend", () => {
  it("replays byte-identical response", async () => {
    fake = await startFakeOfd(TOKEN);

    await kkm("sell", "--item", "A:10:1");
    const run = await kkm("resend", "--json");

    expect(run.code).toBe(0);
    expect(run.json.sameAsFirst).toBe(true);
    expect(run.json.fiscalSign).toBe("1000000001");
    expect(fake.received).toHaveLength(1);
    expect((await readState()).receipts).toHaveLength(1);
  });

  it("recovers a lost response", async () => {
    let hangUp = true;
    fake = await startFakeOfd(TOKEN, (received) =>
      hangUp ? undefined : okHandler(received),
    );

    const lost = await kkm("sell", "--item", "A:10:1");
    const afterLoss = await readState();
    hangUp = false;
    const run = await kkm("resend", "--json");
    const state = await readState();

    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain(`127.0.0.1:${fake.port}`);
    expect(afterLoss.last?.response).toBeNull();
    expect(afterLoss.nextReqNum).toBe(2);
    expect(run.code).toBe(0);
    expect(run.json.sameAsFirst).toBeNull();
    expect(toHex(fake.received[1]!.frame)).toBe(toHex(fake.received[0]!.frame));
    expect(state.token).toBe(TOKEN + 1000);
    expect(state.receipts[0]?.fiscalSign).toBe("1000000001");
  });

  it("exits 1 when there is nothing to resend", async () => {
    fake = await startFakeOfd(TOKEN);
    const run = await kkm("resend");

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nothing to resend");
  });
});

describe("transport failures", () => {
  it("times out naming host and port", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) =>
      silent.listen(0, "127.0.0.1", resolve),
    );
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;

    const run = await runKkm([
      "ping",
      "--id",
      "77",
      "--token",
      "1",
      "--port",
      String(port),
      "--timeout",
      "200",
      "--state",
      statePath(),
    ]);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `timed out after 200 ms waiting for the response to 127.0.0.1:${port}`,
    );
  });

  it("reports a refused connection", async () => {
    const run = await kkm("ping");

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("connection to 127.0.0.1:1 failed");
  });
});

describe("protocol 2.0.2", () => {
  it("reads a 2.0.2 INFO response", async () => {
    fake = await startFakeOfd(TOKEN, ({ request }) =>
      makeResponse({
        command: request.command,
        result: { resultCode: 0 },
        report: {
          report: ReportTypeEnum.REPORT_X,
          zxReport: {
            dateTime: {
              date: { year: 2025, month: 1, day: 15 },
              time: { hour: 9, minute: 0, second: 0 },
            },
            shiftNumber: 4,
            cashSum: { bills: 1500n, coins: 50 },
            revenue: { sum: { bills: 1000n, coins: 0 }, isNegative: false },
          },
        },
        service: {
          regInfo: {
            kkm: { fnsKkmId: "281948271821", serialNumber: "KTCD1117" },
            pos: { title: "Магазин", address: "Астана" },
            org: { title: "ИП Тест", inn: "960624350642", tenantId: 1 },
          },
        },
      }),
    );

    const run = await kkm("info", "--protocol", "202");
    const state = await readState();

    expect(run.code).toBe(0);
    expect(fake.received[0]?.header.version).toBe(202);
    expect(fake.received[0]?.request.command).toBe(
      CommandTypeEnum.COMMAND_INFO,
    );
    expect(fake.received[0]?.request.service?.getRegInfo).toBe(true);
    expect(run.stdout).toContain("Shift 4 open; cash 1500.50, revenue 1000.00");
    expect(run.stdout).toContain("KGD number 281948271821");
    expect(run.stdout).toContain("Organisation ИП Тест, IIN/BIN 960624350642");
    expect(state.protocol).toBe(202);
    expect(state.shiftNumber).toBe(4);
    expect(state.shiftOpen).toBe(true);
    expect(state.kgdNumber).toBe("281948271821");
  });
});
