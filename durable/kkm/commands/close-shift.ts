/**
 * COMMAND_CLOSE_SHIFT: closes the shift and returns its Z report, built
 * from the server's own counters. The register's Z report, when sent, is
 * stored beside it and any difference is recorded.
 */
import { isFieldSet, toBinary } from "@bufbuild/protobuf";
import { makeResponse } from "../../../proto/codec";
import {
  CloseShiftRequestSchema,
  CommandTypeEnum,
  ReportTypeEnum,
  ResultTypeEnum,
  ZXReportSchema,
} from "../../../proto/messages";
import { withdrawAllCash } from "../../fiscal/counters";
import { toLocalText } from "../../fiscal/date-time";
import { buildZxReport } from "../../fiscal/report-build";
import { compareReports } from "../../fiscal/report-compare";
import { validateCloseShift } from "../../fiscal/validate-documents";
import type { CommandOutcome, ExchangeContext } from "../context";
import { resultOnly } from "../reply";
import { SHIFT_REPORT_KIND, shiftReportRow } from "../report-outbox";
import { findOpenShift, nextShift, saveShift } from "../shifts";

const COMMAND = CommandTypeEnum.COMMAND_CLOSE_SHIFT;

export function handleCloseShift(context: ExchangeContext): CommandOutcome {
  const { request, store, now, registration } = context;
  const close = request.closeShift;
  if (!close) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      "close_shift is missing: COMMAND_CLOSE_SHIFT needs Request.close_shift",
    );
  }
  const problem = validateCloseShift(close);
  if (problem) return reject(problem.resultCode, problem.message);

  // A register that printed its Z report blocks itself on any refusal, so
  // closing with no open shift closes an empty one rather than failing.
  // Closing is also never refused for a shift open more than 24 hours:
  // closing it is what the register is asked to do.
  const closedLocal = toLocalText(close.closeTime);
  const shift = findOpenShift(store) ?? nextShift(store, closedLocal, now);
  const counters = close.withdrawMoney
    ? withdrawAllCash(shift.counters, close.isOffline)
    : shift.counters;

  const zReport = buildZxReport(counters, {
    shiftNumber: shift.row.number,
    dateTime: closedLocal,
    openShiftTime: shift.row.openedLocal,
    closeShiftTime: closedLocal,
  });
  const registerReport = close.zReport ?? null;
  const discrepancies = registerReport
    ? compareReports(zReport, registerReport)
    : [];
  const registerShift = isFieldSet(
    close,
    CloseShiftRequestSchema.field.frShiftNumber,
  )
    ? close.frShiftNumber
    : null;

  const commit = () => {
    saveShift(store, shift, counters, registerShift, now);
    store.closeShift(shift.row.number, {
      local: closedLocal,
      at: now.toISOString(),
      counters: JSON.stringify(counters),
      registerReport: registerReport
        ? toBinary(ZXReportSchema, registerReport)
        : null,
      discrepancies,
    });
    if (discrepancies.length > 0) {
      store.recordEvent(
        "report_discrepancy",
        shift.row.number,
        { kind: "Z", differences: discrepancies },
        now,
      );
    }
    store.enqueueOutbox(
      SHIFT_REPORT_KIND,
      shiftReportRow({
        kkmId: registration.kkmId,
        kind: "Z",
        sequence: 0,
        localTime: closedLocal,
        now,
        counters,
        report: zReport,
        registerReport,
        discrepancies,
      }),
      now,
    );
  };

  const response = makeResponse({
    command: COMMAND,
    result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
    report: { report: ReportTypeEnum.REPORT_Z, zxReport: zReport },
  });
  return { kind: "document", response, commit };
}

function reject(resultCode: ResultTypeEnum, message: string): CommandOutcome {
  return {
    kind: "service",
    response: resultOnly(COMMAND, resultCode, message),
  };
}
