import { describe, expect, it } from "vitest";
import {
  applyMoneyPlacement,
  applyTicket,
  cashInDrawer,
  newShiftCounters,
  withdrawAllCash,
  type ShiftCounters,
} from "../../../durable/fiscal/counters";
import {
  BUY,
  BUY_RETURN,
  CARD,
  CASH,
  DEPOSIT,
  MOBILE,
  OPENED_AT,
  SELL,
  SELL_RETURN,
  WITHDRAWAL,
  goods,
  modifier,
  pay,
  placement,
  stornoGoods,
  ticket,
  type TicketOptions,
} from "./fixtures";

function shift(): ShiftCounters {
  return newShiftCounters(null, 1, OPENED_AT);
}

function afterTickets(...options: TicketOptions[]): ShiftCounters {
  return options.reduce(
    (counters, option) => applyTicket(counters, ticket(option)),
    shift(),
  );
}

describe("newShiftCounters", () => {
  it("starts a new register at zero", () => {
    const counters = shift();

    expect(counters.shiftNumber).toBe(1);
    expect(counters.openedAt).toBe(OPENED_AT);
    expect(counters.operations).toEqual({});
    expect(counters.ticketOperations).toEqual({});
    expect(counters.moneyPlacements).toEqual({});
    expect(counters.nonNullableSums).toEqual({});
    expect(counters.startShiftNonNullableSums).toEqual({});
    expect(counters.cash).toBe(0);
    expect(counters.revenue).toBe(0);
  });

  it("carries totals into next shift", () => {
    let previous = afterTickets(
      { items: [goods({ sum: 1500 })], discount: 500 },
      { operation: SELL_RETURN, items: [goods({ sum: 300 })] },
    );
    previous = applyMoneyPlacement(previous, placement(DEPOSIT, 2000));

    const next = newShiftCounters(previous, 2, "2025-11-21T09:00:00");

    expect(next.shiftNumber).toBe(2);
    expect(next.openedAt).toBe("2025-11-21T09:00:00");
    expect(next.ticketOperations[SELL]).toEqual({
      ticketsTotalCount: 1,
      ticketsCount: 0,
      ticketsSum: 0,
      payments: {},
      offlineCount: 0,
      discountSum: 0,
      markupSum: 0,
      changeSum: 0,
    });
    expect(next.ticketOperations[SELL_RETURN]?.ticketsTotalCount).toBe(1);
    expect(next.moneyPlacements[DEPOSIT]).toEqual({
      operationsTotalCount: 1,
      operationsCount: 0,
      operationsSum: 0,
      offlineCount: 0,
    });
    expect(next.nonNullableSums).toEqual({ [SELL]: 1000, [SELL_RETURN]: 300 });
    expect(next.startShiftNonNullableSums).toEqual({
      [SELL]: 1000,
      [SELL_RETURN]: 300,
    });
    expect(next.cash).toBe(1000 - 300 + 2000);
    expect(next.revenue).toBe(0);
    expect(next.operations).toEqual({});
    expect(next.sections).toEqual({});
    expect(next.discounts).toEqual({});
    expect(next.totalResult).toEqual({});
    expect(next.taxes).toEqual({});
  });

  it("keeps counting since registration", () => {
    const first = afterTickets({ items: [goods({ sum: 1000 })] });

    const second = applyTicket(
      newShiftCounters(first, 2, "2025-11-21T09:00:00"),
      ticket({ items: [goods({ sum: 700 })] }),
    );

    expect(second.ticketOperations[SELL]?.ticketsTotalCount).toBe(2);
    expect(second.ticketOperations[SELL]?.ticketsCount).toBe(1);
    expect(second.ticketOperations[SELL]?.ticketsSum).toBe(700);
    expect(second.nonNullableSums[SELL]).toBe(1700);
    expect(second.startShiftNonNullableSums[SELL]).toBe(1000);
  });

  it("leaves previous counters unchanged", () => {
    const previous = afterTickets({ items: [goods({ sum: 1000 })] });
    const before = JSON.stringify(previous);

    newShiftCounters(previous, 2, OPENED_AT);

    expect(JSON.stringify(previous)).toBe(before);
  });
});

