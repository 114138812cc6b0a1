/**
 * Starting and stopping the local system's processes: wrangler dev (the
 * Worker with local D1 and Durable Objects) and the TCP gateway. Shared by
 * the start command and the end-to-end tests.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Environment that keeps wrangler and miniflare off the network. */
export const QUIET_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

export interface Started {
  process: ChildProcess;
  /** Settles when the process has exited. */
  exited: Promise<void>;
  /** Sends SIGTERM and waits for the exit, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface WranglerOptions {
  port: number;
  inspectorPort: number;
  /** Folder of local D1 and Durable Object state; wrangler's default if unset. */
  persistTo?: string;
  vars?: Record<string, string>;
  /** Where output goes: "inherit" shows it, "pipe" keeps it for the caller. */
  stdio?: "inherit" | "pipe" | "ignore";
}

/** Applies the D1 migrations to the local database. */
export function migrateLocal(persistTo?: string): void {
  const args = ["d1", "migrations", "apply", "DB", "--local"];
  if (persistTo) args.push("--persist-to", persistTo);
  runChecked(process.execPath, [wranglerBin(), ...args]);
}

/** Runs a command to completion; throws with its output if it fails. */
export function runChecked(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...QUIET_ENV, CI: "true" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(" ")} failed with exit code ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * Starts wrangler dev through its own bin script, which passes SIGTERM on
 * to workerd; `npx` would not, and would leave workerd running.
 */
export function startWrangler(options: WranglerOptions): Started {
  const args = [
    wranglerBin(),
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--inspector-port",
    String(options.inspectorPort),
    "--show-interactive-dev-session=false",
  ];
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  for (const [name, value] of Object.entries(options.vars ?? {})) {
    args.push("--var", `${name}:${value}`);
  }
  return started(
    spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...QUIET_ENV },
      stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
    }),
  );
}

export interface GatewayProcessOptions {
  port: number;
  workerUrl: string;
  transport?: "ws" | "http";
  stdio?: "inherit" | "pipe" | "ignore";
}

/** Starts the TCP gateway as its own Node process. */
export function startGatewayProcess(options: GatewayProcessOptions): Started {
  const args = [
    "--import",
    "tsx",
    path.join(ROOT, "gateway/main.ts"),
    "--host",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--worker",
    options.workerUrl,
    "--transport",
    options.transport ?? "ws",
  ];
  return started(
    spawn(process.execPath, args, {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
    }),
  );
}

/** Polls `url` until it answers 200, or throws after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = `status ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${url} did not answer 200 within ${timeoutMs} ms: ${lastError}`,
  );
}

/** Waits until a TCP port accepts connections, or throws after `timeoutMs`. */
export async function waitForPort(
  port: number,
  timeoutMs: number,
): Promise<void> {
  const { connect } = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `127.0.0.1:${port} did not accept connections within ${timeoutMs} ms`,
  );
}

function wranglerBin(): string {
  return path.join(ROOT, "node_modules/wrangler/bin/wrangler.js");
}

function started(child: ChildProcess): Started {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    process: child,
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
