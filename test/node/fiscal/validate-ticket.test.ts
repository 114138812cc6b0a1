import { clearField, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  PaymentTypeEnum,
  TicketRequestSchema,
  TicketRequest_DomainSchema,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequest_ParentTicketSchema,
  TicketRequest_PaymentSchema,
  type TicketRequest,
} from "../../../proto/messages";
import { toMoney } from "../../../durable/fiscal/money";
import {
  validateTicket,
  type TicketContext,
} from "../../../durable/fiscal/validate-ticket";
import {
  BUY_RETURN,
  CARD,
  CASH,
  CUSTOMER_IIN,
  MOBILE,
  SELLER_BIN,
  SELL_RETURN,
  goods,
  modifier,
  pay,
  stornoGoods,
  ticket,
  vat,
  type TicketOptions,
} from "./fixtures";

const V203: TicketContext = { version: 203, sellerIinBin: SELLER_BIN };
const V202: TicketContext = { version: 202, sellerIinBin: SELLER_BIN };

/**
 * Builds a valid receipt of 168.00 with two taxed lines. It is paid in cash
 * with 32.00 change unless the overrides bring their own payments.
 */
function valid(overrides: Partial<TicketOptions> = {}): TicketRequest {
  const cash = overrides.payments
    ? {}
    : { payments: [pay(CASH, 16800)], change: 3200 };
  return ticket({
    items: [
      goods({ sum: 11200, taxes: [vat(12, 1200)] }),
      goods({ sum: 5600, taxes: [vat(12, 600)] }),
    ],
    ...cash,
    ...overrides,
  });
}

/** Appends raw protobuf bytes, as a register with another schema would. */
function withRawField(message: TicketRequest, bytes: number[]): TicketRequest {
  const encoded = toBinary(TicketRequestSchema, message);
  return fromBinary(
    TicketRequestSchema,
    new Uint8Array([...encoded, ...bytes]),
  );
}

interface Case {
  name: string;
  ticket: () => TicketRequest;
  context?: TicketContext;
  field: string;
  message: string;
}

