import { fromBinary } from "@bufbuild/protobuf";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { UNAVAILABLE_TEXT } from "../../../gateway/fallback";
import { createLogger, type LogEntry } from "../../../gateway/log";
import { startGateway, type GatewayOptions } from "../../../gateway/server";
import {
  HEADER_SIZE,
  MAX_FRAME_SIZE,
  readHeader,
  writeFrame,
} from "../../../proto/frame";
import * as v202 from "../../../proto/gen/kkm/v202/message_pb.js";
import {
  CommandTypeEnum,
  ResponseSchema,
  ResultTypeEnum,
} from "../../../proto/messages";
import {
  answerFor,
  startFakeWorker,
  type FakeWorker,
  type FakeWorkerMode,
} from "./fake-worker";
import { closedPort, exchange, splitEvery } from "./tcp-client";

const TRANSPORTS = ["ws", "http"] as const;

interface Harness {
  worker: FakeWorker | null;
  port: number;
  logs: LogEntry[];
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts a fake Worker (unless `workerUrl` is given) and a gateway. */
async function startHarness(
  options: GatewayOptions & { mode?: FakeWorkerMode } = {},
): Promise<Harness> {
  const { mode, ...gatewayOptions } = options;
  let worker: FakeWorker | null = null;
  if (!gatewayOptions.workerUrl) {
    worker = await startFakeWorker(mode);
    cleanups.push(() => worker!.close());
  }

  const logs: LogEntry[] = [];
  const gateway = await startGateway({
    host: "127.0.0.1",
    port: 0,
    workerUrl: worker?.url,
    readTimeoutMs: 10_000,
    logger: createLogger({ level: "debug", sink: (entry) => logs.push(entry) }),
    ...gatewayOptions,
  });
  cleanups.push(() => gateway.close());

  return { worker, port: gateway.port, logs };
}

/** Builds a request frame whose body starts with the command field. */
function request(
  fields: Partial<{
    version: number;
    kkmId: number;
    token: number;
    reqNum: number;
    command: CommandTypeEnum;
    filler: number;
  }> = {},
): Uint8Array {
  const command = fields.command ?? CommandTypeEnum.COMMAND_TICKET;
  // Field 1 (command) is all the gateway reads; the filler is an unknown
  // length-delimited field 15 that makes the frame longer.
  const filler = new Uint8Array(fields.filler ?? 0).map((_, i) => i & 0xff);
  const body = new Uint8Array(
    fields.filler
      ? Buffer.concat([
          Buffer.from([0x08, command, 0x7a]),
          encodeVarint(filler.length),
          filler,
        ])
      : Buffer.from([0x08, command]),
  );

  return writeFrame(
    {
      version: fields.version ?? 203,
      kkmId: fields.kkmId ?? 100200,
      token: fields.token ?? 0x5eed1234,
      reqNum: fields.reqNum ?? 1,
    },
    body,
  );
}

function encodeVarint(value: number): Buffer {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

function rawHeader(appCode: number, size: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, appCode, true);
  view.setUint16(2, 203, true);
  view.setUint32(4, size, true);
  view.setUint32(8, 100200, true);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function logged(logs: LogEntry[], msg: string): LogEntry[] {
  return logs.filter((entry) => entry.msg === msg);
}

async function waitFor(condition: () => boolean, limitMs = 3000) {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${limitMs} ms`);
    await sleep(20);
  }
}

describe.each(TRANSPORTS)("gateway over %s", (transport) => {
  it("forwards a split frame unchanged", async () => {
    const { worker, port } = await startHarness({ transport });
    const frame = request({ filler: 200 });

    const result = await exchange(port, splitEvery(frame, 7), {
      expectFrames: 1,
      pauseMs: 2,
    });

    expect(result.closedByGateway).toBe(false);
    expect(result.frames).toEqual([answerFor(frame)]);
    expect(worker!.received).toHaveLength(1);
    expect(worker!.received[0]!.transport).toBe(transport);
    expect(worker!.received[0]!.bytes).toEqual(frame);
    expect(worker!.received[0]!.path).toBe(
      transport === "ws" ? "/kkm/ws/100200" : "/kkm/frame",
    );
  });

  it("responds to two frames in order", async () => {
    const { worker, port } = await startHarness({ transport });
    const first = request({ reqNum: 11 });
    const second = request({
      reqNum: 12,
      command: CommandTypeEnum.COMMAND_INFO,
    });

    const result = await exchange(port, [concat(first, second)], {
      expectFrames: 2,
    });

    expect(result.frames).toEqual([answerFor(first), answerFor(second)]);
    expect(worker!.received.map((frame) => frame.bytes)).toEqual([
      first,
      second,
    ]);
  });

  it("forwards a 1 MiB frame", async () => {
    const { worker, port } = await startHarness({ transport });
    const frame = request({ filler: MAX_FRAME_SIZE - HEADER_SIZE - 6 });
    expect(frame.length).toBe(MAX_FRAME_SIZE);

    const result = await exchange(port, splitEvery(frame, 64 * 1024), {
      expectFrames: 1,
    });

    expect(result.frames).toEqual([answerFor(frame)]);
    expect(worker!.received).toHaveLength(1);
    expect(Buffer.compare(worker!.received[0]!.bytes, frame)).toBe(0);
  });

  it("responds after a half-close", async () => {
    const { port } = await startHarness({ transport });
    const frame = request({ reqNum: 5 });

    const result = await exchange(port, [frame], { endAfterWrites: true });

    expect(result.frames).toEqual([answerFor(frame)]);
    expect(result.closedByGateway).toBe(true);
  });

  it.each([202, 203])("responds 254 in %i when down", async (version) => {
    const workerUrl = `http://127.0.0.1:${await closedPort()}`;
    const { port, logs } = await startHarness({ transport, workerUrl });
    const frame = request({
      version,
      kkmId: 777001,
      token: 0xcafef00d,
      reqNum: 4321,
      command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
    });

    const result = await exchange(port, [frame], { expectFrames: 1 });

    expect(result.frames).toHaveLength(1);
    const answer = result.frames[0]!;
    const header = readHeader(answer);
    expect(header.appCode).toBe(0x81a2);
    expect(header.version).toBe(version);
    expect(header.size).toBe(answer.length);
    expect(header.kkmId).toBe(777001);
    expect(header.token).toBe(0xcafef00d);
    expect(header.reqNum).toBe(4321);

    const body = answer.subarray(HEADER_SIZE);
    const response =
      version === 202
        ? fromBinary(v202.ResponseSchema, body)
        : fromBinary(ResponseSchema, body);
    expect(response.command).toBe(CommandTypeEnum.COMMAND_CLOSE_SHIFT);
    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_SERVICE_TEMPORARILY_UNAVAILABLE,
    );
    expect(response.result?.resultCode).toBe(254);
    expect(response.result?.resultText).toBe(UNAVAILABLE_TEXT);

    const errors = logged(logs, "worker request failed");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.level).toBe("error");
    expect(errors[0]!.reason).toBe("unreachable");
    expect(errors[0]!.kkmId).toBe(777001);
    expect(errors[0]!.reqNum).toBe(4321);
  });

  it("responds 254 in 203 to version 999", async () => {
    const workerUrl = `http://127.0.0.1:${await closedPort()}`;
    const { port } = await startHarness({ transport, workerUrl });
    const frame = request({ version: 999, reqNum: 3 });

    const result = await exchange(port, [frame], { expectFrames: 1 });

    const answer = result.frames[0]!;
    expect(readHeader(answer).version).toBe(203);
    expect(readHeader(answer).reqNum).toBe(3);
    const response = fromBinary(ResponseSchema, answer.subarray(HEADER_SIZE));
    expect(response.command).toBe(CommandTypeEnum.COMMAND_TICKET);
    expect(response.result?.resultCode).toBe(254);
  });

  it("responds 254 on upstream timeout", async () => {
    const { port, logs } = await startHarness({
      transport,
      mode: "silent",
      upstreamTimeoutMs: 300,
    });
    const frame = request({ reqNum: 77 });

    const result = await exchange(port, [frame], { expectFrames: 1 });

    expect(result.ms).toBeGreaterThanOrEqual(290);
    expect(result.ms).toBeLessThan(3000);
    const response = fromBinary(
      ResponseSchema,
      result.frames[0]!.subarray(HEADER_SIZE),
    );
    expect(response.result?.resultCode).toBe(254);
    expect(logged(logs, "worker request failed")[0]?.reason).toBe("timeout");
  });

  it("serves the next request after a timeout", async () => {
    const harness = await startHarness({
      transport,
      mode: "silent",
      upstreamTimeoutMs: 300,
    });
    await exchange(harness.port, [request({ reqNum: 1 })], { expectFrames: 1 });

    harness.worker!.mode = "answer";
    const frame = request({ reqNum: 2 });
    const result = await exchange(harness.port, [frame], { expectFrames: 1 });

    expect(result.frames).toEqual([answerFor(frame)]);
  });
});

