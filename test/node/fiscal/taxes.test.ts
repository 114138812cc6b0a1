import { describe, expect, it } from "vitest";
import {
  applyTicket,
  newShiftCounters,
} from "../../../durable/fiscal/counters";
import {
  includedTax,
  taxKey,
  ticketTaxes,
} from "../../../durable/fiscal/taxes";
import {
  OPENED_AT,
  SELL,
  SELL_RETURN,
  goods,
  modifier,
  stornoGoods,
  ticket,
  vat,
} from "./fixtures";

describe("includedTax", () => {
  it.each([
    { sum: 11200, percent: 12000, tax: 1200 },
    { sum: 11600, percent: 16000, tax: 1600 },
    { sum: 491, percent: 12000, tax: 53 },
    { sum: 509, percent: 16000, tax: 70 },
    { sum: 100, percent: 0, tax: 0 },
  ])("$percent of $sum is $tax", ({ sum, percent, tax }) => {
    expect(includedTax(sum, percent)).toBe(tax);
  });
});

describe("ticketTaxes", () => {
  it("uses line taxes per rate", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          goods({ sum: 5600, taxes: [vat(12, 600)] }),
          goods({ sum: 11600, taxes: [vat(16, 1600)] }),
        ],
      }),
    );

    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 16800, sum: 1800 },
      { taxType: 100, percent: 16000, turnover: 11600, sum: 1600 },
    ]);
  });

  it("storno line taxes subtract", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          goods({ sum: 5600, taxes: [vat(12, 600)] }),
          stornoGoods({ sum: 5600, taxes: [vat(12, 600)] }),
        ],
      }),
    );

    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 11200, sum: 1200 },
    ]);
  });

  it("spreads receipt discount over rates", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          goods({ sum: 11600, taxes: [vat(16, 1600)] }),
        ],
        discount: 1000,
      }),
    );

    // 1000 × 11200 / 22800 = 491.23 and 1000 × 11600 / 22800 = 508.77: the
    // larger remainder takes the spare tiyn, so the parts are 491 and 509.
    expect(shares[0]).toEqual({
      taxType: 100,
      percent: 12000,
      turnover: 10709,
      sum: 1147,
    });
    expect(shares[1]).toEqual({
      taxType: 100,
      percent: 16000,
      turnover: 11091,
      sum: 1530,
    });
    expect((shares[0]?.turnover ?? 0) + (shares[1]?.turnover ?? 0)).toBe(21800);
  });

  it("spreads receipt markup upward", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          goods({ sum: 11600, taxes: [vat(16, 1600)] }),
        ],
        markup: 1000,
      }),
    );

    expect(shares.map((share) => share.turnover)).toEqual([11691, 12109]);
    expect(shares.map((share) => share.sum)).toEqual([1253, 1670]);
  });

  it("untaxed goods take their share", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          goods({ sum: 11200 }),
        ],
        discount: 1000,
      }),
    );

    // Half of the discount falls on the untaxed goods; 500 contains 53.57.
    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 10700, sum: 1146 },
    ]);
  });

  it("item modifier uses its taxes", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          modifier("discount", 1120, [vat(12, 120)]),
          modifier("markup", 560, [vat(12, 60)]),
        ],
      }),
    );

    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 10640, sum: 1140 },
    ]);
  });

  it("untaxed item modifier is spread", () => {
    const shares = ticketTaxes(
      ticket({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          modifier("discount", 1120),
        ],
      }),
    );

    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 10080, sum: 1080 },
    ]);
  });

  it("uses receipt taxes without line taxes", () => {
    const shares = ticketTaxes(
      ticket({ items: [goods({ sum: 11200 })], taxes: [vat(12, 1200)] }),
    );

    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 11200, sum: 1200 },
    ]);
  });

  it("splits total over receipt rates", () => {
    const shares = ticketTaxes(
      ticket({
        items: [goods({ sum: 11200 }), goods({ sum: 11600 })],
        taxes: [vat(16, 1600), vat(12, 1200)],
      }),
    );

    expect(shares).toEqual([
      { taxType: 100, percent: 12000, turnover: 11200, sum: 1200 },
      { taxType: 100, percent: 16000, turnover: 11600, sum: 1600 },
    ]);
  });

  it("returns nothing without taxes", () => {
    expect(ticketTaxes(ticket({ items: [goods({ sum: 100 })] }))).toEqual([]);
  });
});

describe("applyTicket taxes", () => {
  it("adds rows per rate and operation", () => {
    let counters = newShiftCounters(null, 1, OPENED_AT);
    const items = [
      goods({ sum: 11200, taxes: [vat(12, 1200)] }),
      goods({ sum: 11600, taxes: [vat(16, 1600)] }),
    ];
    counters = applyTicket(counters, ticket({ items, discount: 1000 }));
    counters = applyTicket(counters, ticket({ items }));
    counters = applyTicket(
      counters,
      ticket({ operation: SELL_RETURN, items: [items[0]!] }),
    );

    const twelve = counters.taxes[taxKey(100, 12000)];
    const sixteen = counters.taxes[taxKey(100, 16000)];

    expect(twelve?.taxType).toBe(100);
    expect(twelve?.percent).toBe(12000);
    expect(twelve?.operations[SELL]).toEqual({
      turnover: 10709 + 11200,
      sum: 1147 + 1200,
      turnoverWithoutTax: 9562 + 10000,
    });
    expect(twelve?.operations[SELL_RETURN]).toEqual({
      turnover: 11200,
      sum: 1200,
      turnoverWithoutTax: 10000,
    });
    expect(sixteen?.operations[SELL]).toEqual({
      turnover: 11091 + 11600,
      sum: 1530 + 1600,
      turnoverWithoutTax: 9561 + 10000,
    });
    expect(sixteen?.operations[SELL_RETURN]).toBeUndefined();
  });
});
