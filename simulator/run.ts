/**
 * The simulator's entry point for the process and for tests: parses the
 * command line, loads the state, runs one command and saves the state.
 */
import { MoneyPlacementEnum, ReportTypeEnum } from "../proto/messages";
import {
  parseCommandLine,
  UsageError,
  type GlobalOptions,
  type ParsedArgs,
  type SimulatorEnv,
} from "./args";
import { toAlmatyTime } from "./clock";
import { runInfo, runPing } from "./commands/info";
import { runCloseShift, runMoneyPlacement } from "./commands/documents";
import { runFlush, runQueue } from "./commands/queue";
import { runLogin, runReport } from "./commands/report";
import { runResend } from "./commands/resend";
import { queueTicket, runTicket } from "./commands/ticket";
import { HELP } from "./help";
import { Output, type OutputStreams } from "./output";
import { PaymentError } from "./payments";
import { ReceiptError } from "./receipt";
import { ResponseError, ResultError, type CommandContext } from "./session";
import {
  loadState,
  newState,
  saveState,
  StateError,
  type KkmState,
} from "./state";
import { TransportError, type Transport } from "./transport";
import { tcpTransport } from "./transport-tcp";
import { wsTransport } from "./transport-ws";

/** Streams, environment, clock and transport factory of a run. */
export interface SimulatorIo extends OutputStreams {
  env: SimulatorEnv;
  /** Clock for "now"; defaults to the system clock. */
  now?: () => Date;
  /** Transport factory; defaults to TCP or WebSocket from the options. */
  connect?: (options: GlobalOptions, kkmId: number) => Transport;
}

/** Exit codes of the simulator. */
export const EXIT = {
  ok: 0,
  failure: 1,
  result: 2,
  usage: 64,
} as const;

type Handler = (context: CommandContext) => Promise<void> | void;

const DEPOSIT = MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT;
const WITHDRAWAL = MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL;

const COMMANDS: Record<string, Handler> = {
  info: runInfo,
  ping: runPing,
  sell: (context) => runTicket(context, "sell"),
  buy: (context) => runTicket(context, "buy"),
  return: (context) => runTicket(context, "sell-return"),
  "buy-return": (context) => runTicket(context, "buy-return"),
  "close-shift": (context) => runCloseShift(context, false),
  "x-report": (context) => runReport(context, ReportTypeEnum.REPORT_X),
  "z-report": (context) => runReport(context, ReportTypeEnum.REPORT_Z),
  deposit: (context) => runMoneyPlacement(context, DEPOSIT, false),
  withdraw: (context) => runMoneyPlacement(context, WITHDRAWAL, false),
  login: runLogin,
  "offline sell": (context) => queueTicket(context, "sell"),
  "offline buy": (context) => queueTicket(context, "buy"),
  "offline return": (context) => queueTicket(context, "sell-return"),
  "offline buy-return": (context) => queueTicket(context, "buy-return"),
  "offline deposit": (context) => runMoneyPlacement(context, DEPOSIT, true),
  "offline withdraw": (context) => runMoneyPlacement(context, WITHDRAWAL, true),
  "offline close-shift": (context) => runCloseShift(context, true),
  queue: runQueue,
  flush: runFlush,
  resend: runResend,
};

/** Runs one command line and returns the process exit code. */
export async function runCommand(
  argv: string[],
  io: SimulatorIo,
): Promise<number> {
  const out = new Output();
  let json = argv.includes("--json");
  let context: CommandContext | undefined;

  try {
    const args = parseCommandLine(argv, io.env);
    json = args.global.json;
    if (args.global.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }

    const name = args.command.join(" ");
    const handler = COMMANDS[name];
    if (!handler) {
      throw new UsageError(
        name
          ? `unknown command "${name}"; see --help for the list`
          : "missing command; see --help for the list",
      );
    }
    out.set("command", name);

    context = await openContext(args, io, out);
    await handler(context);
    await saveState(context.statePath, context.state);
    out.flush(io, json);
    return out.exitCode;
  } catch (error) {
    const code = exitCodeOf(error);
    // State changes made before the failure (a consumed REQNUM, a rotated
    // token) must survive it; usage errors happen before any change.
    if (context && code !== EXIT.usage) {
      await saveState(context.statePath, context.state);
    }
    reportFailure(io, out, json, error, code);
    return code;
  }
}

