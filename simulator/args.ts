/**
 * Command-line parsing. Every invalid value raises UsageError naming the
 * option, the value and the expected format; the process exits with 64.
 */
import { parseArgs } from "node:util";
import { parseLocalDateTime, type LocalDateTime } from "./clock";
import { parseQuantity, parseTenge } from "./money";
import type { PaymentKind, PaymentSpec } from "./payments";
import type { LineModifier, ReceiptLine } from "./receipt";
import type { SimulatorProtocol } from "./wire";

/** Bad command-line input (exit code 64, EX_USAGE). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Environment variables the simulator reads. */
export interface SimulatorEnv {
  KKM_ID?: string;
  KKM_TOKEN?: string;
  KKM_HOST?: string;
  KKM_PORT?: string;
}

/** Options shared by every command, after defaults and env fallbacks. */
export interface GlobalOptions {
  id?: number;
  token?: number;
  host: string;
  port: number;
  ws?: string;
  protocol?: SimulatorProtocol;
  statePath?: string;
  kgd?: string;
  serial?: string;
  json: boolean;
  help: boolean;
  timeoutMs: number;
  at?: LocalDateTime;
  operator: { code: number; name: string };
}

/** The parsed command line: command words, operands and raw options. */
export interface ParsedArgs {
  command: string[];
  operands: string[];
  global: GlobalOptions;
  values: RawValues;
}

/** Raw option values as node:util parseArgs returns them. */
export type RawValues = Record<string, string | boolean | string[] | undefined>;

const OPTIONS = {
  id: { type: "string" },
  token: { type: "string" },
  host: { type: "string" },
  port: { type: "string" },
  ws: { type: "string" },
  protocol: { type: "string" },
  state: { type: "string" },
  kgd: { type: "string" },
  serial: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  timeout: { type: "string" },
  at: { type: "string" },
  "operator-code": { type: "string" },
  "operator-name": { type: "string" },
  item: { type: "string", multiple: true },
  vat: { type: "string" },
  pay: { type: "string", multiple: true },
  taken: { type: "string" },
  discount: { type: "string" },
  markup: { type: "string" },
  "line-discount": { type: "string", multiple: true },
  "line-markup": { type: "string", multiple: true },
  "customer-iin": { type: "string" },
  parent: { type: "string" },
  withdraw: { type: "boolean" },
} as const;

/** Words that start a two-word command such as `offline sell`. */
const COMMAND_GROUPS = new Set(["offline"]);

