/** `sell`, `buy`, `return`, `buy-return` and their `offline` variants. */
import { create, toBinary } from "@bufbuild/protobuf";
import { toHex } from "../../proto/frame";
import { CommandTypeEnum, RequestSchema } from "../../proto/messages";
import { formatLocalDateTime } from "../clock";
import { applyAnswer } from "../effects";
import { formatTenge } from "../money";
import { buildTicket, type ReceiptTotals } from "../receipt";
import {
  requireOk,
  sendRequest,
  serviceBlock,
  type CommandContext,
} from "../session";
import {
  recordReceipt,
  takeOfflineNumber,
  takeReqNum,
  type ReceiptOperation,
} from "../state";
import { describeExchange } from "./answer";
import { receiptInput, receiptRecord } from "./ticket-input";

/** Sends a receipt (COMMAND_TICKET) and stores its fiscal sign. */
export async function runTicket(
  context: CommandContext,
  operation: ReceiptOperation,
): Promise<void> {
  const { state, out } = context;
  const input = receiptInput(context, operation);
  const { ticket, totals } = buildTicket(input);
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket,
    service: serviceBlock(state),
  });
  describeTotals(context, totals);
  if (state.queue.length > 0) {
    out.line(
      `Warning: ${state.queue.length} autonomous documents wait in the ` +
        "queue; a register would queue this receipt too (run flush)",
    );
  }

  const record = receiptRecord(
    input,
    operation,
    totals.total,
    state.nextReqNum,
  );
  const exchange = await sendRequest(context, request, {
    command: "ticket",
    receipt: record,
  });
  describeExchange(context, exchange);
  requireOk(exchange);
  applyAnswer(state, state.last!, exchange.response);

  const fiscalSign = exchange.response.ticket?.ticketNumber ?? "";
  const qrBytes = exchange.response.ticket?.qrCode;
  const qr = qrBytes ? new TextDecoder().decode(qrBytes) : "";
  out.set("fiscalSign", fiscalSign);
  out.set("qr", qr);
  out.line(`Fiscal sign ${fiscalSign}`);
  if (qr) out.line(`QR ${qr}`);
}

/** Queues a receipt made in autonomous mode with its own number. */
export async function queueTicket(
  context: CommandContext,
  operation: ReceiptOperation,
): Promise<void> {
  const { state, out } = context;
  const input = receiptInput(context, operation);
  const offlineNumber = takeOfflineNumber(state);
  input.offlineTicketNumber = offlineNumber;
  const { ticket, totals } = buildTicket(input);
  describeTotals(context, totals);

  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket,
    service: serviceBlock(state),
  });
  const reqNum = takeReqNum(state);
  const createdAt = formatLocalDateTime(input.dateTime);
  state.queue.push({
    kind: "ticket",
    reqNum,
    createdAt,
    request: toHex(toBinary(RequestSchema, request)),
    offlineNumber,
  });
  recordReceipt(state, receiptRecord(input, operation, totals.total, reqNum));
  // A register opens its shift locally with the first autonomous receipt.
  state.shiftOpen = true;

  out.set("offlineNumber", offlineNumber);
  out.set("reqNum", reqNum);
  out.set("queued", state.queue.length);
  out.line(
    `Queued receipt, autonomous number ${offlineNumber}, REQNUM ${reqNum} ` +
      `(${state.queue.length} in the queue)`,
  );
}

function describeTotals(context: CommandContext, totals: ReceiptTotals): void {
  const { out } = context;
  out.set("total", formatTenge(totals.total));
  out.set("vat", formatTenge(totals.vat));
  out.set("taken", formatTenge(totals.taken));
  out.set("change", formatTenge(totals.change));
  out.set(
    "payments",
    totals.payments.map((payment) => ({
      type: payment.kind,
      sum: formatTenge(payment.sum),
    })),
  );

  const paid = totals.payments
    .map((payment) => `${payment.kind} ${formatTenge(payment.sum)}`)
    .join(", ");
  out.line(`Total ${formatTenge(totals.total)} (${paid})`);
  if (totals.vat !== 0n) out.line(`VAT ${formatTenge(totals.vat)}`);
  if (totals.change !== 0n) {
    out.line(
      `Taken ${formatTenge(totals.taken)}, change ${formatTenge(totals.change)}`,
    );
  }
}
