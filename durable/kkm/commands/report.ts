/**
 * COMMAND_REPORT: the current X report or the last Z report. The token
 * stays; an X report of an open shift is kept in the report history.
 */
import { makeResponse } from "../../../proto/codec";
import {
  CommandTypeEnum,
  ReportTypeEnum,
  ResultTypeEnum,
} from "../../../proto/messages";
import type { ShiftCounters } from "../../fiscal/counters";
import { toLocalText } from "../../fiscal/date-time";
import { compareReports } from "../../fiscal/report-compare";
import type { CommandOutcome, ExchangeContext } from "../context";
import { resultOnly } from "../reply";
import { SHIFT_REPORT_KIND, shiftReportRow } from "../report-outbox";
import { buildZxReport } from "../../fiscal/report-build";
import { emptyReport, xReportOf, zReportOf } from "../shift-report";
import { nextShift } from "../shifts";

const COMMAND = CommandTypeEnum.COMMAND_REPORT;

export function handleReport(context: ExchangeContext): CommandOutcome {
  const { request, store, now, registration } = context;
  const asked = request.report;
  if (!asked) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      "report is missing: COMMAND_REPORT needs Request.report",
    );
  }
  const localTime = toLocalText(asked.dateTime);

  if (asked.report === ReportTypeEnum.REPORT_Z) {
    // Before any Z exists the response is an empty Z numbered 0, dated with
    // the request's time.
    const last = store.getLastClosedShift();
    const zxReport = last ? zReportOf(last) : emptyReport(0, localTime);
    return answer(ReportTypeEnum.REPORT_Z, zxReport);
  }

  const latest = store.getLatestShift();
  if (!latest || latest.closedAt !== null) {
    // No shift is open: the X of the shift the next document would open,
    // with the cash and grand totals it carries over.
    const next = nextShift(store, localTime, now);
    const xReport = buildZxReport(next.counters, {
      shiftNumber: next.row.number,
      dateTime: localTime,
    });
    return answer(ReportTypeEnum.REPORT_X, xReport);
  }

  const zxReport = xReportOf(latest, localTime);
  const registerReport = asked.zxReport ?? null;
  const discrepancies = registerReport
    ? compareReports(zxReport, registerReport)
    : [];
  const outcome = answer(ReportTypeEnum.REPORT_X, zxReport);
  return {
    ...outcome,
    record: () => {
      const sequence = store.nextXSequence(latest.number);
      store.enqueueOutbox(
        SHIFT_REPORT_KIND,
        shiftReportRow({
          kkmId: registration.kkmId,
          kind: "X",
          sequence,
          localTime,
          now,
          counters: JSON.parse(latest.counters) as ShiftCounters,
          report: zxReport,
          registerReport,
          discrepancies,
        }),
        now,
      );
    },
  };
}

function answer(
  report: ReportTypeEnum,
  zxReport: ReturnType<typeof emptyReport>,
): CommandOutcome & { kind: "service" } {
  return {
    kind: "service",
    response: makeResponse({
      command: COMMAND,
      result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
      report: { report, zxReport },
    }),
  };
}

function reject(resultCode: ResultTypeEnum, message: string): CommandOutcome {
  return {
    kind: "service",
    response: resultOnly(COMMAND, resultCode, message),
  };
}
