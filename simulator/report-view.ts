/** Human and JSON views of an X/Z report (ZXReport). Sums are tiyn. */
import {
  MoneyPlacementEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
  ReportTypeEnum,
  type ZXReport,
} from "../proto/messages";
import { formatLocalDateTime, fromProtoDateTime } from "./clock";
import { formatTenge, fromMoney } from "./money";

/** Plain-data form of a ZXReport for --json output. */
export interface ReportSummary {
  report: "X" | "Z";
  shiftNumber: number;
  dateTime?: string;
  openShiftTime?: string;
  closeShiftTime?: string;
  cash: string;
  revenue: string;
  operations: { operation: string; count: number; sum: string }[];
  tickets: {
    operation: string;
    count: number;
    totalCount: number;
    sum: string;
    offlineCount: number;
    payments: { payment: string; count: number; sum: string }[];
  }[];
  moneyPlacements: {
    operation: string;
    count: number;
    totalCount: number;
    sum: string;
  }[];
  nonNullableSums: { operation: string; sum: string }[];
}

/** Summarises a report; amounts become tenge text such as "1000.50". */
export function summariseReport(
  type: ReportTypeEnum,
  z: ZXReport | undefined,
): ReportSummary {
  const revenue = fromMoney(z?.revenue?.sum);
  return {
    report: type === ReportTypeEnum.REPORT_X ? "X" : "Z",
    shiftNumber: z?.shiftNumber ?? 0,
    dateTime: timeText(z?.dateTime),
    openShiftTime: timeText(z?.openShiftTime),
    closeShiftTime: timeText(z?.closeShiftTime),
    cash: formatTenge(fromMoney(z?.cashSum)),
    revenue: formatTenge(z?.revenue?.isNegative ? -revenue : revenue),
    operations: (z?.operations ?? []).map((entry) => ({
      operation: operationName(entry.operation),
      count: entry.count,
      sum: formatTenge(fromMoney(entry.sum)),
    })),
    tickets: (z?.ticketOperations ?? []).map((entry) => ({
      operation: operationName(entry.operation),
      count: entry.ticketsCount,
      totalCount: entry.ticketsTotalCount,
      sum: formatTenge(fromMoney(entry.ticketsSum)),
      offlineCount: entry.offlineCount,
      payments: entry.payments.map((payment) => ({
        payment: paymentName(payment.payment),
        count: payment.count,
        sum: formatTenge(fromMoney(payment.sum)),
      })),
    })),
    moneyPlacements: (z?.moneyPlacements ?? []).map((entry) => ({
      operation:
        entry.operation === MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT
          ? "deposit"
          : "withdrawal",
      count: entry.operationsCount,
      totalCount: entry.operationsTotalCount,
      sum: formatTenge(fromMoney(entry.operationsSum)),
    })),
    nonNullableSums: (z?.nonNullableSums ?? []).map((entry) => ({
      operation: operationName(entry.operation),
      sum: formatTenge(fromMoney(entry.sum)),
    })),
  };
}

/** Renders a report summary as the lines a register would print. */
export function reportLines(summary: ReportSummary): string[] {
  const lines = [`${summary.report} report, shift ${summary.shiftNumber}`];
  if (summary.openShiftTime) lines.push(`  opened   ${summary.openShiftTime}`);
  if (summary.closeShiftTime)
    lines.push(`  closed   ${summary.closeShiftTime}`);
  lines.push(`  cash     ${summary.cash}`);
  lines.push(`  revenue  ${summary.revenue}`);

  for (const entry of summary.tickets) {
    lines.push(
      `  receipts ${entry.operation}: ${entry.count} this shift ` +
        `(${entry.totalCount} in all), sum ${entry.sum}` +
        (entry.offlineCount ? `, ${entry.offlineCount} autonomous` : ""),
    );
    for (const payment of entry.payments) {
      lines.push(
        `    ${payment.payment}: ${payment.count} payments, ${payment.sum}`,
      );
    }
  }
  for (const entry of summary.operations) {
    lines.push(`  lines ${entry.operation}: ${entry.count}, sum ${entry.sum}`);
  }
  for (const entry of summary.moneyPlacements) {
    lines.push(
      `  ${entry.operation}: ${entry.count} this shift, sum ${entry.sum}`,
    );
  }
  for (const entry of summary.nonNullableSums) {
    lines.push(`  non-nullable ${entry.operation}: ${entry.sum}`);
  }
  return lines;
}

function timeText(
  value: Parameters<typeof fromProtoDateTime>[0],
): string | undefined {
  return value ? formatLocalDateTime(fromProtoDateTime(value)) : undefined;
}

function operationName(operation: OperationTypeEnum): string {
  const names: Record<OperationTypeEnum, string> = {
    [OperationTypeEnum.OPERATION_BUY]: "buy",
    [OperationTypeEnum.OPERATION_BUY_RETURN]: "buy-return",
    [OperationTypeEnum.OPERATION_SELL]: "sell",
    [OperationTypeEnum.OPERATION_SELL_RETURN]: "sell-return",
  };
  return names[operation] ?? `operation-${operation}`;
}

function paymentName(payment: PaymentTypeEnum): string {
  return (
    PaymentTypeEnum[payment]?.replace("PAYMENT_", "").toLowerCase() ??
    `payment-${payment}`
  );
}
