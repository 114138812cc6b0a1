/**
 * The token and REQNUM decision table of the protocol. A register repeats
 * a request with the same TOKEN and REQNUM when it did not get the
 * response, so the last accepted document is kept with its response bytes
 * and replayed.
 */
import { CommandTypeEnum, ResultTypeEnum } from "../../proto/messages";

/** Commands that change fiscal state and may rotate the token. */
const DOCUMENT_COMMANDS: ReadonlySet<CommandTypeEnum> = new Set([
  CommandTypeEnum.COMMAND_TICKET,
  CommandTypeEnum.COMMAND_CLOSE_SHIFT,
  CommandTypeEnum.COMMAND_MONEY_PLACEMENT,
]);

/** The last document this object accepted, as the register sent it. */
export interface LastExchange {
  token: number;
  reqNum: number;
  command: CommandTypeEnum;
  /** The request body; absent for documents stored before it was kept. */
  body?: Uint8Array;
}

/** Decision on an incoming frame, taken before its body is read. */
export type ExchangeDecision =
  | { kind: "accept" }
  | { kind: "retransmission" }
  | {
      kind: "reject";
      resultCode:
        | ResultTypeEnum.RESULT_TYPE_INVALID_TOKEN
        | ResultTypeEnum.RESULT_TYPE_INVALID_REQUEST_NUMBER
        | ResultTypeEnum.RESULT_TYPE_INVALID_RETRY_REQUEST;
      message: string;
    };

/** Tells whether a command is a fiscal document (ticket, close shift, money). */
export function isDocumentCommand(command: CommandTypeEnum): boolean {
  return DOCUMENT_COMMANDS.has(command);
}

/**
 * Decides between replaying the stored response, rejecting with result 2, 8
 * or 9, and processing the request.
 *
 * Service commands (SYSTEM, INFO, REPORT, NOMENCLATURE, AUTH, CANCEL_TICKET)
 * only need the issued token and are never replayed. The reference emulator
 * accepts REPORT without a token; a report shows the shift's sales, so this
 * server asks for the token there too.
 */
export function decideExchange(
  incoming: LastExchange,
  issuedToken: number,
  last: LastExchange | null,
): ExchangeDecision {
  if (isDocumentCommand(incoming.command) && last) {
    const samePair =
      incoming.token === last.token && incoming.reqNum === last.reqNum;
    if (samePair && incoming.command === last.command) {
      if (incoming.body && last.body && !sameBytes(incoming.body, last.body)) {
        return {
          kind: "reject",
          resultCode: ResultTypeEnum.RESULT_TYPE_INVALID_RETRY_REQUEST,
          message: `REQNUM ${incoming.reqNum} and token repeat the last document, but its content differs; send a new document with a new REQNUM`,
        };
      }
      return { kind: "retransmission" };
    }
    if (samePair) {
      return {
        kind: "reject",
        resultCode: ResultTypeEnum.RESULT_TYPE_INVALID_RETRY_REQUEST,
        message: `REQNUM ${incoming.reqNum} and token repeat the last document, but command ${incoming.command} differs from ${last.command}`,
      };
    }
    if (incoming.token === issuedToken && incoming.reqNum === last.reqNum) {
      return {
        kind: "reject",
        resultCode: ResultTypeEnum.RESULT_TYPE_INVALID_REQUEST_NUMBER,
        message: `REQNUM ${incoming.reqNum} was used by the last document with another token; increment REQNUM`,
      };
    }
  }

  if (incoming.token === 0 || incoming.token !== issuedToken) {
    return {
      kind: "reject",
      resultCode: ResultTypeEnum.RESULT_TYPE_INVALID_TOKEN,
      message: "Invalid token; enter the token issued in the OFD cabinet",
    };
  }
  return { kind: "accept" };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