const cases: Case[] = [
  {
    name: "unknown operation",
    ticket: () => withRawField(valid(), [0x08, 0x09]),
    field: "operation",
    message: "operation is not a known operation type",
  },
  {
    name: "missing date_time",
    ticket: () => {
      const t = valid();
      t.dateTime = undefined;
      return t;
    },
    field: "date_time",
    message: "date_time is missing",
  },
  {
    name: "invalid date_time",
    ticket: () => {
      const t = valid();
      t.dateTime!.date!.month = 13;
      return t;
    },
    field: "date_time",
    message: "date_time is invalid: invalid date 2025-13-20",
  },
  {
    name: "missing operator",
    ticket: () => {
      const t = valid();
      t.operator = undefined;
      return t;
    },
    field: "operator",
    message: "operator is missing",
  },
  {
    name: "missing total",
    ticket: () => {
      const t = valid();
      t.amounts!.total = undefined;
      return t;
    },
    field: "amounts.total",
    message: "amounts.total is missing",
  },
  {
    name: "coins above 99",
    ticket: () => {
      const t = valid();
      t.amounts!.total = { ...toMoney(100), coins: 150 };
      return t;
    },
    field: "amounts.total",
    message: "amounts.total coins 150 must be 0..99",
  },
  {
    name: "no commodity line",
    ticket: () => valid({ items: [modifier("markup", 100)], total: 100 }),
    field: "items",
    message: "items has no COMMODITY line",
  },
  {
    name: "unknown item type",
    ticket: () => {
      const t = valid();
      t.items[1]!.$unknown = [
        { no: 1, wireType: 0, data: new Uint8Array([9]) },
      ];
      return t;
    },
    field: "items[1].type",
    message: "items[1].type is not a known item type",
  },
  {
    name: "commodity part missing",
    ticket: () => {
      const t = valid();
      t.items[1]!.commodity = undefined;
      return t;
    },
    field: "items[1].commodity",
    message: "items[1].commodity is missing",
  },
  {
    name: "storno part missing",
    ticket: () => {
      const t = valid({
        items: [goods({ sum: 100 }), stornoGoods({ sum: 50 })],
      });
      t.items[1]!.stornoCommodity = undefined;
      return t;
    },
    field: "items[1].storno_commodity",
    message: "items[1].storno_commodity is missing",
  },
  {
    name: "discount part missing",
    ticket: () => {
      const t = valid({
        items: [goods({ sum: 100 }), modifier("discount", 10)],
      });
      t.items[1]!.discount = undefined;
      return t;
    },
    field: "items[1].discount",
    message: "items[1].discount is missing",
  },
  {
    name: "storno markup part missing",
    ticket: () => {
      const t = valid({
        items: [goods({ sum: 100 }), modifier("stornoMarkup", 10)],
      });
      t.items[1]!.type = ItemType.ITEM_TYPE_STORNO_MARKUP;
      t.items[1]!.stornoMarkup = undefined;
      return t;
    },
    field: "items[1].storno_markup",
    message: "items[1].storno_markup is missing",
  },
  {
    name: "commodity without name",
    ticket: () => {
      const t = valid();
      t.items[0]!.commodity!.name = "";
      return t;
    },
    field: "items[0].commodity.name",
    message:
      "items[0].commodity.name is missing (a commodity needs a name or a code)",
  },
  {
    name: "missing section code",
    ticket: () => {
      const t = valid();
      t.items[0]!.commodity!.sectionCode = "";
      return t;
    },
    field: "items[0].commodity.section_code",
    message: "items[0].commodity.section_code is missing",
  },
  {
    name: "zero quantity",
    ticket: () => {
      const t = valid();
      t.items[0]!.commodity!.quantity = 0n;
      return t;
    },
    field: "items[0].commodity.quantity",
    message: "items[0].commodity.quantity 0.000 must be greater than 0.000",
  },
  {
    name: "commodity without unit",
    ticket: () => {
      const t = valid();
      t.items[1]!.commodity!.measureUnitCode = "";
      return t;
    },
    field: "items[1].commodity.measure_unit_code",
    message:
      "items[1].commodity.measure_unit_code is missing (required since 2.0.0)",
  },
  {
    name: "storno without unit",
    ticket: () => {
      const t = valid({
        items: [goods({ sum: 100 }), stornoGoods({ sum: 50 })],
      });
      t.items[1]!.stornoCommodity!.measureUnitCode = "";
      return t;
    },
    field: "items[1].storno_commodity.measure_unit_code",
    message:
      "items[1].storno_commodity.measure_unit_code is missing " +
      "(required since 2.0.0)",
  },
  {
    name: "missing price",
    ticket: () => {
      const t = valid();
      t.items[0]!.commodity!.price = undefined;
      return t;
    },
    field: "items[0].commodity.price",
    message: "items[0].commodity.price is missing",
  },
  {
    name: "line sum mismatch",
    ticket: () =>
      valid({
        items: [
          goods({ sum: 1000 }),
          goods({ sum: 50000, price: 25000, quantity: 3000n }),
        ],
        payments: [pay(CARD, 51000)],
      }),
    field: "items[1].commodity.sum",
    message:
      "items[1].commodity.sum 500.00 does not equal price 250.00 x " +
      "quantity 3.000 = 750.00",
  },
  {
    name: "rounded line sum off",
    ticket: () =>
      valid({
        items: [goods({ sum: 499, price: 333, quantity: 1500n })],
        payments: [pay(CARD, 499)],
      }),
    field: "items[0].commodity.sum",
    message:
      "items[0].commodity.sum 4.99 does not equal price 3.33 x " +
      "quantity 1.500 = 5.00",
  },
  {
    name: "same percent twice",
    ticket: () =>
      valid({
        items: [goods({ sum: 11200, taxes: [vat(12, 1200), vat(12, 1200)] })],
        payments: [pay(CARD, 11200)],
      }),
    field: "items[0].commodity.taxes[1].percent",
    message:
      "items[0].commodity.taxes[1].percent 12% appears twice on one line",
  },
  {
    name: "implausible line tax",
    ticket: () =>
      valid({
        items: [goods({ sum: 11200, taxes: [vat(12, 1202)] })],
        payments: [pay(CARD, 11200)],
      }),
    field: "items[0].commodity.taxes[0].sum",
    message:
      "items[0].commodity.taxes[0].sum 12.02 does not match 12% included " +
      "in 112.00 = 12.00",
  },
  {
    name: "implausible modifier tax",
    ticket: () =>
      valid({
        items: [
          goods({ sum: 11200, taxes: [vat(12, 1200)] }),
          modifier("discount", 1120, [vat(12, 200)]),
        ],
        payments: [pay(CARD, 10080)],
      }),
    field: "items[1].discount.taxes[0].sum",
    message:
      "items[1].discount.taxes[0].sum 2.00 does not match 12% included " +
      "in 11.20 = 1.20",
  },
  {
    name: "line and receipt taxes",
    ticket: () => valid({ taxes: [vat(12, 1800)] }),
    field: "taxes",
    message: "taxes must not be sent together with taxes on the items",
  },
  {
    name: "receipt percent twice",
    ticket: () =>
      valid({
        items: [goods({ sum: 11200 })],
        payments: [pay(CARD, 11200)],
        taxes: [vat(12, 600), vat(12, 600)],
      }),
    field: "taxes[1].percent",
    message: "taxes[1].percent 12% appears twice on the receipt",
  },
  {
    name: "receipt tax too large",
    ticket: () =>
      valid({
        items: [goods({ sum: 11200 })],
        payments: [pay(CARD, 11200)],
        taxes: [vat(12, 1300)],
      }),
    field: "taxes[0].sum",
    message: "taxes[0].sum 13.00 exceeds 12% included in amounts.total 112.00",
  },
  {
    name: "receipt markup with discount",
    ticket: () => valid({ discount: 100, markup: 100, total: 16800 }),
    field: "amounts.markup",
    message: "amounts.markup must not be sent together with amounts.discount",
  },
  {
    name: "receipt discount without sum",
    ticket: () => {
      const t = valid({ discount: 100, payments: [pay(CASH, 16700)] });
      t.amounts!.discount!.sum = undefined;
      return t;
    },
    field: "amounts.discount.sum",
    message: "amounts.discount.sum is missing",
  },
  {
    name: "storno above goods",
    ticket: () =>
      valid({
        items: [goods({ sum: 500 }), stornoGoods({ sum: 600 })],
        total: 100,
        payments: [pay(CARD, 100)],
      }),
    field: "items",
    message: "items storno commodities 6.00 exceed commodities 5.00",
  },
  {
    name: "storno discount above discounts",
    ticket: () =>
      valid({
        items: [
          goods({ sum: 500 }),
          modifier("discount", 100),
          modifier("stornoDiscount", 200),
        ],
        payments: [pay(CARD, 600)],
      }),
    field: "items",
    message: "items storno discounts 2.00 exceed discounts 1.00",
  },
  {
    name: "storno markup above markups",
    ticket: () =>
      valid({
        items: [goods({ sum: 500 }), modifier("stornoMarkup", 200)],
        payments: [pay(CARD, 300)],
      }),
    field: "items",
    message: "items storno markups 2.00 exceed markups 0.00",
  },
  {
    name: "item discount above goods",
    ticket: () =>
      valid({
        items: [
          goods({ sum: 500 }),
          modifier("discount", 700),
          modifier("markup", 300),
        ],
        payments: [pay(CARD, 100)],
      }),
    field: "items",
    message: "items discounts 7.00 exceed commodities 5.00",
  },
  {
    name: "receipt discount above receipt",
    ticket: () =>
      valid({
        items: [goods({ sum: 500 })],
        discount: 600,
        total: 100,
        payments: [pay(CARD, 100)],
      }),
    field: "amounts.discount.sum",
    message: "amounts.discount.sum 6.00 exceeds the receipt sum before it 5.00",
  },
  {
    name: "total mismatch",
    ticket: () => valid({ discount: 800, total: 16800 }),
    field: "amounts.total",
    message:
      "amounts.total 168.00 does not equal 160.00 = commodities 168.00 - " +
      "discounts 8.00 + markups 0.00",
  },
  {
    name: "zero total",
    ticket: () =>
      valid({ items: [goods({ sum: 500 })], discount: 500, payments: [] }),
    field: "amounts.total",
    message: "amounts.total must be greater than 0.00",
  },
  {
    name: "unknown payment type",
    ticket: () => {
      const t = valid({ payments: [pay(CARD, 16800)] });
      const encoded = toBinary(TicketRequest_PaymentSchema, t.payments[0]!);
      t.payments[0] = fromBinary(
        TicketRequest_PaymentSchema,
        new Uint8Array([...encoded, 0x08, 0x07]),
      );
      return t;
    },
    field: "payments[0].type",
    message: "payments[0].type is not a known payment type",
  },
  {
    name: "credit payment",
    ticket: () =>
      valid({ payments: [pay(PaymentTypeEnum.PAYMENT_CREDIT, 16800)] }),
    field: "payments[0].type",
    message: "payments[0].type CREDIT is deprecated; use CASH, CARD or MOBILE",
  },
  {
    name: "tare payment",
    ticket: () =>
      valid({ payments: [pay(PaymentTypeEnum.PAYMENT_TARE, 16800)] }),
    field: "payments[0].type",
    message: "payments[0].type TARE is deprecated; use CASH, CARD or MOBILE",
  },
  {
    name: "payment type twice",
    ticket: () => valid({ payments: [pay(CARD, 8400), pay(CARD, 8400)] }),
    field: "payments[1].type",
    message: "payments[1].type CARD appears twice",
  },
  {
    name: "payment without sum",
    ticket: () => {
      const t = valid({ payments: [pay(MOBILE, 16800)] });
      t.payments[0]!.sum = undefined;
      return t;
    },
    field: "payments[0].sum",
    message: "payments[0].sum is missing",
  },
  {
    name: "payments short of total",
    ticket: () => valid({ payments: [pay(CARD, 16000)] }),
    field: "payments",
    message: "payments sum 160.00 does not equal amounts.total 168.00",
  },
  {
    name: "cash without taken",
    ticket: () => {
      const t = valid();
      t.amounts!.taken = undefined;
      return t;
    },
    field: "amounts.taken",
    message: "amounts.taken is missing",
  },
  {
    name: "cash without change",
    ticket: () => {
      const t = valid();
      t.amounts!.change = undefined;
      return t;
    },
    field: "amounts.change",
    message: "amounts.change is missing",
  },
  {
    name: "change above taken",
    ticket: () => valid({ taken: 1000, change: 2000 }),
    field: "amounts.change",
    message: "amounts.change 20.00 exceeds amounts.taken 10.00",
  },
  {
    name: "taken minus change off",
    ticket: () => valid({ taken: 20000, change: 3000 }),
    field: "amounts.taken",
    message:
      "amounts.taken 200.00 - change 30.00 = 170.00 does not equal the " +
      "cash payment 168.00",
  },
  {
    name: "change without cash",
    ticket: () => valid({ payments: [pay(CARD, 16800)], change: 100 }),
    field: "amounts.change",
    message: "amounts.change 1.00 without a cash payment",
  },
  {
    name: "missing domain",
    ticket: () => {
      const t = valid();
      t.domain = undefined;
      return t;
    },
    field: "domain",
    message: "domain is missing (required since 2.0.3)",
  },
  {
    name: "domain without type",
    ticket: () => {
      const t = valid();
      clearField(t.domain!, TicketRequest_DomainSchema.field.type);
      return t;
    },
    field: "domain.type",
    message: "domain.type is missing (required since 2.0.3)",
  },
  {
    name: "return without parent",
    ticket: () => {
      const t = valid({ operation: SELL_RETURN });
      t.parentTicket = undefined;
      return t;
    },
    field: "parent_ticket",
    message: "parent_ticket is missing (required for SELL_RETURN since 2.0.3)",
  },
  {
    name: "parent without number",
    ticket: () => {
      const t = valid({ operation: BUY_RETURN });
      t.parentTicket!.parentTicketNumber = "";
      return t;
    },
    field: "parent_ticket.parent_ticket_number",
    message: "parent_ticket.parent_ticket_number is missing",
  },
  {
    name: "parent without time",
    ticket: () => {
      const t = valid({ operation: SELL_RETURN });
      t.parentTicket!.parentTicketDataTime = undefined;
      return t;
    },
    field: "parent_ticket.parent_ticket_data_time",
    message: "parent_ticket.parent_ticket_data_time is missing",
  },
  {
    name: "parent without register",
    ticket: () => {
      const t = valid({ operation: SELL_RETURN });
      t.parentTicket!.kgdKkmId = "";
      return t;
    },
    field: "parent_ticket.kgd_kkm_id",
    message: "parent_ticket.kgd_kkm_id is missing",
  },
  {
    name: "parent without total",
    ticket: () => {
      const t = valid({ operation: SELL_RETURN });
      t.parentTicket!.parentTicketTotal = undefined;
      return t;
    },
    field: "parent_ticket.parent_ticket_total",
    message: "parent_ticket.parent_ticket_total is missing",
  },
  {
    name: "parent without offline flag",
    ticket: () => {
      const t = valid({ operation: SELL_RETURN });
      clearField(
        t.parentTicket!,
        TicketRequest_ParentTicketSchema.field.parentTicketIsOffline,
      );
      return t;
    },
    field: "parent_ticket.parent_ticket_is_offline",
    message: "parent_ticket.parent_ticket_is_offline is missing",
  },
  {
    name: "customer check digit wrong",
    ticket: () => valid({ customer: "960624350643" }),
    field: "extension_options.customer_iin_or_bin",
    message:
      "extension_options.customer_iin_or_bin 960624350643 is not a valid " +
      "IIN/BIN (12 digits with a valid check digit)",
  },
  {
    name: "customer too short",
    ticket: () => valid({ customer: "96062435064" }),
    field: "extension_options.customer_iin_or_bin",
    message:
      "extension_options.customer_iin_or_bin 96062435064 is not a valid " +
      "IIN/BIN (12 digits with a valid check digit)",
  },
];

