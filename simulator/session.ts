/**
 * One request/response exchange with the OFD and its bookkeeping: REQNUM,
 * token rotation, and the last frames kept for `resend`.
 */
import { create } from "@bufbuild/protobuf";
import {
  fromHex,
  splitFrame,
  toHex,
  writeFrame,
  type FrameHeader,
} from "../proto/frame";
import {
  KkmRegInfoSchema,
  OrgRegInfoSchema,
  ResultTypeEnum,
  ServiceRequestSchema,
  type Request,
  type Response,
  type ServiceRequest,
} from "../proto/messages";
import type { ParsedArgs } from "./args";
import type { LocalDateTime } from "./clock";
import type { Output } from "./output";
import {
  saveState,
  takeReqNum,
  type KkmState,
  type LastExchange,
} from "./state";
import type { Transport } from "./transport";
import { decodeResponseBody, encodeRequestBody } from "./wire";

/** Everything a command needs: options, state, transport and output. */
export interface CommandContext {
  args: ParsedArgs;
  state: KkmState;
  statePath: string;
  transport: Transport;
  out: Output;
  /** Current register time: --at if given, else now in Asia/Almaty. */
  now(): LocalDateTime;
}

/** A decoded response together with both frames. */
export interface Exchange {
  header: FrameHeader;
  response: Response;
  requestFrame: Uint8Array;
  responseFrame: Uint8Array;
  tokenRotated: boolean;
}

/** The OFD replied with a result other than RESULT_TYPE_OK (exit 2). */
export class ResultError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
  ) {
    super(`result ${code} ${resultName(code)}: ${text}`);
    this.name = "ResultError";
  }
}

/** The response frame is unusable: wrong ID or REQNUM, or a bad body. */
export class ResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResponseError";
  }
}

/** Returns the ResultTypeEnum name of `code`, or UNKNOWN_RESULT_<n>. */
export function resultName(code: number): string {
  return ResultTypeEnum[code] ?? `UNKNOWN_RESULT_${code}`;
}

/** Builds the service block with the register's reg_info. */
export function serviceBlock(state: KkmState): ServiceRequest {
  const kkm = create(KkmRegInfoSchema, { kkmId: String(state.id) });
  if (state.kgdNumber) kkm.fnsKkmId = state.kgdNumber;
  if (state.serialNumber) kkm.serialNumber = state.serialNumber;
  const service = create(ServiceRequestSchema, { regInfo: { kkm } });

  // The org block is sent only once COMMAND_INFO has told us the IIN/BIN.
  const org = state.org;
  if (org?.inn && service.regInfo) {
    const block = create(OrgRegInfoSchema, { inn: org.inn });
    if (org.title) block.title = org.title;
    if (org.address) block.address = org.address;
    service.regInfo.org = block;
  }
  return service;
}

/**
 * Sends `request` with the next REQNUM (or `reqNum`, for queued documents)
 * and the current token. The state, with the REQNUM consumed and the frame
 * kept for `resend`, is saved before sending and again after the response.
 */
export async function sendRequest(
  context: CommandContext,
  request: Request,
  last: Omit<LastExchange, "request" | "response">,
  reqNum?: number,
): Promise<Exchange> {
  const { state } = context;
  const number = reqNum ?? takeReqNum(state);
  const body = encodeRequestBody(state.protocol, request);
  const frame = writeFrame(
    {
      version: state.protocol,
      kkmId: state.id,
      token: state.token,
      reqNum: number,
    },
    body,
  );

  state.last = { ...last, request: toHex(frame), response: null };
  await saveState(context.statePath, state);

  const reply = await context.transport.exchange(frame);
  return acceptReply(context, frame, reply);
}

/** Sends the last frame again byte for byte; the server should replay. */
export async function resendLast(context: CommandContext): Promise<Exchange> {
  const last = context.state.last;
  if (!last) {
    throw new ResponseError(
      "nothing to resend: the state file has no last request",
    );
  }
  const frame = fromHex(last.request);
  const reply = await context.transport.exchange(frame);
  return acceptReply(context, frame, reply);
}

async function acceptReply(
  context: CommandContext,
  requestFrame: Uint8Array,
  responseFrame: Uint8Array,
): Promise<Exchange> {
  const { state } = context;
  const sent = splitFrame(requestFrame).header;
  const { header, body } = splitReply(responseFrame);

  if (header.kkmId !== sent.kkmId || header.reqNum !== sent.reqNum) {
    throw new ResponseError(
      `response header ID ${header.kkmId} REQNUM ${header.reqNum} does not ` +
        `match the request's ID ${sent.kkmId} REQNUM ${sent.reqNum}`,
    );
  }

  let response: Response;
  try {
    response = decodeResponseBody(header.version, body);
  } catch (error) {
    throw new ResponseError(
      `invalid response body (version ${header.version}): ` +
        (error as Error).message,
    );
  }

  // A register must keep whatever token the response carries.
  const tokenRotated = header.token !== sent.token;
  state.token = header.token;
  if (state.last && state.last.request === toHex(requestFrame)) {
    state.last.response ??= toHex(responseFrame);
  }
  await saveState(context.statePath, state);

  return { header, response, requestFrame, responseFrame, tokenRotated };
}

function splitReply(frame: Uint8Array) {
  try {
    return splitFrame(frame);
  } catch (error) {
    throw new ResponseError(
      `invalid response frame: ${(error as Error).message}`,
    );
  }
}

/** Throws ResultError unless the response result code is 0. */
export function requireOk(exchange: Exchange): void {
  const result = exchange.response.result;
  if (!result) throw new ResponseError("invalid response: no result block");
  if (result.resultCode !== 0) {
    throw new ResultError(result.resultCode, result.resultText);
  }
}
