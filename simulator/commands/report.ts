/** `x-report`, `z-report` (COMMAND_REPORT) and `login` (COMMAND_AUTH). */
import { create } from "@bufbuild/protobuf";
import {
  AuthResponse_ResultTypeEnum,
  CommandTypeEnum,
  ReportTypeEnum,
  RequestSchema,
  UserRoleEnum,
} from "../../proto/messages";
import { UsageError } from "../args";
import { toProtoDateTime } from "../clock";
import { reportLines, summariseReport } from "../report-view";
import {
  requireOk,
  sendRequest,
  serviceBlock,
  type CommandContext,
} from "../session";
import { describeExchange } from "./answer";

/** Asks for the current X report or the last Z report and prints it. */
export async function runReport(
  context: CommandContext,
  type: ReportTypeEnum,
): Promise<void> {
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_REPORT,
    report: { report: type, dateTime: toProtoDateTime(context.now()) },
    service: serviceBlock(context.state),
  });

  const exchange = await sendRequest(context, request, { command: "report" });
  describeExchange(context, exchange);
  requireOk(exchange);

  const report = exchange.response.report;
  const summary = summariseReport(report?.report ?? type, report?.zxReport);
  context.out.set("report", summary);
  for (const line of reportLines(summary)) context.out.line(line);
}

/** Checks a cashier's login and password and prints the AuthResponse. */
export async function runLogin(context: CommandContext): Promise<void> {
  const [login, password] = context.args.operands;
  if (login === undefined || password === undefined) {
    throw new UsageError("missing operands: usage `login <login> <password>`");
  }
  const request = create(RequestSchema, {
    command: CommandTypeEnum.COMMAND_AUTH,
    auth: { login, password },
  });

  const exchange = await sendRequest(context, request, { command: "auth" });
  describeExchange(context, exchange);
  requireOk(exchange);

  const auth = exchange.response.auth;
  const ok = auth?.result === AuthResponse_ResultTypeEnum.RESULT_TYPE_OK;
  const roles = (auth?.roles ?? []).map(
    (role) => UserRoleEnum[role] ?? String(role),
  );
  context.out.set("auth", {
    ok,
    result: AuthResponse_ResultTypeEnum[auth?.result ?? 0] ?? auth?.result,
    operatorCode: auth?.operatorCode ?? null,
    operatorName: auth?.operatorName ?? "",
    roles,
  });
  context.out.line(
    ok
      ? `Login OK: operator ${auth?.operatorCode} ${auth?.operatorName}` +
          (roles.length ? ` (${roles.join(", ")})` : "")
      : "Login rejected: RESULT_TYPE_INVALID_LOGIN_PASSWORD",
  );
  if (!ok) context.out.exitCode = 2;
}
