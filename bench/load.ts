/**
 * The load of the transport benchmark: registers that each send one
 * COMMAND_TICKET sell per TCP connection, with the token the previous
 * response issued, and at most one request in flight.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { splitFrame, writeFrame } from "../proto/frame";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  RequestSchema,
  ResponseSchema,
  ResultTypeEnum,
} from "../proto/messages";
import { toAlmatyTime } from "../simulator/clock";
import { buildTicket } from "../simulator/receipt";
import { followingReqNum } from "../simulator/state";
import { tcpTransport } from "../simulator/transport-tcp";
import { encodeRequestBody } from "../simulator/wire";

/** Deadline of one exchange, the simulator's default. */
const EXCHANGE_TIMEOUT_MS = 10_000;

/** Pause before resending a frame that got no response or result 254. */
const RETRY_PAUSE_MS = 100;

/** Distinct error messages kept per scenario for the report. */
const MAX_ERROR_SAMPLES = 5;

/** One register's protocol state, carried from scenario to scenario. */
export interface Register {
  kkmId: number;
  token: number;
  nextReqNum: number;
  /**
   * A frame whose response was lost or was result 254. A register sends
   * the same bytes again, so the OFD can replay its response instead of
   * counting the receipt twice.
   */
  pendingFrame: Uint8Array | null;
}

/** Figures of one scenario. */
export interface LoadResult {
  /** Requests that got result 0. */
  ok: number;
  /** Requests that failed: no response, or a result other than 0. */
  errors: number;
  /** Wall-clock time of the measured part, in ms. */
  elapsedMs: number;
  /** Round trip of each OK request, connect to close, in ms. */
  latenciesMs: number[];
  /** Up to MAX_ERROR_SAMPLES distinct error messages. */
  errorSamples: string[];
}

/** Limits of one scenario. Whichever is reached first ends it. */
export interface LoadLimits {
  durationMs: number;
  /** Requests per register, so a very fast path still ends. */
  maxRequestsPerRegister: number;
}

/**
 * Runs every register in its own loop against the gateway at
 * 127.0.0.1:`port` until the limits are reached.
 */
export async function runLoad(
  port: number,
  registers: Register[],
  limits: LoadLimits,
): Promise<LoadResult> {
  const result: LoadResult = {
    ok: 0,
    errors: 0,
    elapsedMs: 0,
    latenciesMs: [],
    errorSamples: [],
  };
  const started = performance.now();
  const deadline = started + limits.durationMs;

  await Promise.all(
    registers.map((register) =>
      runRegister(port, register, deadline, limits, result),
    ),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

async function runRegister(
  port: number,
  register: Register,
  deadline: number,
  limits: LoadLimits,
  result: LoadResult,
): Promise<void> {
  const transport = tcpTransport("127.0.0.1", port, EXCHANGE_TIMEOUT_MS);

  for (
    let sent = 0;
    sent < limits.maxRequestsPerRegister && performance.now() < deadline;
    sent++
  ) {
    const frame = register.pendingFrame ?? nextSellFrame(register);
    register.pendingFrame = frame;
    const requestStarted = performance.now();

    let reply: Uint8Array;
    try {
      reply = await transport.exchange(frame);
    } catch (error) {
      recordError(result, `kkm ${register.kkmId}: ${errorText(error)}`);
      await sleep(RETRY_PAUSE_MS);
      continue;
    }
    const ms = performance.now() - requestStarted;

    const problem = acceptReply(register, reply);
    if (problem) {
      recordError(result, `kkm ${register.kkmId}: ${problem}`);
      // Result 254 comes from the gateway at once when the Worker is down.
      if (register.pendingFrame) await sleep(RETRY_PAUSE_MS);
      continue;
    }
    result.ok++;
    result.latenciesMs.push(ms);
  }
}

/**
 * Takes the response into the register's state and returns null when it is
 * result 0, or a description of the problem.
 */
function acceptReply(register: Register, reply: Uint8Array): string | null {
  let code: number | undefined;
  let text = "";
  try {
    const { header, body } = splitFrame(reply);
    const response = fromBinary(ResponseSchema, body);
    code = response.result?.resultCode;
    text = response.result?.resultText ?? "";
    // Registers keep whatever token a response carries, errors included.
    register.token = header.token;
  } catch (error) {
    return `invalid response frame: ${errorText(error)}`;
  }

  const unavailable =
    code === ResultTypeEnum.RESULT_TYPE_SERVICE_TEMPORARILY_UNAVAILABLE;
  if (!unavailable) register.pendingFrame = null;
  if (code === 0) return null;
  return `result ${code ?? "missing"} ${text}`.trim();
}

/** Builds a 500.00 tenge cash sale with the register's next REQNUM. */
function nextSellFrame(register: Register): Uint8Array {
  const { ticket } = buildTicket({
    protocol: 203,
    operation: OperationTypeEnum.OPERATION_SELL,
    dateTime: toAlmatyTime(new Date()),
    operator: { code: 1, name: "Bench" },
    lines: [{ name: "Bread", price: 25_000n, quantity: 2_000n, section: "1" }],
    vatPercent: null,
    payments: [{ kind: "cash" }],
  });
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket,
    service: { regInfo: { kkm: { kkmId: String(register.kkmId) } } },
  });

  const reqNum = register.nextReqNum;
  register.nextReqNum = followingReqNum(reqNum);
  return writeFrame(
    { version: 203, kkmId: register.kkmId, token: register.token, reqNum },
    encodeRequestBody(203, request),
  );
}

function recordError(result: LoadResult, message: string): void {
  result.errors++;
  const samples = result.errorSamples;
  if (samples.length < MAX_ERROR_SAMPLES && !samples.includes(message)) {
    samples.push(message);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns the `fraction` percentile (0..1) by nearest rank, or NaN. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]!;
}
