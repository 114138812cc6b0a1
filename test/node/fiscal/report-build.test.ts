import { fromBinary, isFieldSet, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  ZXReportSchema,
  ZXReport_MoneyPlacementSchema,
  ZXReport_TicketOperationSchema,
  ZXReport_TicketOperation_PaymentSchema,
} from "../../../proto/messages";
import {
  applyMoneyPlacement,
  applyTicket,
  newShiftCounters,
  type ShiftCounters,
} from "../../../durable/fiscal/counters";
import { buildZxReport } from "../../../durable/fiscal/report-build";
import { toLocalText } from "../../../durable/fiscal/date-time";
import { toTiyn } from "../../../durable/fiscal/money";
import {
  BUY,
  CARD,
  CASH,
  DEPOSIT,
  OPENED_AT,
  SELL,
  SELL_RETURN,
  goods,
  pay,
  placement,
  ticket,
  vat,
  type TicketOptions,
} from "./fixtures";

const TIMES = { shiftNumber: 7, dateTime: "2025-11-20T18:00:00" };

function counters(...options: TicketOptions[]): ShiftCounters {
  return options.reduce(
    (shift, option) => applyTicket(shift, ticket(option)),
    newShiftCounters(null, 7, OPENED_AT),
  );
}

describe("buildZxReport", () => {
  it("encodes an empty shift", () => {
    const report = buildZxReport(newShiftCounters(null, 1, OPENED_AT), {
      shiftNumber: 1,
      dateTime: OPENED_AT,
    });

    expect(() => toBinary(ZXReportSchema, report)).not.toThrow();
    expect(report.shiftNumber).toBe(1);
    expect(toLocalText(report.dateTime)).toBe(OPENED_AT);
    expect(report.operations).toEqual([]);
    expect(report.ticketOperations).toEqual([]);
    expect(toTiyn(report.cashSum)).toBe(0);
    expect(toTiyn(report.revenue?.sum)).toBe(0);
    expect(report.revenue?.isNegative).toBe(false);
  });

  it("encodes a busy shift", () => {
    let shift = counters(
      {
        items: [goods({ sum: 11200, taxes: [vat(12, 1200)] })],
        payments: [pay(CASH, 5000), pay(CARD, 5200)],
        discount: 1000,
        change: 0,
      },
      { operation: SELL_RETURN, items: [goods({ sum: 300 })] },
    );
    shift = applyMoneyPlacement(shift, placement(DEPOSIT, 1000));
    const report = buildZxReport(shift, {
      ...TIMES,
      openShiftTime: OPENED_AT,
      closeShiftTime: "2025-11-20T20:00:00",
    });

    const decoded = fromBinary(
      ZXReportSchema,
      toBinary(ZXReportSchema, report),
    );

    expect(decoded.operations.length).toBe(2);
    expect(decoded.taxes[0]?.operations[0]?.turnover?.bills).toBe(102n);
    expect(toLocalText(decoded.closeShiftTime)).toBe("2025-11-20T20:00:00");
  });

  it("writes rows only for what happened", () => {
    const report = buildZxReport(
      counters({ items: [goods({ sum: 100 })] }),
      TIMES,
    );

    expect(report.operations.map((row) => row.operation)).toEqual([SELL]);
    expect(report.totalResult.map((row) => row.operation)).toEqual([SELL]);
    expect(report.ticketOperations.map((row) => row.operation)).toEqual([SELL]);
    expect(report.nonNullableSums.map((row) => row.operation)).toEqual([SELL]);
    expect(report.discounts).toEqual([]);
    expect(report.markups).toEqual([]);
    expect(report.taxes).toEqual([]);
    expect(report.moneyPlacements).toEqual([]);
    expect(report.startShiftNonNullableSums).toEqual([]);
    expect(report.ticketOperations[0]?.payments.map((p) => p.payment)).toEqual([
      CASH,
    ]);
  });

  it("orders rows by enum number", () => {
    const report = buildZxReport(
      counters(
        { operation: SELL_RETURN, items: [goods({ sum: 100 })] },
        { items: [goods({ sum: 100 })] },
        { operation: BUY, items: [goods({ sum: 100 })] },
      ),
      TIMES,
    );

    expect(report.operations.map((row) => row.operation)).toEqual([
      BUY,
      SELL,
      SELL_RETURN,
    ]);
  });

  it("orders sections by code", () => {
    const report = buildZxReport(
      counters({
        items: [
          goods({ sum: 100, section: "A" }),
          goods({ sum: 100, section: "10" }),
          goods({ sum: 100, section: "2" }),
        ],
      }),
      TIMES,
    );

    expect(report.sections.map((section) => section.sectionCode)).toEqual([
      "2",
      "10",
      "A",
    ]);
  });

  it("sets required zeros", () => {
    let shift = counters({ items: [goods({ sum: 100 })] });
    shift = applyMoneyPlacement(shift, placement(DEPOSIT, 100));
    const report = buildZxReport(shift, TIMES);
    const tickets = report.ticketOperations[0]!;
    const deposit = report.moneyPlacements[0]!;
    const ticketFields = ZXReport_TicketOperationSchema.field;

    expect(isFieldSet(tickets, ticketFields.offlineCount)).toBe(true);
    expect(isFieldSet(tickets, ticketFields.discountSum)).toBe(true);
    expect(isFieldSet(tickets, ticketFields.markupSum)).toBe(true);
    expect(isFieldSet(tickets, ticketFields.changeSum)).toBe(true);
    expect(toTiyn(tickets.changeSum)).toBe(0);
    expect(
      isFieldSet(
        tickets.payments[0]!,
        ZXReport_TicketOperation_PaymentSchema.field.count,
      ),
    ).toBe(true);
    expect(
      isFieldSet(deposit, ZXReport_MoneyPlacementSchema.field.offlineCount),
    ).toBe(true);
    expect(toBinary(ZXReportSchema, report).length).toBeGreaterThan(0);
  });

  it("fills receipt row values", () => {
    const report = buildZxReport(
      counters({
        items: [goods({ sum: 10000 })],
        payments: [pay(CASH, 9000)],
        discount: 1000,
        change: 500,
        offlineTicketNumber: 5,
      }),
      TIMES,
    );
    const row = report.ticketOperations[0]!;

    expect(row.ticketsTotalCount).toBe(1);
    expect(row.ticketsCount).toBe(1);
    expect(toTiyn(row.ticketsSum)).toBe(9000);
    expect(row.offlineCount).toBe(1);
    expect(toTiyn(row.discountSum)).toBe(1000);
    expect(toTiyn(row.markupSum)).toBe(0);
    expect(toTiyn(row.changeSum)).toBe(500);
    expect(row.payments[0]?.count).toBe(1);
    expect(toTiyn(row.payments[0]?.sum)).toBe(9000);
  });

  it("reports negative revenue as flag", () => {
    const report = buildZxReport(
      counters({ operation: SELL_RETURN, items: [goods({ sum: 2550 })] }),
      TIMES,
    );

    expect(toTiyn(report.revenue?.sum)).toBe(2550);
    expect(report.revenue?.isNegative).toBe(true);
  });

  it("reports negative cash as zero", () => {
    const report = buildZxReport(
      counters({ operation: SELL_RETURN, items: [goods({ sum: 2550 })] }),
      TIMES,
    );

    expect(toTiyn(report.cashSum)).toBe(0);
  });

  it("sets shift times only when given", () => {
    const x = buildZxReport(counters(), { ...TIMES, openShiftTime: OPENED_AT });

    expect(toLocalText(x.openShiftTime)).toBe(OPENED_AT);
    expect(x.closeShiftTime).toBeUndefined();
    expect(isFieldSet(x, ZXReportSchema.field.checksum)).toBe(false);
  });

  it("keeps carried rows in next shift", () => {
    let shift = counters({ items: [goods({ sum: 100 })] });
    shift = applyMoneyPlacement(shift, placement(DEPOSIT, 100));
    const report = buildZxReport(newShiftCounters(shift, 8, OPENED_AT), {
      ...TIMES,
      shiftNumber: 8,
    });

    expect(report.operations).toEqual([]);
    expect(report.ticketOperations[0]?.ticketsTotalCount).toBe(1);
    expect(report.ticketOperations[0]?.ticketsCount).toBe(0);
    expect(report.moneyPlacements[0]?.operationsTotalCount).toBe(1);
    expect(toTiyn(report.startShiftNonNullableSums[0]?.sum)).toBe(100);
    expect(toTiyn(report.cashSum)).toBe(200);
  });
});