/** Parses argv (without the node and script paths). Throws UsageError. */
export function parseCommandLine(
  argv: string[],
  env: SimulatorEnv,
): ParsedArgs {
  let parsed: { values: object; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; see --help`);
  }

  const positionals = [...parsed.positionals];
  const command: string[] = [];
  const first = positionals.shift();
  if (first !== undefined) command.push(first);
  if (first !== undefined && COMMAND_GROUPS.has(first)) {
    const second = positionals.shift();
    if (second !== undefined) command.push(second);
  }

  const values = parsed.values as RawValues;
  return {
    command,
    operands: positionals,
    global: readGlobalOptions(values, env),
    values,
  };
}

function readGlobalOptions(
  values: RawValues,
  env: SimulatorEnv,
): GlobalOptions {
  const text = (name: string) => values[name] as string | undefined;

  const idText = text("id") ?? env.KKM_ID;
  const tokenText = text("token") ?? env.KKM_TOKEN;
  const portText = text("port") ?? env.KKM_PORT;
  const protocolText = text("protocol");
  const atText = text("at");
  const kgd = text("kgd");

  if (kgd !== undefined && !/^\d{1,20}$/.test(kgd)) {
    throw invalid("--kgd", kgd, "the KGD registration number, 12 digits");
  }
  if (
    protocolText !== undefined &&
    protocolText !== "202" &&
    protocolText !== "203"
  ) {
    throw invalid("--protocol", protocolText, "202 or 203");
  }
  const at = atText === undefined ? undefined : parseLocalDateTime(atText);
  if (atText !== undefined && !at) {
    throw invalid("--at", atText, "local time as 2025-01-15T12:30:00");
  }

  return {
    id: idText === undefined ? undefined : parseId("--id", idText),
    token:
      tokenText === undefined ? undefined : parseUint32("--token", tokenText),
    host: text("host") ?? env.KKM_HOST ?? "127.0.0.1",
    port: portText === undefined ? 7777 : parsePort(portText),
    ws: text("ws"),
    protocol:
      protocolText === undefined
        ? undefined
        : (Number(protocolText) as SimulatorProtocol),
    statePath: text("state"),
    kgd,
    serial: text("serial"),
    json: values.json === true,
    help: values.help === true,
    timeoutMs: parseTimeout(text("timeout")),
    at: at ?? undefined,
    operator: {
      code: parseUint32("--operator-code", text("operator-code") ?? "1"),
      name: text("operator-name") ?? "Кассир",
    },
  };
}

/** Builds the UsageError for `option` with `value` and the expected form. */
export function invalid(
  option: string,
  value: string,
  expected: string,
): UsageError {
  return new UsageError(`invalid ${option} "${value}": expected ${expected}`);
}

/** Parses a tenge amount option into tiyn; zero is rejected. */
export function parseAmountOption(option: string, value: string): bigint {
  const tiyn = parseTenge(value);
  if (tiyn === null || tiyn === 0n) {
    throw invalid(option, value, "an amount in tenge above 0, e.g. 1500.50");
  }
  return tiyn;
}

/** Parses `--item "Name:price:qty[:section]"`. */
export function parseItem(value: string): ReceiptLine {
  const format = 'Name:price:qty[:section], e.g. "Хлеб:250.50:2"';
  // The name may contain ':', so the numeric parts are taken from the end.
  const parts = value.split(":");
  const withSection =
    parts.length >= 4 &&
    parseTenge(parts.at(-3) ?? "") !== null &&
    parseQuantity(parts.at(-2) ?? "") !== null;
  const section = withSection ? (parts.pop() ?? "") : "1";
  const quantityText = parts.pop();
  const priceText = parts.pop();
  const name = parts.join(":").trim();

  if (!name || priceText === undefined || quantityText === undefined) {
    throw invalid("--item", value, format);
  }
  const price = parseTenge(priceText);
  if (price === null) {
    throw invalid("--item", value, `${format}; price in tenge, 2 decimals`);
  }
  const quantity = parseQuantity(quantityText);
  if (quantity === null || quantity === 0n) {
    throw invalid(
      "--item",
      value,
      `${format}; quantity above 0 with up to 3 decimals`,
    );
  }
  if (!section.trim()) throw invalid("--item", value, format);

  return { name, price, quantity, section: section.trim() };
}

/** Parses `--pay cash|card|mobile[:amount]`. */
export function parsePayment(value: string): PaymentSpec {
  const [kindText, amountText, ...rest] = value.split(":");
  const kinds: PaymentKind[] = ["cash", "card", "mobile"];
  const kind = kinds.find((candidate) => candidate === kindText);
  if (!kind || rest.length > 0) {
    throw invalid("--pay", value, "cash|card|mobile[:amount], e.g. card:500");
  }
  if (amountText === undefined) return { kind };
  return { kind, amount: parseAmountOption("--pay", amountText) };
}

/** Parses `--line-discount N:amount` or `--line-markup N:amount`. */
export function parseLineModifier(
  kind: "discount" | "markup",
  value: string,
): LineModifier {
  const option = `--line-${kind}`;
  const match = /^(\d{1,4}):(.+)$/.exec(value);
  if (!match) {
    throw invalid(option, value, "line:amount, e.g. 1:100 for line 1");
  }
  return {
    kind,
    line: Number(match[1]),
    amount: parseAmountOption(option, match[2] ?? ""),
  };
}

/** Parses `--vat 12|16|0|none` into a percent or null for no VAT. */
export function parseVat(value: string | undefined): number | null {
  if (value === undefined || value === "none") return null;
  if (value === "0" || value === "12" || value === "16") return Number(value);
  throw invalid("--vat", value, "12, 16, 0 or none");
}

/** Checks `--customer-iin`: 12 digits (the OFD checks the check digit). */
export function parseCustomerIin(
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{12}$/.test(value)) {
    throw invalid("--customer-iin", value, "an IIN or BIN of 12 digits");
  }
  return value;
}

function parseId(option: string, value: string): number {
  const id = parseUint32(option, value);
  if (id === 0)
    throw invalid(option, value, "a device id from 1 to 4294967295");
  return id;
}

function parseUint32(option: string, value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) {
    throw invalid(option, value, "an integer from 0 to 4294967295");
  }
  return Number(value);
}

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : 0;
  if (port < 1 || port > 65535) {
    throw invalid("--port", value, "a TCP port from 1 to 65535");
  }
  return port;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return 10_000;
  const ms = /^\d{1,7}$/.test(value) ? Number(value) : 0;
  if (ms < 1) {
    throw invalid("--timeout", value, "milliseconds from 1 to 9999999");
  }
  return ms;
}
