import { clone } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ZXReportSchema, type ZXReport } from "../../../proto/messages";
import {
  applyMoneyPlacement,
  applyTicket,
  newShiftCounters,
} from "../../../durable/fiscal/counters";
import { buildZxReport } from "../../../durable/fiscal/report-build";
import { compareReports } from "../../../durable/fiscal/report-compare";
import { toMoney } from "../../../durable/fiscal/money";
import { fromLocalText } from "../../../durable/fiscal/date-time";
import {
  BUY,
  CARD,
  CASH,
  DEPOSIT,
  OPENED_AT,
  SELL,
  goods,
  pay,
  placement,
  ticket,
  vat,
} from "./fixtures";

const TIMES = { shiftNumber: 3, dateTime: "2025-11-20T18:00:00" };

function serverReport(): ZXReport {
  let shift = newShiftCounters(null, 3, OPENED_AT);
  shift = applyMoneyPlacement(shift, placement(DEPOSIT, 10000));
  for (let i = 0; i < 3; i++) {
    shift = applyTicket(
      shift,
      ticket({
        items: [goods({ sum: 11200, taxes: [vat(12, 1200)] })],
        payments: [pay(CASH, 5000), pay(CARD, 6200)],
      }),
    );
  }
  return buildZxReport(shift, TIMES);
}

function copy(report: ZXReport): ZXReport {
  return clone(ZXReportSchema, report);
}

describe("compareReports", () => {
  it("finds no difference in equal reports", () => {
    expect(compareReports(serverReport(), serverReport())).toEqual([]);
  });

  it("ignores times and checksum", () => {
    const register = copy(serverReport());
    register.checksum = "ABCDEF01";
    register.dateTime = fromLocalText("2025-11-20T18:05:00");
    register.openShiftTime = fromLocalText(OPENED_AT);

    expect(compareReports(serverReport(), register)).toEqual([]);
  });

  it("treats zero row as missing", () => {
    const register = copy(serverReport());
    register.operations.push({
      ...register.operations[0]!,
      operation: BUY,
      count: 0,
      sum: toMoney(0),
    });

    expect(compareReports(serverReport(), register)).toEqual([]);
  });

  it("reports cash difference", () => {
    const register = copy(serverReport());
    register.cashSum = toMoney(9000);

    expect(compareReports(serverReport(), register)).toEqual([
      "cash_sum: server 250.00, register 90.00",
    ]);
  });

  it("reports count difference", () => {
    const register = copy(serverReport());
    register.operations[0]!.count = 2;

    expect(compareReports(serverReport(), register)).toEqual([
      "operations[SELL].count: server 3, register 2",
    ]);
  });

  it("reports missing server row", () => {
    const register = copy(serverReport());
    register.discounts.push({
      ...register.operations[0]!,
      count: 1,
      sum: toMoney(500),
    });

    expect(compareReports(serverReport(), register)).toEqual([
      "discounts[SELL].count: server 0, register 1",
      "discounts[SELL].sum: server 0.00, register 5.00",
    ]);
  });

  it("reports missing register row", () => {
    const register = copy(serverReport());
    register.moneyPlacements = [];

    expect(compareReports(serverReport(), register)).toEqual([
      "money_placements[DEPOSIT].operations_total_count: server 1, register 0",
      "money_placements[DEPOSIT].operations_count: server 1, register 0",
      "money_placements[DEPOSIT].operations_sum: server 100.00, register 0.00",
    ]);
  });

  it("reports revenue sign", () => {
    const register = copy(serverReport());
    register.revenue = { ...register.revenue!, isNegative: true };

    expect(compareReports(serverReport(), register)).toEqual([
      "revenue: server 336.00, register -336.00",
    ]);
  });

  it("names payment and tax rows", () => {
    const register = copy(serverReport());
    register.ticketOperations[0]!.payments[1]!.sum = toMoney(18000);
    register.taxes[0]!.operations[0]!.sum = toMoney(3500);

    expect(compareReports(serverReport(), register)).toEqual([
      "taxes[100 12%][SELL].sum: server 36.00, register 35.00",
      "ticket_operations[SELL].payments[CARD].sum: server 186.00, register 180.00",
    ]);
  });

  it("reports shift number", () => {
    const register = copy(serverReport());
    register.shiftNumber = 4;

    expect(compareReports(serverReport(), register)).toEqual([
      "shift_number: server 3, register 4",
    ]);
  });

  it("adds repeated register rows", () => {
    const register = copy(serverReport());
    const row = register.operations[0]!;
    register.operations = [
      { ...row, count: 1, sum: toMoney(11200) },
      { ...row, count: 2, sum: toMoney(22400) },
    ];

    expect(compareReports(serverReport(), register)).toEqual([]);
    expect(row.operation).toBe(SELL);
  });
});
