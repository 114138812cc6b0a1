/**
 * COMMAND_TICKET: a receipt. An accepted receipt is stored with its fiscal
 * sign and counted into the open shift, which it opens if needed. The
 * session commits it together with the new token and the retry record.
 */
import { isFieldSet, toBinary } from "@bufbuild/protobuf";
import { makeResponse } from "../../../proto/codec";
import {
  CommandTypeEnum,
  ResultTypeEnum,
  TicketRequestSchema,
  type Response,
  type TicketRequest,
} from "../../../proto/messages";
import { counterOverflow } from "../../fiscal/counter-limit";
import { applyTicket } from "../../fiscal/counters";
import { toLocalText } from "../../fiscal/date-time";
import { toTiyn } from "../../fiscal/money";
import { validateTicket } from "../../fiscal/validate-ticket";
import type { CommandOutcome, ExchangeContext } from "../context";
import { newFiscalSign } from "../random";
import { receiptQrUrl } from "../receipt-qr";
import { RECEIPT_INDEX_KIND, type ReceiptIndexRow } from "../report-outbox";
import { resultOnly } from "../reply";
import { expiredShiftText, saveShift, shiftForDocument } from "../shifts";

const COMMAND = CommandTypeEnum.COMMAND_TICKET;

export function handleTicket(context: ExchangeContext): CommandOutcome {
  const { request, registration, store, now, header } = context;
  const ticket = request.ticket;
  if (!ticket) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      "ticket is missing: COMMAND_TICKET needs Request.ticket",
    );
  }

  const parsed = readTicket(ticket);
  if ("problem" in parsed) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_INCORRECT_REQUEST_DATA,
      parsed.problem,
    );
  }
  const problem = validateTicket(ticket, {
    version: context.version,
    sellerIinBin: registration.organisation.iinBin,
  });
  if (problem) return reject(problem.resultCode, problem.message);

  const { localTime, total, offlineNumber } = parsed;
  const placed = shiftForDocument(
    store,
    localTime,
    now,
    offlineNumber !== null,
  );
  if ("expired" in placed) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_OPEN_SHIFT_TIMEOUT_EXPIRED,
      expiredShiftText(placed.expired),
    );
  }

  // A register that lost the response to an autonomous receipt sends it again
  // from its queue, possibly with another REQNUM, so it gets its first sign back.
  if (offlineNumber !== null) {
    const earlier = store.findOfflineReceipt(offlineNumber, localTime, total);
    if (earlier) {
      return {
        kind: "document",
        response: ticketAnswer(earlier.fiscalSign, earlier.qrUrl),
        commit: () => {},
      };
    }
  }

  const shift = placed.shift;
  const fiscalSign = newFiscalSign(context.random, (sign) =>
    store.hasFiscalSign(sign),
  );
  const qrUrl = receiptQrUrl(context.config.receiptCheckUrl, {
    fiscalSign,
    kgdNumber: registration.kgdNumber,
    totalTiyn: total,
    localTime,
  });
  const counters = applyTicket(shift.counters, ticket);
  const overflow = counterOverflow(counters);
  if (overflow) {
    return reject(ResultTypeEnum.RESULT_TYPE_INCORRECT_REQUEST_DATA, overflow);
  }

  const commit = () => {
    saveShift(store, shift, counters, registerShiftNumber(ticket), now);
    store.insertReceipt({
      fiscalSign,
      shiftNumber: shift.row.number,
      operation: ticket.operation,
      localTime,
      receivedAt: now.toISOString(),
      total,
      offlineNumber,
      reqNum: header.reqNum,
      version: context.version,
      qrUrl,
      request: toBinary(TicketRequestSchema, ticket),
    });
    const indexRow: ReceiptIndexRow = {
      kkmId: registration.kkmId,
      organisationId: registration.organisation.id,
      fiscalSign,
      autonomousNumber: offlineNumber,
      shiftNumber: shift.row.number,
      operation: ticket.operation,
      localTime,
      receivedAt: now.toISOString(),
      total,
    };
    store.enqueueOutbox(RECEIPT_INDEX_KIND, indexRow, now);
  };
  return {
    kind: "document",
    response: ticketAnswer(fiscalSign, qrUrl),
    commit,
  };
}

/** Reads the fields every later step needs, or names the unusable one. */
function readTicket(
  ticket: TicketRequest,
):
  | { localTime: string; total: number; offlineNumber: number | null }
  | { problem: string } {
  let localTime: string;
  try {
    localTime = toLocalText(ticket.dateTime);
  } catch (error) {
    return { problem: `ticket.date_time: ${(error as Error).message}` };
  }

  let total: number;
  try {
    if (!ticket.amounts?.total)
      return { problem: "ticket.amounts.total is missing" };
    total = toTiyn(ticket.amounts.total);
  } catch (error) {
    return { problem: `ticket.amounts.total: ${(error as Error).message}` };
  }

  const offlineNumber = isFieldSet(
    ticket,
    TicketRequestSchema.field.offlineTicketNumber,
  )
    ? ticket.offlineTicketNumber
    : null;
  return { localTime, total, offlineNumber };
}

function registerShiftNumber(ticket: TicketRequest): number | null {
  return isFieldSet(ticket, TicketRequestSchema.field.frShiftNumber)
    ? ticket.frShiftNumber
    : null;
}

function ticketAnswer(fiscalSign: string, qrUrl: string): Response {
  return makeResponse({
    command: COMMAND,
    result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
    ticket: {
      ticketNumber: fiscalSign,
      qrCode: new TextEncoder().encode(qrUrl),
    },
  });
}

function reject(resultCode: ResultTypeEnum, message: string): CommandOutcome {
  return {
    kind: "service",
    response: resultOnly(COMMAND, resultCode, message),
  };
}
