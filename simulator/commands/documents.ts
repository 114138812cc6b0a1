/**
 * `close-shift`, `deposit` and `withdraw`, online or queued with
 * `offline`. Each builds a Request that either goes out now or waits in the
 * autonomous queue with is_offline = true and the REQNUM it got when queued.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { toHex } from "../../proto/frame";
import {
  CloseShiftRequestSchema,
  CommandTypeEnum,
  MoneyPlacementEnum,
  MoneyPlacementRequestSchema,
  RequestSchema,
  type Request,
} from "../../proto/messages";
import { parseAmountOption, UsageError } from "../args";
import { formatLocalDateTime, toProtoDateTime } from "../clock";
import { applyAnswer, closeShiftLocally } from "../effects";
import { formatTenge, toMoney } from "../money";
import { reportLines, summariseReport } from "../report-view";
import {
  requireOk,
  sendRequest,
  serviceBlock,
  type CommandContext,
} from "../session";
import { takeReqNum, type QueuedKind } from "../state";
import { describeExchange } from "./answer";

/** Closes the shift (COMMAND_CLOSE_SHIFT) and prints the returned Z. */
export async function runCloseShift(
  context: CommandContext,
  offline: boolean,
): Promise<void> {
  const { state, out } = context;
  const closeShift = create(CloseShiftRequestSchema, {
    closeTime: toProtoDateTime(context.now()),
    operator: context.args.global.operator,
  });
  if (state.shiftNumber !== undefined) {
    closeShift.frShiftNumber = state.shiftNumber;
  }
  if (context.args.values.withdraw === true) closeShift.withdrawMoney = true;
  // NOTE: no z_report of the register's own is attached, so the OFD builds
  // the Z report from its counters.
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
    closeShift,
    service: serviceBlock(state),
  });

  if (offline) {
    closeShift.isOffline = true;
    queueDocument(context, "close-shift", request);
    closeShiftLocally(state);
    return;
  }

  const exchange = await sendRequest(context, request, {
    command: "close-shift",
  });
  describeExchange(context, exchange);
  requireOk(exchange);
  applyAnswer(state, state.last!, exchange.response);

  const report = exchange.response.report;
  const summary = summariseReport(report?.report ?? 0, report?.zxReport);
  out.set("report", summary);
  out.line(`Shift ${summary.shiftNumber} closed`);
  for (const line of reportLines(summary)) out.line(line);
}

/** Deposits or withdraws cash (COMMAND_MONEY_PLACEMENT). */
export async function runMoneyPlacement(
  context: CommandContext,
  operation: MoneyPlacementEnum,
  offline: boolean,
): Promise<void> {
  const { state, out } = context;
  const name =
    operation === MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT
      ? "deposit"
      : "withdraw";
  const amountText = context.args.operands[0];
  if (amountText === undefined) {
    throw new UsageError(`missing amount: usage \`${name} <amount in tenge>\``);
  }
  const amount = parseAmountOption(`${name} <amount>`, amountText);

  const moneyPlacement = create(MoneyPlacementRequestSchema, {
    datetime: toProtoDateTime(context.now()),
    operation,
    sum: toMoney(amount),
    operator: context.args.global.operator,
  });
  if (state.shiftNumber !== undefined) {
    moneyPlacement.frShiftNumber = state.shiftNumber;
  }
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_MONEY_PLACEMENT,
    moneyPlacement,
    service: serviceBlock(state),
  });
  out.set("amount", formatTenge(amount));

  if (offline) {
    moneyPlacement.isOffline = true;
    queueDocument(context, "money-placement", request);
    return;
  }

  const exchange = await sendRequest(context, request, {
    command: "money-placement",
  });
  describeExchange(context, exchange);
  requireOk(exchange);
  applyAnswer(state, state.last!, exchange.response);
  out.line(
    `${name === "deposit" ? "Deposited" : "Withdrew"} ${formatTenge(amount)}`,
  );
}

function queueDocument(
  context: CommandContext,
  kind: QueuedKind,
  request: Request,
): void {
  const { state, out } = context;
  const reqNum = takeReqNum(state);
  state.queue.push({
    kind,
    reqNum,
    createdAt: formatLocalDateTime(context.now()),
    request: toHex(toBinary(RequestSchema, request)),
  });
  out.set("reqNum", reqNum);
  out.set("queued", state.queue.length);
  out.line(
    `Queued ${kind}, REQNUM ${reqNum} (${state.queue.length} in the queue)`,
  );
}
