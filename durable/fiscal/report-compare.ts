/**
 * Compares the register's own X/Z report with the server's, to record where
 * their counters disagree.
 *
 * A missing row and a row of zeros mean the same: the reference server
 * writes no rows for operations that never happened, and registers often
 * write them as zeros. Rows repeated in one report are added up. Report
 * time, open and close times, checksum and annulled_tickets are not
 * compared: they describe the document, not the counters.
 */
import type { Money, ZXReport } from "../../proto/messages";
import { formatTenge, toTiyn } from "./money";
import {
  formatPercent,
  operationName,
  paymentName,
  placementName,
} from "./report-names";

type Kind = "count" | "money";

interface Counter {
  kind: Kind;
  value: number;
}

/** Lists the differences as "path: server X, register Y"; empty if none. */
export function compareReports(server: ZXReport, register: ZXReport): string[] {
  const ours = flattenReport(server);
  const theirs = flattenReport(register);
  const paths = [...ours.keys()];
  for (const path of theirs.keys()) {
    if (!ours.has(path)) paths.push(path);
  }

  const differences: string[] = [];
  for (const path of paths) {
    const a = ours.get(path);
    const b = theirs.get(path);
    const kind = a?.kind ?? b?.kind ?? "count";
    const serverValue = a?.value ?? 0;
    const registerValue = b?.value ?? 0;
    if (serverValue === registerValue) continue;
    differences.push(
      `${path}: server ${format(kind, serverValue)}, ` +
        `register ${format(kind, registerValue)}`,
    );
  }
  return differences;
}

/** Maps each non-zero counter of the report to its path. */
function flattenReport(report: ZXReport): Map<string, Counter> {
  const counters = new Map<string, Counter>();
  const add = (path: string, kind: Kind, value: number) => {
    const total = (counters.get(path)?.value ?? 0) + value;
    if (total === 0) counters.delete(path);
    else counters.set(path, { kind, value: total });
  };
  const addMoney = (path: string, money: Money | undefined) =>
    add(path, "money", tiynOrZero(money));

  add("shift_number", "count", report.shiftNumber);
  for (const section of report.sections) {
    for (const row of section.operations) {
      const path = `sections[${section.sectionCode}][${operationName(row.operation)}]`;
      add(`${path}.count`, "count", row.count);
      addMoney(`${path}.sum`, row.sum);
    }
  }

  const operationLists = [
    ["operations", report.operations],
    ["discounts", report.discounts],
    ["markups", report.markups],
    ["total_result", report.totalResult],
  ] as const;
  for (const [name, rows] of operationLists) {
    for (const row of rows) {
      const path = `${name}[${operationName(row.operation)}]`;
      add(`${path}.count`, "count", row.count);
      addMoney(`${path}.sum`, row.sum);
    }
  }

  for (const tax of report.taxes) {
    const rate = `taxes[${tax.taxType} ${formatPercent(tax.percent)}]`;
    for (const row of tax.operations) {
      const path = `${rate}[${operationName(row.operation)}]`;
      addMoney(`${path}.turnover`, row.turnover);
      addMoney(`${path}.sum`, row.sum);
      addMoney(`${path}.turnover_without_tax`, row.turnoverWithoutTax);
    }
  }

  for (const row of report.startShiftNonNullableSums) {
    const path = `start_shift_non_nullable_sums[${operationName(row.operation)}]`;
    addMoney(path, row.sum);
  }

  for (const row of report.ticketOperations) {
    const path = `ticket_operations[${operationName(row.operation)}]`;
    add(`${path}.tickets_total_count`, "count", row.ticketsTotalCount);
    add(`${path}.tickets_count`, "count", row.ticketsCount);
    addMoney(`${path}.tickets_sum`, row.ticketsSum);
    for (const payment of row.payments) {
      const paymentPath = `${path}.payments[${paymentName(payment.payment)}]`;
      add(`${paymentPath}.count`, "count", payment.count);
      addMoney(`${paymentPath}.sum`, payment.sum);
    }
    add(`${path}.offline_count`, "count", row.offlineCount);
    addMoney(`${path}.discount_sum`, row.discountSum);
    addMoney(`${path}.markup_sum`, row.markupSum);
    addMoney(`${path}.change_sum`, row.changeSum);
  }

  for (const row of report.moneyPlacements) {
    const path = `money_placements[${placementName(row.operation)}]`;
    add(`${path}.operations_total_count`, "count", row.operationsTotalCount);
    add(`${path}.operations_count`, "count", row.operationsCount);
    addMoney(`${path}.operations_sum`, row.operationsSum);
    add(`${path}.offline_count`, "count", row.offlineCount);
  }

  addMoney("cash_sum", report.cashSum);
  const revenue = tiynOrZero(report.revenue?.sum);
  add("revenue", "money", report.revenue?.isNegative ? -revenue : revenue);

  for (const row of report.nonNullableSums) {
    addMoney(`non_nullable_sums[${operationName(row.operation)}]`, row.sum);
  }
  return counters;
}

/** Tiyn of a report amount; coins above 99 count as their face value. */
function tiynOrZero(money: Money | undefined): number {
  if (!money) return 0;
  try {
    return toTiyn(money);
  } catch {
    // A register's report is untrusted input, and a comparison must not
    // fail on it, so invalid coins are taken as written.
    return Number(money.bills) * 100 + money.coins;
  }
}

function format(kind: Kind, value: number): string {
  return kind === "money" ? formatTenge(value) : String(value);
}
