/** Runs the KKM simulator as its own process and reads its JSON output. */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { KkmState } from "../../../simulator/state";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Time limit of one simulator run, above its own 10 s exchange deadline. */
const RUN_LIMIT_MS = 20_000;

/** The result block of an OFD response as the simulator prints it. */
export interface ResultBlock {
  code: number | null;
  name: string;
  text: string;
}

/** The --json object the simulator prints. Its fields depend on the command. */
export interface SimulatorOutput {
  command?: string;
  reqNum?: number;
  token?: number;
  tokenRotated?: boolean;
  result?: ResultBlock;
  /** Hex of the whole response frame, header included. */
  responseFrame?: string;
  fiscalSign?: string;
  qr?: string;
  total?: string;
  registration?: { kgdNumber: string; kkmId: string };
  report?: {
    report: string;
    tickets: { operation: string; count: number; sum: string }[];
  };
  error?: { type: string; message: string };
}

/** Exit code and parsed stdout of one simulator run. */
export interface SimulatorRun {
  exitCode: number;
  output: SimulatorOutput;
  stderr: string;
}

/**
 * Runs `node --import tsx simulator/main.ts <args> --json`. A non-zero exit
 * code is returned, not thrown, so tests can assert on result codes.
 */
export async function runSimulator(args: string[]): Promise<SimulatorRun> {
  const argv = ["--import", "tsx", "simulator/main.ts", ...args, "--json"];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      argv,
      { cwd: ROOT, timeout: RUN_LIMIT_MS, encoding: "utf8" },
      (error, stdout, stderr) => {
        const exitCode =
          error === null
            ? 0
            : typeof error.code === "number"
              ? error.code
              : null;
        if (exitCode === null) {
          reject(
            new Error(
              `simulator ${args.join(" ")} failed to run (${error?.message}); stderr: ${stderr}`,
            ),
          );
          return;
        }

        try {
          const output = JSON.parse(stdout) as SimulatorOutput;
          resolve({ exitCode, output, stderr });
        } catch {
          reject(
            new Error(
              `simulator ${args.join(" ")} exited with ${exitCode} and printed no JSON object: ${stdout}${stderr}`,
            ),
          );
        }
      },
    );
  });
}

/** Reads a simulator state file. */
export async function readState(statePath: string): Promise<KkmState> {
  return JSON.parse(await readFile(statePath, "utf8")) as KkmState;
}
