/**
 * Transport benchmark: the gateway's two ways to the Worker, `ws` (one
 * WebSocket per KKM) and `http` (one POST per frame), under register-like
 * load. Starts its own wrangler dev and gateways on free ports of 127.0.0.1
 * and stops them by PID at the end, on errors and on its hard timeout.
 *
 *   node --import tsx bench/transport.ts [--seconds 10] [--kkms 1,50]
 */
import type { ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fetchDemo } from "../scripts/lib/demo-data";
import {
  migrateLocal,
  startGatewayProcess,
  startWrangler,
  waitForOk,
  waitForPort,
  type Started,
} from "../scripts/lib/processes";
import { percentile, runLoad, type LoadResult, type Register } from "./load";

const ROOT = path.resolve(import.meta.dirname, "..");

const TRANSPORTS = ["ws", "http"] as const;
type Transport = (typeof TRANSPORTS)[number];

const HELP = `Usage: node --import tsx bench/transport.ts [options]

Measures the gateway's ws and http transports to a local wrangler dev.
Each request is a COMMAND_TICKET sell on its own TCP connection, sent with
the token the previous response issued. Each KKM has one request in flight.

  --seconds <n>        measured time per scenario in seconds, 1 to 300
                       (default 10)
  --kkms <list>        KKM counts, one scenario each (default 1,50). A count
                       of 1 runs sequentially, larger counts concurrently,
                       up to the KKMs the demo seed registers
  --transports <list>  ws, http or both (default ws,http)
  --warmup <seconds>   unmeasured load before each scenario in seconds,
                       0 to 60 (default 1)
  -h, --help           print this help
`;

/** Time allowed for migrations, wrangler dev and the demo seed, in ms. */
const STARTUP_BUDGET_MS = 180_000;

/** Time allowed per gateway start and per scenario beyond its load, in ms. */
const STEP_BUDGET_MS = 30_000;

/** Maximum requests per KKM and scenario, whatever the duration. */
const MAX_REQUESTS_PER_KKM = 100_000;

/** Output kept per process for error messages, in characters. */
const OUTPUT_TAIL_CHARS = 8000;

/** Warning and error log lines kept for the report. */
const MAX_WARNINGS = 10;

/**
 * Log lines worth printing: JSON warnings and errors, and wrangler dev
 * reloading the Worker after a source file changed, which closes its
 * WebSockets.
 */
const NOTABLE_LINE = /"level":"(warn|error)"|Reloading local server/;

interface Options {
  seconds: number;
  kkms: number[];
  transports: Transport[];
  warmupSeconds: number;
}

interface Row {
  transport: Transport;
  scenario: string;
  result: LoadResult;
}

const running: Started[] = [];
const outputTails = new Map<string, string>();
/** Last notable log lines of the started processes. */
const warnings: string[] = [];
let persistTo: string | null = null;

/** Stops every started process, newest first, and removes the temp state. */
async function stopAll(): Promise<void> {
  for (const child of running.splice(0).reverse()) await child.stop();
  if (persistTo) await rm(persistTo, { recursive: true, force: true });
  persistTo = null;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      seconds: { type: "string", default: "10" },
      kkms: { type: "string", default: "1,50" },
      transports: { type: "string", default: TRANSPORTS.join(",") },
      warmup: { type: "string", default: "1" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return null;

  const kkms = values.kkms.split(",").map((text) => {
    return readInteger("--kkms", text.trim(), 1, 1000);
  });
  const transports = values.transports.split(",").map((text) => {
    const name = text.trim();
    if (!(TRANSPORTS as readonly string[]).includes(name)) {
      throw new Error(
        `invalid --transports "${values.transports}": expected ws, http or ws,http`,
      );
    }
    return name as Transport;
  });

  return {
    seconds: readInteger("--seconds", values.seconds, 1, 300),
    kkms,
    transports,
    warmupSeconds: readInteger("--warmup", values.warmup, 0, 60),
  };
}

function readInteger(
  option: string,
  text: string,
  min: number,
  max: number,
): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new Error(
      `invalid ${option} "${text}": expected an integer from ${min} to ${max}`,
    );
  }
  return value;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Drains a child's output and keeps its end for error messages, plus its
 * last warning and error lines. The gateway logs a line per frame, so an
 * undrained pipe would fill and stall it.
 */