describe("applyTicket lines", () => {
  it("counts sell lines per section", () => {
    const counters = afterTickets({
      items: [
        goods({ sum: 1000, section: "1" }),
        goods({ sum: 500, section: "2" }),
        goods({ sum: 250, section: "1" }),
      ],
    });

    expect(counters.operations[SELL]).toEqual({ count: 3, sum: 1750 });
    expect(counters.sections["1"]?.[SELL]).toEqual({ count: 2, sum: 1250 });
    expect(counters.sections["2"]?.[SELL]).toEqual({ count: 1, sum: 500 });
    expect(counters.totalResult[SELL]).toEqual({ count: 3, sum: 1750 });
    expect(counters.discounts[SELL]).toBeUndefined();
    expect(counters.markups[SELL]).toBeUndefined();
  });

  it("storno line adds no count", () => {
    const counters = afterTickets({
      items: [
        goods({ sum: 1000 }),
        goods({ sum: 500, section: "2" }),
        stornoGoods({ sum: 500, section: "2" }),
      ],
    });

    expect(counters.operations[SELL]).toEqual({ count: 2, sum: 1000 });
    expect(counters.sections["2"]?.[SELL]).toEqual({ count: 1, sum: 0 });
    expect(counters.totalResult[SELL]).toEqual({ count: 2, sum: 1000 });
    expect(counters.ticketOperations[SELL]?.ticketsSum).toBe(1000);
  });

  it("counts item discounts and markups", () => {
    const counters = afterTickets({
      items: [
        goods({ sum: 10000 }),
        modifier("discount", 1000),
        modifier("stornoDiscount", 1000),
        modifier("discount", 500),
        modifier("markup", 300),
        modifier("stornoMarkup", 100),
      ],
    });

    expect(counters.discounts[SELL]).toEqual({ count: 2, sum: 500 });
    expect(counters.markups[SELL]).toEqual({ count: 1, sum: 200 });
    expect(counters.operations[SELL]).toEqual({ count: 1, sum: 10000 });
    expect(counters.totalResult[SELL]).toEqual({ count: 1, sum: 9700 });
    expect(counters.ticketOperations[SELL]?.discountSum).toBe(0);
    expect(counters.ticketOperations[SELL]?.markupSum).toBe(0);
    expect(counters.ticketOperations[SELL]?.ticketsSum).toBe(9700);
  });

  it("counts receipt discount", () => {
    const counters = afterTickets({
      items: [goods({ sum: 10000 }), modifier("discount", 200)],
      discount: 1000,
    });

    expect(counters.discounts[SELL]).toEqual({ count: 2, sum: 1200 });
    expect(counters.totalResult[SELL]).toEqual({ count: 1, sum: 8800 });
    expect(counters.ticketOperations[SELL]?.discountSum).toBe(1000);
    expect(counters.ticketOperations[SELL]?.ticketsSum).toBe(8800);
  });

  it("counts receipt markup", () => {
    const counters = afterTickets({
      items: [goods({ sum: 10000 })],
      markup: 500,
    });

    expect(counters.markups[SELL]).toEqual({ count: 1, sum: 500 });
    expect(counters.discounts[SELL]).toBeUndefined();
    expect(counters.totalResult[SELL]).toEqual({ count: 1, sum: 10500 });
    expect(counters.ticketOperations[SELL]?.markupSum).toBe(500);
  });

  it("throws on missing commodity", () => {
    const broken = ticket({ items: [goods({ sum: 100 })] });
    broken.items[0]!.commodity = undefined;

    expect(() => applyTicket(shift(), broken)).toThrow(
      "items[0].commodity is missing",
    );
  });

  it("does not mutate its input", () => {
    const counters = afterTickets({ items: [goods({ sum: 1000 })] });
    const before = JSON.stringify(counters);

    applyTicket(counters, ticket({ items: [goods({ sum: 500 })] }));

    expect(JSON.stringify(counters)).toBe(before);
  });

  it("works after a JSON round trip", () => {
    const stored = JSON.parse(
      JSON.stringify(afterTickets({ items: [goods({ sum: 1000 })] })),
    ) as ShiftCounters;

    const counters = applyTicket(
      stored,
      ticket({ items: [goods({ sum: 1 })] }),
    );

    expect(counters.operations[SELL]).toEqual({ count: 2, sum: 1001 });
  });
});

