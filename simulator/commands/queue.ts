/**
 * The autonomous queue: `queue` lists it and `flush` delivers it. Flushing
 * first reports the offline period with COMMAND_SYSTEM, then sends each
 * document in its original order with the REQNUM it got when queued.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { fromHex } from "../../proto/frame";
import {
  CommandTypeEnum,
  RequestSchema,
  ServiceRequest_OfflinePeriodSchema,
} from "../../proto/messages";
import {
  parseLocalDateTime,
  toProtoDateTime,
  type LocalDateTime,
} from "../clock";
import { applyAnswer } from "../effects";
import {
  requireOk,
  sendRequest,
  serviceBlock,
  type CommandContext,
} from "../session";
import type { QueuedDocument } from "../state";
import { describeExchange } from "./answer";

/** Prints the queued documents in sending order. */
export function runQueue(context: CommandContext): void {
  const { state, out } = context;
  const entries = state.queue.map((entry) => ({
    kind: entry.kind,
    reqNum: entry.reqNum,
    createdAt: entry.createdAt,
    offlineNumber: entry.offlineNumber ?? null,
  }));
  out.set("queue", entries);

  if (entries.length === 0) out.line("Queue is empty");
  for (const entry of entries) {
    const number =
      entry.offlineNumber === null ? "" : ` autonomous ${entry.offlineNumber}`;
    out.line(
      `${entry.createdAt} REQNUM ${entry.reqNum} ${entry.kind}${number}`,
    );
  }
}

/** Delivers the queue; stops at the first response other than OK. */
export async function runFlush(context: CommandContext): Promise<void> {
  const { state, out } = context;
  const delivered: Record<string, unknown>[] = [];
  out.set("delivered", delivered);

  const first = state.queue[0];
  if (!first) {
    out.line("Queue is empty; nothing to send");
    return;
  }
  const begin = parseLocalDateTime(first.createdAt) ?? context.now();

  const system = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_SYSTEM,
    service: serviceBlock(state),
  });
  system.service!.offlinePeriod = offlinePeriod(begin, context.now());
  const ping = await sendRequest(context, system, { command: "system" });
  describeExchange(context, ping);
  requireOk(ping);
  out.line(`Offline period reported, ${state.queue.length} documents to send`);

  // The queue only shrinks inside the loop, so a copy bounds it.
  for (const entry of [...state.queue]) {
    const exchange = await sendQueued(context, entry, begin);
    describeExchange(context, exchange);
    const result = exchange.response.result;
    const item: Record<string, unknown> = {
      kind: entry.kind,
      reqNum: entry.reqNum,
      offlineNumber: entry.offlineNumber ?? null,
      result: result?.resultCode ?? null,
    };
    delivered.push(item);
    requireOk(exchange);
    applyAnswer(state, state.last!, exchange.response);

    const fiscalSign = exchange.response.ticket?.ticketNumber;
    if (fiscalSign) item.fiscalSign = fiscalSign;
    out.line(
      `Sent ${entry.kind} REQNUM ${entry.reqNum}` +
        (entry.offlineNumber ? ` autonomous ${entry.offlineNumber}` : "") +
        (fiscalSign ? `: fiscal sign ${fiscalSign}` : ": OK"),
    );
  }
  out.line("Queue delivered");
}

async function sendQueued(
  context: CommandContext,
  entry: QueuedDocument,
  begin: LocalDateTime,
) {
  const { state } = context;
  const request = fromBinary(RequestSchema, fromHex(entry.request));
  request.service ??= serviceBlock(state);
  // end_time is refreshed before each send.
  request.service.offlinePeriod = offlinePeriod(begin, context.now());

  const receipt =
    entry.offlineNumber === undefined
      ? undefined
      : state.receipts.find(
          (record) => record.offlineNumber === entry.offlineNumber,
        );
  return sendRequest(
    context,
    request,
    { command: entry.kind, queued: entry, receipt },
    entry.reqNum,
  );
}

function offlinePeriod(begin: LocalDateTime, end: LocalDateTime) {
  return create(ServiceRequest_OfflinePeriodSchema, {
    beginTime: toProtoDateTime(begin),
    endTime: toProtoDateTime(end),
  });
}
