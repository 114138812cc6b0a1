/**
 * One request-response exchange of a KKM: read the frame, apply the token
 * rules, run the command, commit, and build the response frame. Pure apart
 * from the store, so tests drive it without a Durable Object.
 */
import {
  checkHeader,
  describeHeaderProblem,
  HEADER_SIZE,
  isSupportedVersion,
  readHeader,
  writeFrame,
  type FrameHeader,
  type ProtocolVersion,
} from "../../proto/frame";
import { decodeRequest, encodeResponse, makeResponse } from "../../proto/codec";
import {
  CommandTypeEnum,
  ResultTypeEnum,
  TicketAdTypeEnum,
  type Response,
} from "../../proto/messages";
import { handleAuth } from "./commands/auth";
import { handleCloseShift } from "./commands/close-shift";
import { handleMoneyPlacement } from "./commands/money-placement";
import { handleReport } from "./commands/report";
import { handleInfo } from "./commands/info";
import { handleNomenclature } from "./commands/nomenclature";
import { handleSystem } from "./commands/system";
import { handleTicket } from "./commands/ticket";
import type { CommandOutcome, ExchangeContext, SessionConfig } from "./context";
import { decideExchange } from "./exchange-rules";
import { newToken, type RandomSource } from "./random";
import { recordOfflinePeriod } from "./offline-period";
import { resultOnly } from "./reply";
import { serviceBlockFor } from "./service-block";
import type { KkmStore } from "./store";

/** Outcome of an exchange, for its log line. */
export interface ExchangeReport {
  kkmId: number;
  reqNum: number;
  command: number | null;
  resultCode: number;
  replayed: boolean;
  tokenRotated: boolean;
}

export interface ExchangeResult {
  /** The response frame, or null when the request cannot be read at all. */
  frame: Uint8Array | null;
  report: ExchangeReport | null;
  /** Reason the request could not be read. */
  error?: string;
}

export interface ExchangeDeps {
  store: KkmStore;
  /** The registry database, read only by service commands. */
  db: D1Database;
  /** The system id this object serves. */
  kkmId: number;
  config: SessionConfig;
  now: Date;
  random: RandomSource;
}

/**
 * Builds the response to one request frame. Never throws for bad input.
 *
 * Only service commands await (password checks, D1 reads). Documents run
 * from the token check to the commit without yielding, so no other request
 * of the same KKM can interleave with them.
 */