async function openContext(
  args: ParsedArgs,
  io: SimulatorIo,
  out: Output,
): Promise<CommandContext> {
  const global = args.global;
  if (global.statePath === undefined && global.id === undefined) {
    throw new UsageError(
      "missing --id: give the device ID (or KKM_ID, or --state <file>)",
    );
  }
  const statePath = global.statePath ?? `.kkm/${global.id}.json`;
  const state = await openState(statePath, global);

  const transport = io.connect
    ? io.connect(global, state.id)
    : defaultTransport(global, state.id);
  const clock = io.now ?? (() => new Date());
  return {
    args,
    state,
    statePath,
    transport,
    out,
    now: () => global.at ?? toAlmatyTime(clock()),
  };
}

async function openState(
  path: string,
  global: GlobalOptions,
): Promise<KkmState> {
  const stored = await loadState(path);
  if (stored && global.id !== undefined && stored.id !== global.id) {
    throw new UsageError(
      `invalid --id ${global.id}: the state file ${path} belongs to device ` +
        `${stored.id}; pass --state for another file`,
    );
  }

  let state = stored;
  if (!state) {
    if (global.id === undefined) {
      throw new UsageError(`missing --id: state file ${path} does not exist`);
    }
    if (global.token === undefined) {
      throw new UsageError(
        `missing --token: state file ${path} does not exist yet, so the ` +
          "initial token from the OFD cabinet is needed (or KKM_TOKEN)",
      );
    }
    state = newState(global.id, global.token, global.protocol ?? 203);
  }

  if (global.protocol !== undefined) state.protocol = global.protocol;
  if (global.kgd !== undefined) state.kgdNumber = global.kgd;
  if (global.serial !== undefined) state.serialNumber = global.serial;
  return state;
}

function defaultTransport(global: GlobalOptions, kkmId: number): Transport {
  if (global.ws === undefined) {
    return tcpTransport(global.host, global.port, global.timeoutMs);
  }
  if (!/^wss?:\/\/[^/]+/.test(global.ws)) {
    throw new UsageError(
      `invalid --ws "${global.ws}": expected a ws:// or wss:// URL`,
    );
  }
  // A bare server URL gets the register's path appended.
  const url = global.ws.includes("/kkm/ws/")
    ? global.ws
    : `${global.ws.replace(/\/+$/, "")}/kkm/ws/${kkmId}`;
  return wsTransport(url, global.timeoutMs);
}

function exitCodeOf(error: unknown): number {
  if (
    error instanceof UsageError ||
    error instanceof ReceiptError ||
    error instanceof PaymentError
  ) {
    return EXIT.usage;
  }
  if (error instanceof ResultError) return EXIT.result;
  return EXIT.failure;
}

function reportFailure(
  io: SimulatorIo,
  out: Output,
  json: boolean,
  error: unknown,
  code: number,
): void {
  const message = error instanceof Error ? error.message : String(error);
  out.set("exitCode", code);
  out.set("error", {
    type: error instanceof Error ? error.name : "Error",
    message,
  });

  if (json) {
    out.flush(io, true);
    return;
  }
  out.flush(io, false);
  if (error instanceof ResultError) {
    io.stdout(`${message}\n`);
    return;
  }
  const known =
    error instanceof UsageError ||
    error instanceof ReceiptError ||
    error instanceof PaymentError ||
    error instanceof TransportError ||
    error instanceof ResponseError ||
    error instanceof StateError;
  io.stderr(`kkm: ${known ? message : ((error as Error)?.stack ?? message)}\n`);
}
