/**
 * The KKM path end to end: the simulator and hand-built frames over TCP to
 * the gateway process, on to wrangler dev, and into each KKM's Durable
 * Object with local state in a temporary folder.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoKkm } from "../../../scripts/lib/demo-data";
import { APPCODE, splitFrame, writeFrame } from "../../../proto/frame";
import {
  CommandTypeEnum,
  RequestSchema,
  ResponseSchema,
  ResultTypeEnum,
} from "../../../proto/messages";
import { formatLocalDateTime, toAlmatyTime } from "../../../simulator/clock";
import { exchange } from "../gateway/tcp-client";
import { startLocalSystem, type LocalSystem } from "./local-system";
import {
  readState,
  runSimulator,
  type SimulatorRun,
} from "./simulator-process";

/** REQNUM of the hand-built frames, far from the simulator's own numbers. */
const RAW_REQNUM = 60_000;

let system: LocalSystem;
let stateDir: string;

beforeAll(async () => {
  system = await startLocalSystem();
  stateDir = path.join(system.persistTo, "simulator");
  await mkdir(stateDir);
});

afterAll(async () => {
  await system?.stop();
});

function demoKkm(index: number): DemoKkm {
  const kkm = system.demo.kkms[index];
  if (!kkm) throw new Error(`demo seed returned no KKM at index ${index}`);
  return kkm;
}

function statePath(name: string): string {
  return path.join(stateDir, `${name}.json`);
}

/**
 * Connection options of a demo KKM. The seed token is used only while the
 * state file does not exist, because after that the file has the rotated
 * token.
 */
function kkmArgs(kkm: DemoKkm, state: string, token = kkm.token): string[] {
  return [
    "--host",
    "127.0.0.1",
    "--port",
    String(system.gatewayPort),
    "--id",
    String(kkm.kkmId),
    "--token",
    String(token),
    "--state",
    state,
  ];
}

/** Current wall-clock time in Asia/Almaty, as the simulator's --at takes. */
function almatyNow(): string {
  return formatLocalDateTime(toAlmatyTime(new Date()));
}

/** Formats a local time "2025-01-15T12:30:00" as the QR `t` field. */
function qrTime(localTime: string): string {
  return localTime.replace(/[-:]/g, "");
}

async function sell(
  kkm: DemoKkm,
  state: string,
  at: string,
  items: string[],
): Promise<SimulatorRun> {
  const itemArgs = items.flatMap((item) => ["--item", item]);
  return runSimulator([
    "sell",
    ...kkmArgs(kkm, state),
    "--at",
    at,
    ...itemArgs,
  ]);
}

/** Builds an INFO request frame as a register sends it. */
function infoFrame(kkm: DemoKkm, token: number): Uint8Array {
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_INFO,
    service: {
      getRegInfo: true,
      regInfo: { kkm: { kkmId: String(kkm.kkmId) } },
    },
  });
  return writeFrame(
    { version: 203, kkmId: kkm.kkmId, token, reqNum: RAW_REQNUM },
    toBinary(RequestSchema, request),
  );
}

