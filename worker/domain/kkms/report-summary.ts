/**
 * The plain figures of an X or Z report for the report page: per section
 * and in total the count and sum of sales, purchases and their returns,
 * revenue, cash and the non-nullable sums. Amounts are tiyn.
 */
import { fromJson, type JsonValue } from "@bufbuild/protobuf";
import { toTiyn } from "../../../durable/fiscal/money";
import {
  OperationTypeEnum,
  ZXReportSchema,
  type ZXReport_Operation,
  type ZXReport_NonNullableSum,
} from "../../../proto/messages";

/** Count and sum in tiyn of one operation type. */
export interface CountSum {
  count: number;
  sum: number;
}

/** Counts and sums per operation type. */
export interface OperationTotals {
  sell: CountSum;
  buy: CountSum;
  sellReturn: CountSum;
  buyReturn: CountSum;
}

/** Sums in tiyn per operation type. */
export interface OperationSums {
  sell: number;
  buy: number;
  sellReturn: number;
  buyReturn: number;
}

/** A report's figures as the report page shows them. */
export interface ReportSummary {
  sections: (OperationTotals & { section: string })[];
  /** Totals by sections. */
  totals: OperationTotals;
  /** Totals after receipt-level discounts and markups. */
  totalResult: OperationTotals;
  /** Shift revenue, negative when purchases and returns exceed sales. */
  revenue: number;
  /** Cash in the drawer. */
  cash: number;
  /** Grand totals since registration at the report time. */
  nonNullable: OperationSums;
  /** Grand totals since registration when the shift opened. */
  startNonNullable: OperationSums;
}

const KEYS: Record<number, keyof OperationTotals> = {
  [OperationTypeEnum.OPERATION_SELL]: "sell",
  [OperationTypeEnum.OPERATION_BUY]: "buy",
  [OperationTypeEnum.OPERATION_SELL_RETURN]: "sellReturn",
  [OperationTypeEnum.OPERATION_BUY_RETURN]: "buyReturn",
};

/** Summarises a ZXReport stored in protobuf JSON form. */
export function summariseReport(reportJson: string): ReportSummary {
  const report = fromJson(ZXReportSchema, JSON.parse(reportJson) as JsonValue, {
    ignoreUnknownFields: true,
  });
  const revenue = toTiyn(report.revenue?.sum);
  return {
    sections: report.sections.map((section) => ({
      section: section.sectionCode,
      ...operationTotals(section.operations),
    })),
    totals: operationTotals(report.operations),
    totalResult: operationTotals(report.totalResult),
    revenue: report.revenue?.isNegative ? -revenue : revenue,
    cash: toTiyn(report.cashSum),
    nonNullable: operationSums(report.nonNullableSums),
    startNonNullable: operationSums(report.startShiftNonNullableSums),
  };
}

function operationTotals(rows: ZXReport_Operation[]): OperationTotals {
  const totals: OperationTotals = {
    sell: { count: 0, sum: 0 },
    buy: { count: 0, sum: 0 },
    sellReturn: { count: 0, sum: 0 },
    buyReturn: { count: 0, sum: 0 },
  };
  for (const row of rows) {
    const key = KEYS[row.operation];
    if (!key) continue;
    totals[key].count += row.count;
    totals[key].sum += toTiyn(row.sum);
  }
  return totals;
}

function operationSums(rows: ZXReport_NonNullableSum[]): OperationSums {
  const sums: OperationSums = { sell: 0, buy: 0, sellReturn: 0, buyReturn: 0 };
  for (const row of rows) {
    const key = KEYS[row.operation];
    if (key) sums[key] += toTiyn(row.sum);
  }
  return sums;
}