function keepTail(child: ChildProcess, name: string): void {
  outputTails.set(name, "");
  let partial = "";
  const append = (chunk: Buffer) => {
    const text = (outputTails.get(name) ?? "") + chunk.toString("utf8");
    outputTails.set(name, text.slice(-OUTPUT_TAIL_CHARS));

    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = (lines.pop() ?? "").slice(-OUTPUT_TAIL_CHARS);
    for (const line of lines) {
      if (!NOTABLE_LINE.test(line)) continue;
      warnings.push(`${name}: ${line}`);
      warnings.splice(0, warnings.length - MAX_WARNINGS);
    }
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
}

/** Exits with code 1 when a started process dies before the end. */
function failOnExit(child: Started, name: string): void {
  child.process.once("exit", (code, signal) => {
    if (running.includes(child)) {
      void fail(new Error(`${name} exited early (${signal ?? code})`));
    }
  });
}

async function startWorker(
  kkmCount: number,
): Promise<{ url: string; registers: Register[] }> {
  persistTo = await mkdtemp(path.join(os.tmpdir(), "kz-ofd-bench-"));
  // wrangler dev rejects an assets directory that does not exist.
  await mkdir(path.join(ROOT, "web/dist"), { recursive: true });
  migrateLocal(persistTo);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const wrangler = startWrangler({
    port,
    inspectorPort: await freePort(),
    persistTo,
    vars: { DEMO_MODE: "on", RECEIPT_CHECK_URL: `${url}/check` },
    stdio: "pipe",
  });
  running.push(wrangler);
  keepTail(wrangler.process, "wrangler dev");
  failOnExit(wrangler, "wrangler dev");
  await waitForOk(`${url}/api/health`, 90_000);

  const demo = await fetchDemo(url, kkmCount);
  const registers = demo.kkms.map((kkm) => ({
    kkmId: kkm.kkmId,
    token: kkm.token,
    nextReqNum: 1,
    pendingFrame: null,
  }));
  return { url, registers };
}

async function startGateway(
  workerUrl: string,
  transport: Transport,
): Promise<{ port: number; gateway: Started }> {
  const port = await freePort();
  const gateway = startGatewayProcess({
    port,
    workerUrl,
    transport,
    stdio: "pipe",
  });
  running.push(gateway);
  keepTail(gateway.process, `gateway ${transport}`);
  failOnExit(gateway, `gateway ${transport}`);
  await waitForPort(port, 20_000);
  return { port, gateway };
}

async function stopGateway(gateway: Started): Promise<void> {
  running.splice(running.indexOf(gateway), 1);
  await gateway.stop();
}

function scenarioName(requested: number, used: number): string {
  if (used === 1) {
    return requested === 1
      ? "1 KKM sequential"
      : `1 KKM sequential (${requested} requested)`;
  }
  const name = `${used} KKMs concurrent`;
  return used < requested ? `${name} (${requested} requested)` : name;
}

function formatTable(rows: Row[]): string {
  const header = [
    "transport",
    "scenario",
    "requests",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors",
  ];
  const lines = rows.map(({ transport, scenario, result }) => [
    transport,
    scenario,
    String(result.ok),
    (result.ok / (result.elapsedMs / 1000)).toFixed(1),
    percentile(result.latenciesMs, 0.5).toFixed(1),
    percentile(result.latenciesMs, 0.99).toFixed(1),
    String(result.errors),
  ]);

  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        // Text columns align left, figures right.
        column < 2
          ? cell.padEnd(widths[column]!)
          : cell.padStart(widths[column]!),
      )
      .join("  ");
  return [format(header), ...lines.map(format)].join("\n");
}

function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  return (
    `Machine: ${cpus.length} cores (${model}), ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
    `Node ${process.version}, ${os.type()} ${os.release()}`
  );
}

let failing = false;

/** Reports `error`, stops everything started and exits with code 1. */
async function fail(error: unknown, showOutput = true): Promise<never> {
  if (!failing) {
    failing = true;
    console.error(`bench failed: ${(error as Error).message ?? error}`);
    for (const [name, text] of outputTails) {
      if (showOutput && text) {
        console.error(`--- last output of ${name} ---\n${text}`);
      }
    }
    await stopAll();
  }
  process.exit(1);
}

async function main(): Promise<void> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}; see --help`);
    process.exitCode = 64;
    return;
  }
  if (!options) {
    process.stdout.write(HELP);
    return;
  }

  const scenarioMs =
    (options.seconds + options.warmupSeconds) * 1000 + STEP_BUDGET_MS;
  const hardTimeoutMs =
    STARTUP_BUDGET_MS +
    options.transports.length *
      (STEP_BUDGET_MS + options.kkms.length * scenarioMs);
  const hardTimer = setTimeout(() => {
    void fail(new Error(`hard timeout of ${hardTimeoutMs / 1000} s reached`));
  }, hardTimeoutMs);
  process.once("SIGINT", () => void fail(new Error("interrupted"), false));
  process.once("SIGTERM", () => void fail(new Error("terminated"), false));

  console.log(describeMachine());
  console.log(`Hard timeout of this run: ${hardTimeoutMs / 1000} s`);
  console.log("Starting wrangler dev with a temporary state folder…");
  const { url, registers } = await startWorker(
    Math.min(Math.max(...options.kkms, 2), 200),
  );

  const largest = Math.max(...options.kkms);
  if (largest > registers.length) {
    // The demo seed registers at most 200 KKMs.
    console.log(
      `NOTE: the demo seed registered ${registers.length} KKMs, so scenarios ` +
        `of more KKMs run ${registers.length} concurrent KKMs.`,
    );
  }

  const rows: Row[] = [];
  for (const transport of options.transports) {
    const { port, gateway } = await startGateway(url, transport);

    for (const requested of options.kkms) {
      const used = registers.slice(0, Math.min(requested, registers.length));
      const scenario = scenarioName(requested, used.length);
      console.log(`Running ${transport}, ${scenario}…`);

      if (options.warmupSeconds > 0) {
        await runLoad(port, used, {
          durationMs: options.warmupSeconds * 1000,
          maxRequestsPerRegister: MAX_REQUESTS_PER_KKM,
        });
      }
      const result = await runLoad(port, used, {
        durationMs: options.seconds * 1000,
        maxRequestsPerRegister: MAX_REQUESTS_PER_KKM,
      });
      rows.push({ transport, scenario, result });
      for (const sample of result.errorSamples) {
        console.log(`  error: ${sample}`);
      }
      // The gateway and the Worker log why a request failed.
      for (const line of warnings.splice(0)) console.log(`  log: ${line}`);
    }
    await stopGateway(gateway);
  }

  console.log("");
  console.log(formatTable(rows));
  console.log("");
  console.log(
    `Each scenario: ${options.seconds} s measured after ` +
      `${options.warmupSeconds} s of warm-up; p50 and p99 over OK responses, ` +
      "from connect to close.",
  );

  clearTimeout(hardTimer);
  await stopAll();
}

main().catch((error) => fail(error));