describe("gateway over http", () => {
  it("responds 254 on HTTP 500", async () => {
    const { port, logs } = await startHarness({
      transport: "http",
      mode: "status-500",
    });

    const result = await exchange(port, [request()], { expectFrames: 1 });

    const response = fromBinary(
      ResponseSchema,
      result.frames[0]!.subarray(HEADER_SIZE),
    );
    expect(response.result?.resultCode).toBe(254);
    expect(logged(logs, "worker request failed")[0]?.reason).toBe("status");
  });
});

describe("gateway over ws", () => {
  it("reuses one socket per KKM", async () => {
    const { worker, port } = await startHarness({ transport: "ws" });

    for (const reqNum of [1, 2, 3]) {
      const frame = request({ reqNum });
      const result = await exchange(port, [frame], { expectFrames: 1 });
      expect(result.frames).toEqual([answerFor(frame)]);
    }
    await exchange(port, [request({ kkmId: 5 })], { expectFrames: 1 });

    expect(worker!.wsOpened).toBe(2);
  });

  it("reconnects after the worker closes", async () => {
    const { worker, port } = await startHarness({
      transport: "ws",
      mode: "answer-then-close",
    });

    for (const reqNum of [1, 2, 3]) {
      const frame = request({ reqNum });
      const result = await exchange(port, [frame], { expectFrames: 1 });
      expect(result.frames, `request ${reqNum}`).toEqual([answerFor(frame)]);
      await waitFor(() => worker!.wsClosed === reqNum);
    }

    expect(worker!.wsOpened).toBe(3);
  });

  it("closes idle sockets", async () => {
    const { worker, port } = await startHarness({
      transport: "ws",
      idleTimeoutMs: 200,
    });

    await exchange(port, [request()], { expectFrames: 1 });
    expect(worker!.wsClosed).toBe(0);

    await waitFor(() => worker!.wsClosed === 1);
    const frame = request({ reqNum: 2 });
    const result = await exchange(port, [frame], { expectFrames: 1 });
    expect(result.frames).toEqual([answerFor(frame)]);
    expect(worker!.wsOpened).toBe(2);
  });

  it("queues concurrent requests per KKM", async () => {
    const { worker, port } = await startHarness({ transport: "ws" });
    const frames = [1, 2, 3, 4].map((reqNum) => request({ reqNum }));

    const results = await Promise.all(
      frames.map((frame) => exchange(port, [frame], { expectFrames: 1 })),
    );

    results.forEach((result, i) => {
      expect(result.frames, `request ${i + 1}`).toEqual([
        answerFor(frames[i]!),
      ]);
    });
    expect(worker!.wsOpened).toBe(1);
    expect(worker!.received).toHaveLength(4);
  });
});

