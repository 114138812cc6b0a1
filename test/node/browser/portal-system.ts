/**
 * wrangler dev with its own temporary D1, R2 and Durable Object state for
 * the portal's browser tests, plus the portal build and an operator account.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  migrateLocal,
  runChecked,
  startWrangler,
  waitForOk,
  type Started,
} from "../../../scripts/lib/processes";
import { hashPassword } from "../../../worker/domain/password";
import { freePort } from "../e2e/local-system";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Output kept from wrangler dev for failure messages, in characters. */
const OUTPUT_TAIL_CHARS = 8000;

/** A running Worker serving the portal. */
export interface PortalSystem {
  url: string;
  persistTo: string;
  /** The last output of wrangler dev. */
  output(): string;
  /** Stops wrangler dev by PID and removes `persistTo`. */
  stop(): Promise<void>;
}

/** Newest modification time of the files under `folder`, in ms. */
async function newestMtime(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true });
  let newest = 0;
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const time = entry.isDirectory()
      ? await newestMtime(full)
      : (await stat(full)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/** Builds web/dist unless it is newer than every portal source file. */
export async function buildPortalIfStale(): Promise<void> {
  const built = await stat(path.join(ROOT, "web/dist/index.html")).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    await newestMtime(path.join(ROOT, "web/src")),
    (await stat(path.join(ROOT, "web/index.html"))).mtimeMs,
    (await stat(path.join(ROOT, "vite.config.ts"))).mtimeMs,
  );
  if (built > sources) return;
  runChecked(process.execPath, [
    path.join(ROOT, "node_modules/vite/bin/vite.js"),
    "build",
  ]);
}

/** Starts wrangler dev on free ports with DEMO_MODE on and fresh state. */
export async function startPortalSystem(): Promise<PortalSystem> {
  const persistTo = await mkdtemp(path.join(os.tmpdir(), "kz-ofd-portal-"));
  let wrangler: Started | null = null;
  let tail = "";

  const stop = async () => {
    await wrangler?.stop();
    await rm(persistTo, { recursive: true, force: true });
  };

  try {
    migrateLocal(persistTo);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    wrangler = startWrangler({
      port,
      inspectorPort: await freePort(),
      persistTo,
      vars: { DEMO_MODE: "on" },
      stdio: "pipe",
    });
    const append = (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
    };
    wrangler.process.stdout?.on("data", append);
    wrangler.process.stderr?.on("data", append);
    await waitForOk(`${url}/api/health`, 90_000);
    return { url, persistTo, output: () => tail, stop };
  } catch (error) {
    await stop();
    throw new Error(
      `wrangler dev failed to start: ${(error as Error).message}\n${tail}`,
      { cause: error },
    );
  }
}

/**
 * Creates an OFD operator account in the local D1 at `persistTo` with
 * `npm run operator -- create`; returns how the account was made.
 */
export async function createOperator(
  persistTo: string,
  login: string,
  password: string,
): Promise<"script" | "sql"> {
  const script = path.join(ROOT, "scripts/operator.ts");
  if (!existsSync(script)) {
    await insertOperatorRow(persistTo, login, password);
    return "sql";
  }

  runChecked(process.execPath, [
    "--import",
    "tsx",
    path.join(ROOT, "scripts/operator.ts"),
    "create",
    "--login",
    login,
    "--password",
    password,
    "--persist-to",
    persistTo,
  ]);
  return "script";
}

/**
 * Writes the operator's users row directly.
 * NOTE: only for a checkout without scripts/operator.ts; the row mirrors
 * worker/db/schema-accounts.ts and must follow it if the table changes.
 */
async function insertOperatorRow(
  persistTo: string,
  login: string,
  password: string,
): Promise<void> {
  const hash = await hashPassword(password);
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const statement =
    "INSERT INTO users (id, kind, login, email, full_name, password_hash) " +
    `VALUES (${quote(`user_operator_${login}`)}, 'operator', ${quote(login)}, '', ${quote(login)}, ${quote(hash)})`;
  runChecked(process.execPath, [
    path.join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    persistTo,
    "--command",
    statement,
  ]);
}

/** Completes 11 digits with their IIN/BIN check digit. */
export function withCheckDigit(first11: string): string {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) =>
    weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
  if (check === 10) throw new Error(`${first11} has no valid check digit`);
  return `${first11}${check}`;
}

/** The bytes of a minimal one-page PDF, as a scan stand-in. */
export function smallPdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
      "trailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );
}