describe("applyTicket receipts", () => {
  it("counts payments per type", () => {
    const paid: TicketOptions = {
      items: [goods({ sum: 10000 })],
      payments: [pay(CASH, 3000), pay(CARD, 5000), pay(MOBILE, 2000)],
      change: 2000,
    };

    const counters = afterTickets(paid, paid);
    const tickets = counters.ticketOperations[SELL];

    expect(tickets?.ticketsCount).toBe(2);
    expect(tickets?.ticketsTotalCount).toBe(2);
    expect(tickets?.ticketsSum).toBe(20000);
    expect(tickets?.payments[CASH]).toEqual({ count: 2, sum: 6000 });
    expect(tickets?.payments[CARD]).toEqual({ count: 2, sum: 10000 });
    expect(tickets?.payments[MOBILE]).toEqual({ count: 2, sum: 4000 });
    expect(tickets?.changeSum).toBe(4000);
    expect(counters.cash).toBe(6000);
  });

  it("counts offline receipts", () => {
    const counters = afterTickets(
      { items: [goods({ sum: 100 })], offlineTicketNumber: 1001 },
      { items: [goods({ sum: 100 })] },
      { items: [goods({ sum: 100 })], offlineTicketNumber: 0 },
    );

    // Number 0 is still a number sent by the register.
    expect(counters.ticketOperations[SELL]?.offlineCount).toBe(2);
  });

  it.each([
    { name: "SELL", operation: SELL, cash: 1000, revenue: 1000 },
    { name: "BUY_RETURN", operation: BUY_RETURN, cash: 1000, revenue: 1000 },
    { name: "BUY", operation: BUY, cash: -1000, revenue: -1000 },
    {
      name: "SELL_RETURN",
      operation: SELL_RETURN,
      cash: -1000,
      revenue: -1000,
    },
  ])("$name moves cash and revenue", ({ operation, cash, revenue }) => {
    const counters = afterTickets({ operation, items: [goods({ sum: 1000 })] });

    expect(counters.cash).toBe(cash);
    expect(counters.revenue).toBe(revenue);
    expect(counters.operations[operation]).toEqual({ count: 1, sum: 1000 });
    expect(counters.nonNullableSums[operation]).toBe(1000);
    expect(counters.ticketOperations[operation]?.ticketsSum).toBe(1000);
  });

  it("only cash payments move cash", () => {
    const counters = afterTickets({
      operation: SELL_RETURN,
      items: [goods({ sum: 1000 })],
      payments: [pay(CARD, 600), pay(CASH, 400)],
    });

    expect(counters.cash).toBe(-400);
    expect(counters.revenue).toBe(-1000);
  });

  it("nets revenue across operations", () => {
    const counters = afterTickets(
      { items: [goods({ sum: 1000 })] },
      { operation: SELL_RETURN, items: [goods({ sum: 1500 })] },
    );

    expect(counters.revenue).toBe(-500);
    expect(counters.nonNullableSums).toEqual({
      [SELL]: 1000,
      [SELL_RETURN]: 1500,
    });
  });
});

describe("money placements", () => {
  it("deposit adds cash", () => {
    const counters = applyMoneyPlacement(shift(), placement(DEPOSIT, 5000));

    expect(counters.moneyPlacements[DEPOSIT]).toEqual({
      operationsTotalCount: 1,
      operationsCount: 1,
      operationsSum: 5000,
      offlineCount: 0,
    });
    expect(cashInDrawer(counters)).toBe(5000);
  });

  it("offline withdrawal removes cash", () => {
    let counters = applyMoneyPlacement(shift(), placement(DEPOSIT, 5000));
    counters = applyMoneyPlacement(counters, placement(WITHDRAWAL, 2000, true));

    expect(counters.moneyPlacements[WITHDRAWAL]).toEqual({
      operationsTotalCount: 1,
      operationsCount: 1,
      operationsSum: 2000,
      offlineCount: 1,
    });
    expect(cashInDrawer(counters)).toBe(3000);
  });

  it("withdraws all cash", () => {
    let counters = applyMoneyPlacement(shift(), placement(DEPOSIT, 5000));
    counters = applyMoneyPlacement(counters, placement(WITHDRAWAL, 1000));
    counters = applyTicket(counters, ticket({ items: [goods({ sum: 250 })] }));

    const closed = withdrawAllCash(counters, true);

    expect(cashInDrawer(closed)).toBe(0);
    expect(closed.moneyPlacements[WITHDRAWAL]).toEqual({
      operationsTotalCount: 2,
      operationsCount: 2,
      operationsSum: 1000 + 4250,
      offlineCount: 1,
    });
    expect(cashInDrawer(counters)).toBe(4250);
  });

  it("withdraw all skips empty drawer", () => {
    const closed = withdrawAllCash(shift(), false);

    expect(closed.moneyPlacements).toEqual({});
    expect(closed.cash).toBe(0);
  });

  it("withdraw all skips negative drawer", () => {
    const counters = afterTickets({
      operation: SELL_RETURN,
      items: [goods({ sum: 300 })],
    });

    const closed = withdrawAllCash(counters, false);

    expect(closed.moneyPlacements).toEqual({});
    expect(closed.cash).toBe(-300);
  });
});
