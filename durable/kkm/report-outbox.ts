/**
 * The D1 row of an X or Z report, queued in the object's outbox in the same
 * transaction as the report and written to D1 later.
 */
import { toJson } from "@bufbuild/protobuf";
import {
  OperationTypeEnum,
  ZXReportSchema,
  type ZXReport,
} from "../../proto/messages";
import type { ShiftCounters } from "../fiscal/counters";

/** Outbox kind of report rows. */
export const SHIFT_REPORT_KIND = "shift_report";

/** Outbox kind of receipt index rows. */
export const RECEIPT_INDEX_KIND = "receipt_index";

/** A receipt as the D1 table `receipt_index` finds it. */
export interface ReceiptIndexRow {
  kkmId: number;
  organisationId: string;
  fiscalSign: string;
  autonomousNumber: number | null;
  shiftNumber: number;
  operation: number;
  localTime: string;
  receivedAt: string;
  total: number;
}

/** A report as the D1 table `shift_reports` stores it. */
export interface ShiftReportRow {
  kkmId: number;
  kind: "Z" | "X";
  shiftNumber: number;
  sequence: number;
  localTime: string;
  receivedAt: string;
  revenue: number;
  cash: number;
  nonNullableSell: number;
  report: string;
  registerReport: string | null;
  discrepancies: string | null;
}

/** Builds the D1 row of a report from the counters it was built from. */
export function shiftReportRow(input: {
  kkmId: number;
  kind: "Z" | "X";
  sequence: number;
  localTime: string;
  now: Date;
  counters: ShiftCounters;
  report: ZXReport;
  registerReport: ZXReport | null;
  discrepancies: string[];
}): ShiftReportRow {
  const { counters } = input;
  return {
    kkmId: input.kkmId,
    kind: input.kind,
    shiftNumber: input.report.shiftNumber,
    sequence: input.sequence,
    localTime: input.localTime,
    receivedAt: input.now.toISOString(),
    revenue: counters.revenue,
    cash: counters.cash,
    nonNullableSell:
      counters.nonNullableSums[OperationTypeEnum.OPERATION_SELL] ?? 0,
    report: JSON.stringify(toJson(ZXReportSchema, input.report)),
    registerReport: input.registerReport
      ? JSON.stringify(toJson(ZXReportSchema, input.registerReport))
      : null,
    discrepancies: input.registerReport
      ? JSON.stringify(input.discrepancies)
      : null,
  };
}
