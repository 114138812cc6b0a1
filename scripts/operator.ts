/**
 * Creates an OFD operator account in the local D1 database:
 *
 *   npm run operator -- create --login <name> --password <p> [--name <full name>] [--persist-to <dir>]
 *
 * The password hash has the format of worker/domain/password.ts
 * (`pbkdf2-sha256$100000$<salt>$<hash>`), computed with Node's WebCrypto.
 */
import path from "node:path";
import { webcrypto } from "node:crypto";
import { parseArgs } from "node:util";
import { runChecked } from "./lib/processes.ts";

const ITERATIONS = 100_000;
const LOGIN_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
const ROOT = path.resolve(import.meta.dirname, "..");

const USAGE =
  "usage: npm run operator -- create --login <name> --password <password> [--name <full name>] [--persist-to <dir>]";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      login: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      "persist-to": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals[0] !== "create")
    fail(`unknown command "${positionals[0] ?? ""}"; ${USAGE}`);

  const login = values.login ?? "";
  const password = values.password ?? "";
  if (!LOGIN_PATTERN.test(login)) {
    fail(
      `--login "${login}" is invalid; use 3 to 64 Latin letters, digits, '.', '_' or '-'`,
    );
  }
  const problem = passwordProblem(password);
  if (problem) fail(`--password ${problem}`);

  const userId = `user_${Date.now().toString(36).padStart(9, "0")}_${hex(webcrypto.getRandomValues(new Uint8Array(8)))}`;
  const hash = await hashPassword(password);
  const fullName = values.name ?? login;
  const sql =
    "INSERT INTO users (id, kind, login, full_name, password_hash) VALUES (" +
    [userId, "operator", login, fullName, hash].map(quote).join(", ") +
    ");";

  const args = ["d1", "execute", "DB", "--local", "--command", sql];
  if (values["persist-to"]) args.push("--persist-to", values["persist-to"]);
  try {
    runChecked(process.execPath, [
      path.join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
      ...args,
    ]);
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed")) {
      fail(
        `an account with login "${login}" already exists; choose another login`,
      );
    }
    throw error;
  }
  console.log(
    `Operator "${login}" created (id ${userId}); sign in on the portal page /operator/login.`,
  );
}

/** Returns the sign-up rule `password` breaks, or null. */
function passwordProblem(password: string): string | null {
  if (password.length < 6) return "must be at least 6 characters";
  if (!/[a-z]/.test(password)) return "must contain a Latin lowercase letter";
  if (!/[A-Z]/.test(password)) return "must contain a Latin uppercase letter";
  if (!/\d/.test(password)) return "must contain a digit";
  if (![..."-!%*^&#()_+~="].some((s) => password.includes(s))) {
    return "must contain one of the symbols -!%*^&#()_+~=";
  }
  return null;
}

async function hashPassword(password: string): Promise<string> {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const material = await webcrypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await webcrypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ITERATIONS },
    material,
    256,
  );
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
  return [
    "pbkdf2-sha256",
    ITERATIONS,
    base64(salt),
    base64(new Uint8Array(bits)),
  ].join("$");
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

await main();