describe("validateTicket rejects", () => {
  it.each(cases)("$name", (row) => {
    const problem = validateTicket(row.ticket(), row.context ?? V203);

    expect(problem?.resultCode).toBe(13);
    expect(problem?.field).toBe(row.field);
    expect(problem?.message).toBe(row.message);
  });
});

describe("validateTicket accepts", () => {
  it("valid sell receipt", () => {
    expect(validateTicket(valid(), V203)).toBeNull();
  });

  it("valid return with parent", () => {
    expect(validateTicket(valid({ operation: SELL_RETURN }), V203)).toBeNull();
  });

  it("2.0.2 receipt without domain", () => {
    const t = valid({ operation: SELL_RETURN });
    t.domain = undefined;
    t.parentTicket = undefined;

    expect(validateTicket(t, V202)).toBeNull();
  });

  it("commodity with code only", () => {
    const t = valid();
    t.items[0]!.commodity!.name = "";
    t.items[0]!.commodity!.code = 4870001n;

    expect(validateTicket(t, V203)).toBeNull();
  });

  it("line sum rounded half up", () => {
    const t = valid({
      items: [goods({ sum: 500, price: 333, quantity: 1500n })],
      payments: [pay(CARD, 500)],
    });

    expect(validateTicket(t, V203)).toBeNull();
  });

  it("line tax one tiyn off", () => {
    const t = valid({
      items: [goods({ sum: 11200, taxes: [vat(12, 1201)] })],
      payments: [pay(CARD, 11200)],
    });

    expect(validateTicket(t, V203)).toBeNull();
  });

  it("mixed payments with change", () => {
    const t = valid({
      payments: [pay(CASH, 6800), pay(CARD, 5000), pay(MOBILE, 5000)],
      taken: 10000,
      change: 3200,
    });

    expect(validateTicket(t, V203)).toBeNull();
  });

  it("card payment with zero change", () => {
    const t = valid({ payments: [pay(CARD, 16800)], taken: 0, change: 0 });

    expect(validateTicket(t, V203)).toBeNull();
  });

  it("discounts, markups and storno", () => {
    const t = valid({
      items: [
        goods({ sum: 10000 }),
        goods({ sum: 500 }),
        stornoGoods({ sum: 500 }),
        modifier("discount", 1000),
        modifier("stornoDiscount", 1000),
        modifier("markup", 300),
        modifier("stornoMarkup", 100),
      ],
      discount: 200,
      payments: [pay(CARD, 10000)],
    });

    expect(validateTicket(t, V203)).toBeNull();
  });

  it("valid customer IIN", () => {
    expect(validateTicket(valid({ customer: CUSTOMER_IIN }), V203)).toBeNull();
  });

  it("customer without known seller", () => {
    const context: TicketContext = { version: 203, sellerIinBin: null };

    expect(validateTicket(valid({ customer: SELLER_BIN }), context)).toBeNull();
  });
});

describe("validateTicket customer", () => {
  it("seller as customer is 17", () => {
    const problem = validateTicket(valid({ customer: SELLER_BIN }), V203);

    expect(problem?.resultCode).toBe(17);
    expect(problem?.field).toBe("extension_options.customer_iin_or_bin");
    expect(problem?.message).toBe(
      "Same customer and taxpayer IIN/BIN " +
        "(extension_options.customer_iin_or_bin 250340011472)",
    );
  });
});
