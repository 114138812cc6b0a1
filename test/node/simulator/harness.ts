/** Runs the simulator in-process with captured output and a fixed clock. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand, type SimulatorIo } from "../../../simulator/run";

/** Output and exit code of one simulator run. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed stdout when --json was given. */
  json: Record<string, unknown>;
}

/** 2025-01-15 12:30:00 in Asia/Almaty (UTC+5). */
export const FIXED_NOW = new Date("2025-01-15T07:30:00Z");

/** Runs `argv` against `io` overrides and returns what it printed. */
export async function runKkm(
  argv: string[],
  overrides: Partial<SimulatorIo> = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCommand(argv, {
    env: {},
    now: () => FIXED_NOW,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...overrides,
  });

  let json: Record<string, unknown> = {};
  if (argv.includes("--json") && stdout.trim()) json = JSON.parse(stdout);
  return { code, stdout, stderr, json };
}

/** Creates a temporary directory and returns it with its cleanup. */
export async function temporaryDirectory(): Promise<{
  path: string;
  remove: () => Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), "kkm-sim-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