describe("gateway header checks", () => {
  it.each([
    ["wrong APPCODE", rawHeader(0x1234, 40), "appcode"],
    ["SIZE 17", rawHeader(0x81a2, 17), "size"],
    ["SIZE 1 MiB + 1", rawHeader(0x81a2, MAX_FRAME_SIZE + 1), "size"],
  ])("closes on %s", async (_name, header, reason) => {
    const { worker, port, logs } = await startHarness();

    const result = await exchange(port, [concat(header, new Uint8Array(40))]);

    expect(result.closedByGateway).toBe(true);
    expect(result.frames).toEqual([]);
    // Well before the 10 s read deadline, so the header check closed it.
    expect(result.ms).toBeLessThan(2000);
    expect(worker!.received).toHaveLength(0);

    const warnings = logged(logs, "invalid frame header");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe("warn");
    expect(warnings[0]!.reason).toBe(reason);
  });

  it("responds to frames before bad header", async () => {
    const { port } = await startHarness();
    const good = request({ reqNum: 8 });

    const result = await exchange(port, [concat(good, rawHeader(0, 18))]);

    expect(result.frames).toEqual([answerFor(good)]);
    expect(result.closedByGateway).toBe(true);
  });

  it("serves the next connection after a bad one", async () => {
    const { port } = await startHarness();
    await exchange(port, [rawHeader(0x4547, 18)]);

    const frame = request({ reqNum: 9 });
    const result = await exchange(port, [frame], { expectFrames: 1 });

    expect(result.frames).toEqual([answerFor(frame)]);
  });
});

