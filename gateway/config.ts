/** Command-line flags and environment variables of the gateway. */
import { parseArgs } from "node:util";
import { GATEWAY_DEFAULTS, type GatewayOptions } from "./server";
import { TRANSPORTS, parseWorkerUrl, type Transport } from "./upstream";

/** An option with an invalid value; the message names it and the fix. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Action requested on the command line. */
export type CliCommand =
  | { kind: "help" }
  | { kind: "run"; options: Required<Omit<GatewayOptions, "logger">> };

interface OptionSpec {
  /** Placeholder for the value in the help text. */
  value: string;
  flag: string;
  env: string;
  help: string;
}

const OPTIONS = {
  host: {
    value: "address",
    flag: "host",
    env: "GATEWAY_HOST",
    help: "address to listen on for register connections",
  },
  port: {
    value: "port",
    flag: "port",
    env: "GATEWAY_PORT",
    help: "TCP port to listen on; 0 picks a free port",
  },
  workerUrl: {
    value: "url",
    flag: "worker",
    env: "WORKER_URL",
    help: "base URL of the Worker (http or https)",
  },
  transport: {
    value: "ws|http",
    flag: "transport",
    env: "GATEWAY_TRANSPORT",
    help: "how frames reach the Worker: ws (one WebSocket per KKM) or http (one POST per frame)",
  },
  readTimeoutMs: {
    value: "ms",
    flag: "read-timeout-ms",
    env: "GATEWAY_READ_TIMEOUT_MS",
    help: "time a register has to send each complete frame, in milliseconds",
  },
  upstreamTimeoutMs: {
    value: "ms",
    flag: "upstream-timeout-ms",
    env: "GATEWAY_UPSTREAM_TIMEOUT_MS",
    help: "time the Worker has to respond before the gateway sends result 254, in milliseconds",
  },
  idleTimeoutMs: {
    value: "ms",
    flag: "idle-timeout-ms",
    env: "GATEWAY_IDLE_TIMEOUT_MS",
    help: "ws transport: time an unused WebSocket to the Worker stays open, in milliseconds",
  },
  maxConnections: {
    value: "count",
    flag: "max-connections",
    env: "GATEWAY_MAX_CONNECTIONS",
    help: "open register connections above which new ones are dropped",
  },
} as const satisfies Record<keyof typeof GATEWAY_DEFAULTS, OptionSpec>;

/** Builds the --help text: each flag, its variable, what it sets, its default. */
export function helpText(): string {
  const lines = [
    "Usage: tsx gateway/main.ts [options]",
    "",
    "Relays KKM frames from TCP to the OFD Worker. Flags override variables.",
    "",
  ];
  for (const [key, spec] of Object.entries(OPTIONS)) {
    const fallback = GATEWAY_DEFAULTS[key as keyof typeof GATEWAY_DEFAULTS];
    lines.push(`  --${spec.flag} <${spec.value}>   (env ${spec.env})`);
    lines.push(`      ${spec.help}; default ${fallback}`);
  }
  lines.push("  --help", "      print this text and exit");
  return lines.join("\n") + "\n";
}

/** Reads the options from `argv` (without node and script) and `env`. */
export function parseCli(
  argv: string[],
  env: Record<string, string | undefined>,
): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: "boolean" },
        ...Object.fromEntries(
          Object.values(OPTIONS).map((spec) => [
            spec.flag,
            { type: "string" as const },
          ]),
        ),
      },
    }));
  } catch (error) {
    throw new ConfigError(
      `${(error as Error).message}; run with --help for the options`,
    );
  }
  if (values.help) return { kind: "help" };

  const text = (key: keyof typeof OPTIONS): string | undefined => {
    const flag = values[OPTIONS[key].flag];
    if (typeof flag === "string") return flag;

    // An empty variable counts as unset, as in most shells' tooling.
    return env[OPTIONS[key].env] || undefined;
  };

  return {
    kind: "run",
    options: {
      host: text("host") ?? GATEWAY_DEFAULTS.host,
      port: readInteger("port", text("port"), 0, 65535),
      workerUrl: readWorkerUrl(text("workerUrl")),
      transport: readTransport(text("transport")),
      readTimeoutMs: readInteger("readTimeoutMs", text("readTimeoutMs"), 1),
      upstreamTimeoutMs: readInteger(
        "upstreamTimeoutMs",
        text("upstreamTimeoutMs"),
        1,
      ),
      idleTimeoutMs: readInteger("idleTimeoutMs", text("idleTimeoutMs"), 1),
      maxConnections: readInteger("maxConnections", text("maxConnections"), 1),
    },
  };
}

function readInteger(
  key: keyof typeof OPTIONS,
  value: string | undefined,
  min: number,
  max = 2 ** 31 - 1,
): number {
  if (value === undefined) return GATEWAY_DEFAULTS[key] as number;

  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(
      `invalid ${describe(key)} "${value}", expected an integer from ${min} to ${max}`,
    );
  }
  return number;
}

function readTransport(value: string | undefined): Transport {
  if (value === undefined) return GATEWAY_DEFAULTS.transport;
  if ((TRANSPORTS as readonly string[]).includes(value)) {
    return value as Transport;
  }
  throw new ConfigError(
    `invalid ${describe("transport")} "${value}", expected ${TRANSPORTS.join(" or ")}`,
  );
}

function readWorkerUrl(value: string | undefined): string {
  if (value === undefined) return GATEWAY_DEFAULTS.workerUrl;
  try {
    parseWorkerUrl(value);
  } catch (error) {
    throw new ConfigError(
      `${(error as Error).message} (${describe("workerUrl")})`,
    );
  }
  return value;
}

function describe(key: keyof typeof OPTIONS): string {
  return `--${OPTIONS[key].flag} / ${OPTIONS[key].env}`;
}
