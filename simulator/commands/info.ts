/** `info` (COMMAND_INFO) and `ping` (COMMAND_SYSTEM). */
import { create } from "@bufbuild/protobuf";
import { CommandTypeEnum, RequestSchema } from "../../proto/messages";
import { applyAnswer } from "../effects";
import { reportLines, summariseReport } from "../report-view";
import {
  requireOk,
  sendRequest,
  serviceBlock,
  type CommandContext,
} from "../session";
import { describeExchange } from "./answer";

/** Asks for the shift state and registration data, and stores them. */
export async function runInfo(context: CommandContext): Promise<void> {
  const { state, out } = context;
  const service = serviceBlock(state);
  service.getRegInfo = true;
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_INFO,
    service,
  });

  const exchange = await sendRequest(context, request, { command: "info" });
  describeExchange(context, exchange);
  requireOk(exchange);
  applyAnswer(state, state.last!, exchange.response);

  const report = exchange.response.report;
  const summary = summariseReport(report?.report ?? 0, report?.zxReport);
  const shift = state.shiftOpen ? "open" : "closed";
  out.line(
    `Shift ${summary.shiftNumber} ${shift}; cash ${summary.cash}, ` +
      `revenue ${summary.revenue}`,
  );
  out.set("shift", {
    number: summary.shiftNumber,
    open: state.shiftOpen === true,
    nextDocumentShift: state.shiftNumber,
  });
  out.set("report", summary);

  const regInfo = exchange.response.service?.regInfo;
  const registration = {
    kgdNumber: regInfo?.kkm?.fnsKkmId ?? "",
    serialNumber: regInfo?.kkm?.serialNumber ?? "",
    kkmId: regInfo?.kkm?.kkmId ?? "",
    orgTitle: regInfo?.org?.title ?? "",
    orgInn: regInfo?.org?.inn ?? "",
    posTitle: regInfo?.pos?.title ?? "",
    posAddress: regInfo?.pos?.address ?? "",
  };
  out.set("registration", registration);
  out.line(`KGD number ${registration.kgdNumber}`);
  out.line(`Serial ${registration.serialNumber}`);
  out.line(
    `Organisation ${registration.orgTitle}, IIN/BIN ${registration.orgInn}`,
  );
  out.line(
    `Point of sale ${registration.posTitle}, ${registration.posAddress}`,
  );
  for (const line of reportLines(summary).slice(1)) out.line(line);
}

/** Sends COMMAND_SYSTEM, the protocol's keep-alive. */
export async function runPing(context: CommandContext): Promise<void> {
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_SYSTEM,
    service: serviceBlock(context.state),
  });

  const exchange = await sendRequest(context, request, { command: "system" });
  describeExchange(context, exchange);
  requireOk(exchange);
  context.out.line(`Pong from ${context.transport.endpoint}`);
}