export async function exchange(
  frame: Uint8Array,
  deps: ExchangeDeps,
): Promise<ExchangeResult> {
  if (frame.length < HEADER_SIZE) {
    return {
      frame: null,
      report: null,
      error: describeHeaderProblem({ reason: "short", length: frame.length }),
    };
  }
  const header = readHeader(frame);
  const problem = checkHeader(header);
  if (problem) {
    return { frame: null, report: null, error: describeHeaderProblem(problem) };
  }
  if (header.size !== frame.length) {
    return {
      frame: null,
      report: null,
      error: `frame SIZE ${header.size} does not match its ${frame.length} bytes`,
    };
  }

  const answer = (
    version: ProtocolVersion,
    response: Response,
    token = header.token,
  ) =>
    writeFrame(
      { ...header, version, token },
      encodeResponse(version, response),
    );
  const fail = (
    version: ProtocolVersion,
    command: CommandTypeEnum,
    resultCode: ResultTypeEnum,
    text: string,
  ): ExchangeResult => ({
    frame: answer(version, resultOnly(command, resultCode, text)),
    report: report(header, command, resultCode, false, false),
  });

  if (!isSupportedVersion(header.version)) {
    // The response is encoded in 2.0.3 with the register's VERSION field, so
    // the register can read the reason.
    const response = resultOnly(
      CommandTypeEnum.COMMAND_SYSTEM,
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      `unsupported protocol version ${header.version}; use 202 or 203`,
    );
    return {
      frame: writeFrame(header, encodeResponse(203, response)),
      report: report(
        header,
        null,
        ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
        false,
        false,
      ),
    };
  }
  const version = header.version;

  if (header.kkmId !== deps.kkmId) {
    return fail(
      version,
      CommandTypeEnum.COMMAND_SYSTEM,
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      `frame ID ${header.kkmId} does not match this connection's KKM ${deps.kkmId}`,
    );
  }

  const registration = deps.store.getRegistration();
  const session = deps.store.getSession();
  const decoded = decodeRequest(version, frame.subarray(HEADER_SIZE));
  const command = decoded.ok
    ? decoded.request.command
    : CommandTypeEnum.COMMAND_SYSTEM;
  if (!registration || !session) {
    return fail(
      version,
      command,
      ResultTypeEnum.RESULT_TYPE_UNKNOWN_ID,
      `KKM ${header.kkmId} is not registered with this OFD`,
    );
  }

  if (!decoded.ok) {
    const { failure } = decoded;
    if (failure.reason === "unknown-command") {
      return fail(
        version,
        command,
        ResultTypeEnum.RESULT_TYPE_UNKNOWN_COMMAND,
        `unknown command ${failure.command}`,
      );
    }
    const detail =
      failure.reason === "malformed"
        ? `malformed request body: ${failure.detail}`
        : "request body has no command";
    return fail(
      version,
      command,
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      detail,
    );
  }
  const request = decoded.request;

  // A copy, so the stored body contains these bytes, not the whole frame.
  const body = frame.slice(HEADER_SIZE);
  const decision = decideExchange(
    { token: header.token, reqNum: header.reqNum, command, body },
    session.token,
    session.last,
  );
  if (decision.kind === "retransmission" && session.last) {
    return {
      frame: session.last.response,
      report: report(
        header,
        command,
        ResultTypeEnum.RESULT_TYPE_OK,
        true,
        false,
      ),
    };
  }
  if (decision.kind === "reject") {
    return fail(version, command, decision.resultCode, decision.message);
  }

  if (
    registration.status === "blocked" ||
    registration.status === "deregistered"
  ) {
    return {
      frame: answer(
        version,
        blockedAnswer(command, registration.status, registration.blockReason),
      ),
      report: report(
        header,
        command,
        ResultTypeEnum.RESULT_TYPE_BLOCKED,
        false,
        false,
      ),
    };
  }

  const context: ExchangeContext = {
    header,
    version,
    request,
    registration,
    store: deps.store,
    db: deps.db,
    now: deps.now,
    config: deps.config,
    random: deps.random,
  };
  let outcome: CommandOutcome;
  try {
    const pending = runCommand(context);
    outcome = pending instanceof Promise ? await pending : pending;
  } catch (error) {
    // Amounts or dates outside what the protocol allows surface as
    // RangeError from the money and time helpers.
    if (error instanceof RangeError) {
      return fail(
        version,
        command,
        ResultTypeEnum.RESULT_TYPE_INCORRECT_REQUEST_DATA,
        error.message,
      );
    }
    throw error;
  }

  const resultCode = outcome.response.result?.resultCode ?? 0;
  const accepted = resultCode === ResultTypeEnum.RESULT_TYPE_OK;
  if (accepted) {
    const service = serviceBlockFor(request, registration, deps.store);
    if (service) outcome.response.service = service;
  }

  if (outcome.kind === "service") {
    if (accepted) {
      deps.store.transaction(() => {
        outcome.record?.();
        const period = recordOfflinePeriod(deps.store, request, deps.now);
        deps.store.touch(deps.now, period === "none");
      });
    }
    return {
      frame: answer(version, outcome.response),
      report: report(header, command, resultCode, false, false),
    };
  }

  // The response is built before the commit because its exact bytes are what
  // a retransmission gets back.
  const token = newToken(deps.random, session.token);
  const answerFrame = answer(version, outcome.response, token);
  deps.store.transaction(() => {
    outcome.commit();
    const period = recordOfflinePeriod(deps.store, request, deps.now);
    deps.store.rememberDocument(
      token,
      { token: header.token, reqNum: header.reqNum, command, body },
      answerFrame,
    );
    deps.store.touch(deps.now, period === "none");
  });
  return {
    frame: answerFrame,
    report: report(header, command, resultCode, false, true),
  };
}

function runCommand(
  context: ExchangeContext,
): CommandOutcome | Promise<CommandOutcome> {
  const command = context.request.command;
  switch (command) {
    case CommandTypeEnum.COMMAND_INFO:
      return handleInfo(context);
    case CommandTypeEnum.COMMAND_SYSTEM:
      return handleSystem(context);
    case CommandTypeEnum.COMMAND_TICKET:
      return handleTicket(context);
    case CommandTypeEnum.COMMAND_CLOSE_SHIFT:
      return handleCloseShift(context);
    case CommandTypeEnum.COMMAND_REPORT:
      return handleReport(context);
    case CommandTypeEnum.COMMAND_MONEY_PLACEMENT:
      return handleMoneyPlacement(context);
    case CommandTypeEnum.COMMAND_AUTH:
      return handleAuth(context);
    case CommandTypeEnum.COMMAND_NOMENCLATURE:
      return handleNomenclature(context);
    default:
      return {
        kind: "service",
        response: resultOnly(
          command,
          ResultTypeEnum.RESULT_TYPE_UNSUPPORTED_COMMAND,
          `command ${CommandTypeEnum[command]} is not supported by this OFD`,
        ),
      };
  }
}

/**
 * Result 15 with the reason as a TICKET_AD_INFO text, which a blocked
 * register shows to the cashier.
 */
function blockedAnswer(
  command: CommandTypeEnum,
  status: "blocked" | "deregistered",
  reason: string | null,
): Response {
  const text =
    status === "deregistered"
      ? `KKM is deregistered in the OFD${reason ? `: ${reason}` : ""}`
      : `KKM is blocked by the OFD${reason ? `: ${reason}` : ""}`;
  return makeResponse({
    command,
    result: {
      resultCode: ResultTypeEnum.RESULT_TYPE_BLOCKED,
      resultText: text,
    },
    service: {
      ticketAds: [
        { info: { type: TicketAdTypeEnum.TICKET_AD_INFO, version: 1n }, text },
      ],
    },
  });
}

function report(
  header: FrameHeader,
  command: number | null,
  resultCode: number,
  replayed: boolean,
  tokenRotated: boolean,
): ExchangeReport {
  return {
    kkmId: header.kkmId,
    reqNum: header.reqNum,
    command,
    resultCode,
    replayed,
    tokenRotated,
  };
}