describe("KKM over TCP through the gateway", () => {
  it("info returns the registration", async () => {
    const kkm = demoKkm(0);

    const run = await runSimulator(["info", ...kkmArgs(kkm, statePath("a"))]);

    expect(run.exitCode).toBe(0);
    expect(run.output.result?.code).toBe(0);
    expect(run.output.registration?.kgdNumber).toBe(kkm.kgdNumber);
    expect(run.output.registration?.kkmId).toBe(String(kkm.kkmId));
  });

  it("sell returns sign and QR, rotates token", async () => {
    const kkm = demoKkm(0);
    const state = statePath("a");
    const at = almatyNow();
    const tokenBefore = (await readState(state).catch(() => null))?.token;

    const run = await sell(kkm, state, at, ["Bread:250:2", "Milk:100.50:1"]);

    expect(run.exitCode).toBe(0);
    expect(run.output.result?.code).toBe(0);
    expect(run.output.total).toBe("600.50");
    const sign = run.output.fiscalSign ?? "";
    expect(sign).toMatch(/^[1-9]\d{9}$/);
    expect(run.output.qr).toBe(
      `${system.workerUrl}/check?i=${sign}&f=${kkm.kgdNumber}` +
        `&s=600.50&t=${qrTime(at)}`,
    );

    expect(run.output.tokenRotated).toBe(true);
    const tokenAfter = (await readState(state)).token;
    expect(tokenAfter).toBe(run.output.token);
    expect(tokenAfter).not.toBe(tokenBefore ?? kkm.token);
  });

  it("resend replays response, counts once", async () => {
    // The second KKM has no other receipts, so its shift counts are exact.
    const kkm = demoKkm(1);
    const state = statePath("b");

    const first = await sell(kkm, state, almatyNow(), ["Tea:1234.50:1"]);
    expect(first.exitCode).toBe(0);
    const firstSign = first.output.fiscalSign;
    expect(firstSign).toMatch(/^[1-9]\d{9}$/);
    const rotatedToken = (await readState(state)).token;

    const resend = await runSimulator(["resend", ...kkmArgs(kkm, state)]);

    expect(resend.exitCode).toBe(0);
    expect(resend.output.result?.code).toBe(0);
    expect(resend.output.responseFrame).toBe(first.output.responseFrame);
    expect(resend.output.fiscalSign).toBe(firstSign);
    // The replayed response carries the token that the first one issued.
    expect((await readState(state)).token).toBe(rotatedToken);

    const second = await sell(kkm, state, almatyNow(), ["Sugar:99.99:2"]);

    expect(second.exitCode).toBe(0);
    expect(second.output.result?.code).toBe(0);
    expect(second.output.fiscalSign).toMatch(/^[1-9]\d{9}$/);
    expect(second.output.fiscalSign).not.toBe(firstSign);
    expect(second.output.tokenRotated).toBe(true);

    // INFO returns the X report of the open shift: two receipts, not three.
    const info = await runSimulator(["info", ...kkmArgs(kkm, state)]);

    expect(info.exitCode).toBe(0);
    expect(info.output.report?.report).toBe("X");
    const sales = info.output.report?.tickets.filter(
      (entry) => entry.operation === "sell",
    );
    expect(sales).toHaveLength(1);
    expect(sales?.[0]?.count).toBe(2);
    expect(sales?.[0]?.sum).toBe("1434.48");
  });

  it("wrong token gives result 2", async () => {
    const kkm = demoKkm(0);
    const state = statePath("a");
    const good = await runSimulator(["info", ...kkmArgs(kkm, state)]);
    expect(good.exitCode).toBe(0);
    const issued = (await readState(state)).token;
    const wrongToken = issued === 1 ? 2 : 1;

    const wrong = await runSimulator([
      "sell",
      ...kkmArgs(kkm, statePath("wrong-token"), wrongToken),
      "--item",
      "Bread:250:1",
    ]);

    expect(wrong.exitCode).toBe(2);
    expect(wrong.output.result?.code).toBe(
      ResultTypeEnum.RESULT_TYPE_INVALID_TOKEN,
    );
    expect(wrong.output.fiscalSign).toBeUndefined();

    // The rejected frame leaves the issued token and the session as they were.
    const next = await sell(kkm, state, almatyNow(), ["Bread:250:1"]);

    expect(next.exitCode).toBe(0);
    expect(next.output.result?.code).toBe(0);
    expect(next.output.fiscalSign).toMatch(/^[1-9]\d{9}$/);
  });

  it("gateway relays a hand-built INFO frame", async () => {
    const kkm = demoKkm(0);
    const token = (await readState(statePath("a"))).token;

    const result = await exchange(system.gatewayPort, [infoFrame(kkm, token)], {
      expectFrames: 1,
    });

    expect(result.frames).toHaveLength(1);
    const { header, body } = splitFrame(result.frames[0]!);
    expect(header.appCode).toBe(APPCODE);
    expect(header.version).toBe(203);
    expect(header.kkmId).toBe(kkm.kkmId);
    expect(header.reqNum).toBe(RAW_REQNUM);
    // INFO is not a fiscal document, so the token does not rotate.
    expect(header.token).toBe(token);

    const response = fromBinary(ResponseSchema, body);
    expect(response.command).toBe(CommandTypeEnum.COMMAND_INFO);
    expect(response.result?.resultCode).toBe(0);
    expect(response.service?.regInfo?.kkm?.fnsKkmId).toBe(kkm.kgdNumber);
  });

  it("gateway closes on a wrong APPCODE", async () => {
    const kkm = demoKkm(0);
    const token = (await readState(statePath("a"))).token;
    const frame = infoFrame(kkm, token);
    new DataView(frame.buffer).setUint16(0, 0x1234, true);

    const result = await exchange(system.gatewayPort, [frame], {
      limitMs: 10_000,
    });

    expect(result.closedByGateway).toBe(true);
    expect(result.frames).toHaveLength(0);

    // The gateway itself keeps serving other connections.
    const after = await exchange(system.gatewayPort, [infoFrame(kkm, token)], {
      expectFrames: 1,
    });
    expect(after.frames).toHaveLength(1);
  });
});