describe("gateway read deadline", () => {
  it("cuts off a client stalled mid-frame", async () => {
    const { worker, port, logs } = await startHarness({ readTimeoutMs: 300 });
    const partial = request({ filler: 50 }).subarray(0, 30);

    const result = await exchange(
      port,
      [partial.subarray(0, 10), partial.subarray(10)],
      {
        pauseMs: 100,
      },
    );

    expect(result.closedByGateway).toBe(true);
    expect(result.ms).toBeGreaterThanOrEqual(280);
    expect(result.ms).toBeLessThan(2000);
    expect(worker!.received).toHaveLength(0);

    const warnings = logged(logs, "read timed out");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe("warn");
    expect(warnings[0]!.bufferedBytes).toBe(30);
  });

  it("keeps the deadline across chunks", async () => {
    const { port } = await startHarness({ readTimeoutMs: 300 });
    const frame = request({ filler: 50 });

    // One byte every 60 ms would take about 4 s; the deadline is 300 ms.
    const result = await exchange(port, splitEvery(frame, 1), { pauseMs: 60 });

    expect(result.closedByGateway).toBe(true);
    expect(result.frames).toEqual([]);
    expect(result.ms).toBeLessThan(1500);
  });

  it("cuts off a client that sends nothing", async () => {
    const { port, logs } = await startHarness({ readTimeoutMs: 300 });

    const result = await exchange(port, []);

    expect(result.closedByGateway).toBe(true);
    expect(result.ms).toBeGreaterThanOrEqual(280);
    expect(result.ms).toBeLessThan(2000);
    expect(logged(logs, "read timed out")[0]?.bufferedBytes).toBe(0);
  });

  it("rearms the deadline after an answer", async () => {
    const { port } = await startHarness({ readTimeoutMs: 300 });
    const first = request({ reqNum: 1 });
    const second = request({ reqNum: 2 });

    // The pause is shorter than the deadline but the two writes together
    // take longer, so only a deadline per frame lets both through.
    const result = await exchange(port, [first, second], {
      expectFrames: 2,
      pauseMs: 200,
    });

    expect(result.frames).toEqual([answerFor(first), answerFor(second)]);
  });
});

describe("gateway connection limit", () => {
  it("drops connections over the limit", async () => {
    const { port, logs } = await startHarness({
      maxConnections: 1,
      readTimeoutMs: 2000,
    });

    const idle = exchange(port, []);
    await sleep(100);
    const dropped = await exchange(port, [], { limitMs: 1000 });

    expect(dropped.closedByGateway).toBe(true);
    expect(dropped.ms).toBeLessThan(500);
    expect(
      logged(logs, "connection limit reached, connections dropped"),
    ).toHaveLength(1);
    expect((await idle).closedByGateway).toBe(true);
  });
});

describe("gateway close", () => {
  it("stops accepting and closes", async () => {
    const worker = await startFakeWorker();
    cleanups.push(() => worker.close());
    const gateway = await startGateway({
      port: 0,
      workerUrl: worker.url,
      logger: createLogger({ sink: () => {} }),
    });
    await exchange(gateway.port, [request()], { expectFrames: 1 });

    await gateway.close();

    await expect(exchange(gateway.port, [request()])).rejects.toThrow(
      /ECONNREFUSED/,
    );
    await waitFor(() => worker.wsClosed === 1);
  });
});
