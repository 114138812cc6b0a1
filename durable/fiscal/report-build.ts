/**
 * Builds the 2.0.3 ZXReport message (X or Z) from shift counters.
 *
 * Rows exist only for what happened, as the reference server does it: a
 * missing row means zero. Rows are sorted by enum number, sections by code
 * and taxes by tax type and percent. Every required proto2 field is set,
 * also when it is zero, so toBinary() does not throw.
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  ZXReportSchema,
  ZXReport_OperationSchema,
  type Money,
  type ZXReport,
} from "../../proto/messages";
import { fromLocalText } from "./date-time";
import { toMoney } from "./money";
import {
  entries,
  type OperationMap,
  type ShiftCounters,
  type Tally,
} from "./counters-types";

/** Report header values that are not counters; times as local time text. */
export interface ReportTimes {
  shiftNumber: number;
  dateTime: string;
  openShiftTime?: string;
  closeShiftTime?: string;
}

type OperationRow = MessageInitShape<typeof ZXReport_OperationSchema>;

/** Builds the ZXReport of `counters`, without a checksum. */
export function buildZxReport(
  counters: ShiftCounters,
  times: ReportTimes,
): ZXReport {
  const report = create(ZXReportSchema, {
    dateTime: fromLocalText(times.dateTime),
    shiftNumber: times.shiftNumber,
    sections: sortSectionCodes(Object.keys(counters.sections)).map((code) => ({
      sectionCode: code,
      operations: operationRows(counters.sections[code] ?? {}),
    })),
    operations: operationRows(counters.operations),
    discounts: operationRows(counters.discounts),
    markups: operationRows(counters.markups),
    totalResult: operationRows(counters.totalResult),
    taxes: Object.values(counters.taxes)
      .sort((a, b) => a.taxType - b.taxType || a.percent - b.percent)
      .map((rate) => ({
        taxType: rate.taxType,
        percent: rate.percent,
        operations: entries(rate.operations).map(([operation, row]) => ({
          operation,
          turnover: money(row.turnover),
          sum: money(row.sum),
          turnoverWithoutTax: money(row.turnoverWithoutTax),
        })),
      })),
    startShiftNonNullableSums: sumRows(counters.startShiftNonNullableSums),
    ticketOperations: entries(counters.ticketOperations).map(
      ([operation, tally]) => ({
        operation,
        ticketsTotalCount: tally.ticketsTotalCount,
        ticketsCount: tally.ticketsCount,
        ticketsSum: money(tally.ticketsSum),
        payments: entries(tally.payments).map(([payment, paid]) => ({
          payment,
          sum: money(paid.sum),
          count: paid.count,
        })),
        offlineCount: tally.offlineCount,
        discountSum: money(tally.discountSum),
        markupSum: money(tally.markupSum),
        changeSum: money(tally.changeSum),
      }),
    ),
    moneyPlacements: entries(counters.moneyPlacements).map(
      ([operation, tally]) => ({
        operation,
        operationsTotalCount: tally.operationsTotalCount,
        operationsCount: tally.operationsCount,
        operationsSum: money(tally.operationsSum),
        offlineCount: tally.offlineCount,
      }),
    ),
    cashSum: money(counters.cash),
    revenue: {
      sum: toMoney(Math.abs(counters.revenue)),
      isNegative: counters.revenue < 0,
    },
    nonNullableSums: sumRows(counters.nonNullableSums),
  });

  if (times.openShiftTime !== undefined) {
    report.openShiftTime = fromLocalText(times.openShiftTime);
  }
  if (times.closeShiftTime !== undefined) {
    report.closeShiftTime = fromLocalText(times.closeShiftTime);
  }
  return report;
}

/**
 * Money of a counter. Money is unsigned on the wire, so a negative counter
 * (a drawer that paid out more than it held, a section with only storno
 * lines) is reported as 0.
 *
 * NOTE: the report then hides the negative value. The counters keep it, so
 * later documents still add up from the true value.
 */
function money(tiyn: number): Money {
  return toMoney(Math.max(0, tiyn));
}

function operationRows(map: OperationMap<Tally>): OperationRow[] {
  return entries(map).map(([operation, tally]) => ({
    operation,
    count: tally.count,
    sum: money(tally.sum),
  }));
}

function sumRows(map: OperationMap<number>) {
  return entries(map).map(([operation, sum]) => ({
    operation,
    sum: money(sum),
  }));
}

/** Numeric codes in number order ("2" before "10"), then others by text. */
function sortSectionCodes(codes: string[]): string[] {
  const isNumber = (code: string) => /^\d+$/.test(code);
  return [...codes].sort((a, b) => {
    if (isNumber(a) && isNumber(b) && BigInt(a) !== BigInt(b)) {
      return BigInt(a) < BigInt(b) ? -1 : 1;
    }
    if (isNumber(a) !== isNumber(b)) return isNumber(a) ? -1 : 1;

    // Equal numbers ("7" and "07") and non-numeric codes: by text.
    if (a === b) return 0;
    return a < b ? -1 : 1;
  });
}
