/** X and Z reports of the shifts of one KKM, built from stored counters. */
import { create } from "@bufbuild/protobuf";
import {
  ReportTypeEnum,
  ZXReportSchema,
  type ZXReport,
} from "../../proto/messages";
import type { ShiftCounters } from "../fiscal/counters";
import { buildZxReport } from "../fiscal/report-build";
import { fromLocalText } from "../fiscal/date-time";
import type { KkmStore, ShiftRow } from "./store";

/** The X report of an open shift at local time `localNow`. */
export function xReportOf(shift: ShiftRow, localNow: string): ZXReport {
  return buildZxReport(JSON.parse(shift.counters) as ShiftCounters, {
    shiftNumber: shift.number,
    dateTime: localNow,
    openShiftTime: shift.openedLocal,
  });
}

/** The Z report of a closed shift, dated at its close. */
export function zReportOf(shift: ShiftRow): ZXReport {
  const closedLocal = shift.closedLocal ?? shift.openedLocal;
  return buildZxReport(JSON.parse(shift.counters) as ShiftCounters, {
    shiftNumber: shift.number,
    dateTime: closedLocal,
    openShiftTime: shift.openedLocal,
    closeShiftTime: closedLocal,
  });
}

/**
 * A report with no shift behind it: only the date, the shift number, zero
 * cash and zero revenue, as the reference server sends before any shift.
 */
export function emptyReport(shiftNumber: number, localNow: string): ZXReport {
  return create(ZXReportSchema, {
    dateTime: fromLocalText(localNow),
    shiftNumber,
    cashSum: { bills: 0n, coins: 0 },
    revenue: { sum: { bills: 0n, coins: 0 }, isNegative: false },
  });
}

/**
 * The shift state a register reads at start-up: X of the open shift, or Z
 * of the last closed one. Before any shift it is an empty Z numbered 1,
 * which registers read as "shift 1 not opened yet".
 */
export function currentState(
  store: KkmStore,
  localNow: string,
): { report: ReportTypeEnum; zxReport: ZXReport } {
  const latest = store.getLatestShift();
  if (!latest) {
    return {
      report: ReportTypeEnum.REPORT_Z,
      zxReport: emptyReport(1, localNow),
    };
  }
  if (latest.closedAt === null) {
    return {
      report: ReportTypeEnum.REPORT_X,
      zxReport: xReportOf(latest, localNow),
    };
  }
  return { report: ReportTypeEnum.REPORT_Z, zxReport: zReportOf(latest) };
}
