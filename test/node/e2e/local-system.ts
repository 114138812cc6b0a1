/**
 * The whole local system for end-to-end tests: wrangler dev with its own
 * temporary D1 and Durable Object state, the demo data, and the TCP gateway,
 * each a real process on a free port of 127.0.0.1.
 */
import type { ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fetchDemo, type DemoData } from "../../../scripts/lib/demo-data";
import {
  migrateLocal,
  startGatewayProcess,
  startWrangler,
  waitForOk,
  waitForPort,
  type Started,
} from "../../../scripts/lib/processes";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Output kept per process for error messages, in characters. */
const OUTPUT_TAIL_CHARS = 8000;

/** A running Worker, gateway and demo organisation. */
export interface LocalSystem {
  /** Folder of the local D1 and Durable Object state, removed by stop(). */
  persistTo: string;
  workerUrl: string;
  gatewayPort: number;
  demo: DemoData;
  /** Last output of wrangler dev and the gateway, for failure messages. */
  output(): string;
  /** Stops the gateway and wrangler dev by PID and removes `persistTo`. */
  stop(): Promise<void>;
}

/** Returns a port on 127.0.0.1 that was free a moment ago and is now closed. */
export async function freePort(): Promise<number> {
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
 * Starts wrangler dev with DEMO_MODE on, seeds the demo data and starts the
 * gateway. On failure it stops what it started and throws with the output
 * of both processes.
 */
export async function startLocalSystem(
  transport: "ws" | "http" = "ws",
): Promise<LocalSystem> {
  const persistTo = await mkdtemp(path.join(os.tmpdir(), "kz-ofd-e2e-"));
  const running: Started[] = [];
  const tails = new Map<string, string>();

  const stop = async () => {
    // The gateway goes first, so it does not log the Worker's shutdown.
    for (const child of running.splice(0).reverse()) await child.stop();
    await rm(persistTo, { recursive: true, force: true });
  };
  const output = () =>
    [...tails].map(([name, text]) => `--- ${name} ---\n${text}`).join("\n");

  try {
    // wrangler dev rejects an assets directory that does not exist, and
    // `npm test` builds the portal into it only before the whole suite.
    await mkdir(path.join(ROOT, "web/dist"), { recursive: true });
    migrateLocal(persistTo);

    const port = await freePort();
    const workerUrl = `http://127.0.0.1:${port}`;
    const wrangler = startWrangler({
      port,
      inspectorPort: await freePort(),
      persistTo,
      // The check page is this Worker's, so QR codes in tests are exact.
      vars: { DEMO_MODE: "on", RECEIPT_CHECK_URL: `${workerUrl}/check` },
      stdio: "pipe",
    });
    running.push(wrangler);
    keepTail(wrangler.process, "wrangler dev", tails);
    await waitForOk(`${workerUrl}/api/health`, 90_000);

    const demo = await fetchDemo(workerUrl);

    const gatewayPort = await freePort();
    const gateway = startGatewayProcess({
      port: gatewayPort,
      workerUrl,
      transport,
      stdio: "pipe",
    });
    running.push(gateway);
    keepTail(gateway.process, "gateway", tails);
    await waitForPort(gatewayPort, 20_000);

    return { persistTo, workerUrl, gatewayPort, demo, output, stop };
  } catch (error) {
    const message = `${(error as Error).message}\n${output()}`;
    await stop();
    throw new Error(`local system failed to start: ${message}`, {
      cause: error,
    });
  }
}

/**
 * Reads a child's stdout and stderr, keeping the last characters. Reading
 * also matters because a full pipe would block the child.
 */
function keepTail(
  child: ChildProcess,
  name: string,
  tails: Map<string, string>,
): void {
  tails.set(name, "");
  const append = (chunk: Buffer) => {
    const text = (tails.get(name) ?? "") + chunk.toString("utf8");
    tails.set(name, text.slice(-OUTPUT_TAIL_CHARS));
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
}
