import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import * as v202 from "../../../proto/gen/kkm/v202/message_pb.js";
import * as v202Ticket from "../../../proto/gen/kkm/v202/ticket_pb.js";
import {
  CommandTypeEnum,
  DomainTypeEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
  RequestSchema,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequest_Payment_CardPaymentFieldsSchema,
  TicketRequestSchema,
  type TicketRequest,
} from "../../../proto/messages";
import { fromMoney } from "../../../simulator/money";
import { PaymentError } from "../../../simulator/payments";
import {
  buildTicket,
  lineSum,
  ReceiptError,
  type ReceiptInput,
} from "../../../simulator/receipt";
import { decodeRequestBody, encodeRequestBody } from "../../../simulator/wire";

const NOON = { year: 2025, month: 1, day: 15, hour: 12, minute: 30, second: 0 };

function input(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    protocol: 203,
    operation: OperationTypeEnum.OPERATION_SELL,
    dateTime: NOON,
    operator: { code: 7, name: "Айгуль" },
    lines: [
      { name: "Хлеб", price: 25050n, quantity: 2000n, section: "1" },
      { name: "Молоко", price: 48000n, quantity: 1500n, section: "2" },
    ],
    vatPercent: null,
    payments: [],
    ...overrides,
  };
}

function paymentSums(ticket: TicketRequest) {
  return ticket.payments.map((payment) => [
    payment.type,
    fromMoney(payment.sum),
  ]);
}

describe("lineSum", () => {
  it("multiplies price by thousandths and rounds half up", () => {
    expect(lineSum(25050n, 2000n)).toBe(50100n);
    expect(lineSum(48000n, 1500n)).toBe(72000n);
    expect(lineSum(333n, 1500n)).toBe(500n); // 499.5 tiyn
    expect(lineSum(100n, 1n)).toBe(0n); // 0.1 tiyn
  });
});

describe("buildTicket totals and payments", () => {
  it("defaults to all cash with no change", () => {
    const { ticket, totals } = buildTicket(input());

    expect(totals.goods).toBe(122100n);
    expect(totals.total).toBe(122100n);
    expect(paymentSums(ticket)).toEqual([
      [PaymentTypeEnum.PAYMENT_CASH, 122100n],
    ]);
    expect(fromMoney(ticket.amounts?.total)).toBe(122100n);
    expect(fromMoney(ticket.amounts?.taken)).toBe(122100n);
    expect(fromMoney(ticket.amounts?.change)).toBe(0n);
  });

  it("computes change from the cash taken", () => {
    const { ticket } = buildTicket(
      input({ payments: [{ kind: "card", amount: 50000n }], taken: 100000n }),
    );

    expect(paymentSums(ticket)).toEqual([
      [PaymentTypeEnum.PAYMENT_CARD, 50000n],
      [PaymentTypeEnum.PAYMENT_CASH, 72100n],
    ]);
    expect(fromMoney(ticket.amounts?.taken)).toBe(100000n);
    expect(fromMoney(ticket.amounts?.change)).toBe(27900n);
  });

  it("gives the rest to the payment without amount", () => {
    const { ticket } = buildTicket(
      input({
        payments: [{ kind: "mobile" }, { kind: "card", amount: 100n }],
      }),
    );

    expect(paymentSums(ticket)).toEqual([
      [PaymentTypeEnum.PAYMENT_MOBILE, 122000n],
      [PaymentTypeEnum.PAYMENT_CARD, 100n],
    ]);
    expect(fromMoney(ticket.amounts?.taken)).toBe(0n);
    expect(fromMoney(ticket.amounts?.change)).toBe(0n);
  });

  it("rejects payments that miss the total", () => {
    expect(() =>
      buildTicket(input({ payments: [{ kind: "cash", amount: 100n }] })),
    ).toThrow(PaymentError);
    expect(() =>
      buildTicket(input({ payments: [{ kind: "card", amount: 999999n }] })),
    ).toThrow(/add up to 9999.99 but the total is 1221.00/);
  });

  it("rejects a payment type given twice", () => {
    expect(() =>
      buildTicket(input({ payments: [{ kind: "card" }, { kind: "card" }] })),
    ).toThrow(/card is given twice/);
  });

  it("rejects taken below the cash due", () => {
    expect(() => buildTicket(input({ taken: 100n }))).toThrow(
      /less than the cash due 1221.00/,
    );
  });

  it("applies receipt and line modifiers", () => {
    const { ticket, totals } = buildTicket(
      input({
        discount: 2100n,
        lineModifiers: [{ kind: "markup", line: 1, amount: 500n }],
      }),
    );

    expect(totals.total).toBe(122100n - 2100n + 500n);
    expect(ticket.items.map((item) => item.type)).toEqual([
      ItemType.ITEM_TYPE_COMMODITY,
      ItemType.ITEM_TYPE_MARKUP,
      ItemType.ITEM_TYPE_COMMODITY,
    ]);
    expect(fromMoney(ticket.items[1]?.markup?.sum)).toBe(500n);
    expect(fromMoney(ticket.amounts?.discount?.sum)).toBe(2100n);
    expect(ticket.amounts?.discount?.name).toBe("Скидка");
  });

  it("rejects discount together with markup", () => {
    expect(() => buildTicket(input({ discount: 1n, markup: 1n }))).toThrow(
      ReceiptError,
    );
  });

  it("rejects a discount above the total", () => {
    expect(() => buildTicket(input({ discount: 122100n }))).toThrow(
      /must be above 0/,
    );
  });

  it("rejects a modifier on a missing line", () => {
    expect(() =>
      buildTicket(
        input({ lineModifiers: [{ kind: "discount", line: 3, amount: 1n }] }),
      ),
    ).toThrow(/line number from 1 to 2/);
  });
});

describe("buildTicket VAT", () => {
  it("puts included VAT on every line at 12 %", () => {
    const { ticket, totals } = buildTicket(input({ vatPercent: 12 }));
    const taxes = ticket.items.map((item) => item.commodity?.taxes[0]);

    // 501.00 -> 53.68 and 720.00 -> 77.14
    expect(taxes.map((tax) => fromMoney(tax?.sum))).toEqual([5368n, 7714n]);
    expect(taxes.every((tax) => tax?.percent === 12000)).toBe(true);
    expect(taxes.every((tax) => tax?.isInTotalSum === true)).toBe(true);
    expect(totals.vat).toBe(13082n);
  });

  it("puts included VAT on every line at 16 %", () => {
    const { ticket, totals } = buildTicket(input({ vatPercent: 16 }));
    const sums = ticket.items.map((item) =>
      fromMoney(item.commodity?.taxes[0]?.sum),
    );

    // 501.00 -> 69.10 and 720.00 -> 99.31
    expect(sums).toEqual([6910n, 9931n]);
    expect(totals.vat).toBe(16841n);
  });

  it("subtracts the VAT of a receipt discount", () => {
    const { ticket, totals } = buildTicket(
      input({ vatPercent: 12, discount: 11200n }),
    );

    expect(fromMoney(ticket.amounts?.discount?.taxes[0]?.sum)).toBe(1200n);
    expect(totals.vat).toBe(13082n - 1200n);
  });

  it("sends no taxes without VAT", () => {
    const { ticket } = buildTicket(input());
    expect(
      ticket.items.every((item) => item.commodity?.taxes.length === 0),
    ).toBe(true);
  });
});

describe("buildTicket required 2.0.3 blocks", () => {
  const parent = {
    fiscalSign: "1234567890",
    dateTime: NOON,
    kgdNumber: "620300014538",
    total: 122100n,
    offline: false,
  };

  it("encodes with every required field", () => {
    const { ticket } = buildTicket(
      input({ shiftNumber: 4, customerIinOrBin: "960624350642" }),
    );
    const decoded = fromBinary(
      TicketRequestSchema,
      toBinary(TicketRequestSchema, ticket),
    );

    expect(decoded.operation).toBe(OperationTypeEnum.OPERATION_SELL);
    expect(decoded.dateTime?.date?.year).toBe(2025);
    expect(decoded.dateTime?.time?.second).toBe(0);
    expect(decoded.operator?.code).toBe(7);
    expect(decoded.operator?.name).toBe("Айгуль");
    expect(decoded.domain?.type).toBe(DomainTypeEnum.DOMAIN_TRADING);
    expect(Object.hasOwn(decoded.domain!, "type")).toBe(true);
    expect(decoded.items[0]?.commodity?.measureUnitCode).toBe("796");
    expect(decoded.items[0]?.commodity?.quantity).toBe(2000n);
    expect(decoded.items[1]?.commodity?.sectionCode).toBe("2");
    expect(decoded.frShiftNumber).toBe(4);
    expect(decoded.extensionOptions?.customerIinOrBin).toBe("960624350642");
    expect(Object.hasOwn(decoded, "offlineTicketNumber")).toBe(false);
    expect(decoded.parentTicket).toBeUndefined();
  });

  it("writes OPERATION_BUY explicitly", () => {
    const { ticket } = buildTicket(
      input({ operation: OperationTypeEnum.OPERATION_BUY }),
    );
    const bytes = toBinary(TicketRequestSchema, ticket);

    // Field 1, varint 0: proto2 writes a required zero.
    expect([...bytes.subarray(0, 2)]).toEqual([0x08, 0x00]);
  });

  it("adds parent_ticket to a 2.0.3 return", () => {
    const { ticket } = buildTicket(
      input({ operation: OperationTypeEnum.OPERATION_SELL_RETURN, parent }),
    );

    expect(ticket.parentTicket?.parentTicketNumber).toBe("1234567890");
    expect(ticket.parentTicket?.kgdKkmId).toBe("620300014538");
    expect(fromMoney(ticket.parentTicket?.parentTicketTotal)).toBe(122100n);
    expect(ticket.parentTicket?.parentTicketDataTime?.time?.hour).toBe(12);
    expect(ticket.parentTicket?.parentTicketIsOffline).toBe(false);
    expect(() => toBinary(TicketRequestSchema, ticket)).not.toThrow();
  });

  it("encodes a 2.0.2 return without 2.0.3-only fields", () => {
    const { ticket } = buildTicket(
      input({
        protocol: 202,
        operation: OperationTypeEnum.OPERATION_SELL_RETURN,
        parent,
      }),
    );
    ticket.items[0]!.commodity!.ntin = "123";
    ticket.items[0]!.commodity!.listExciseStamp = ["stamp"];
    ticket.payments[0]!.cardPaymentFields = create(
      TicketRequest_Payment_CardPaymentFieldsSchema,
      { posTerminalId: "T1" },
    );
    const request = create(RequestSchema, {
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket,
      service: {
        regInfo: { org: { inn: "250140000013", addressKz: "Астана қ." } },
      },
    });

    const body = encodeRequestBody(202, request);
    const legacy = fromBinary(v202.RequestSchema, body);

    expect(ticket.parentTicket).toBeUndefined();
    expect(legacy.$unknown ?? []).toEqual([]);
    expect(legacy.ticket?.$unknown ?? []).toEqual([]);
    expect(legacy.ticket?.items[0]?.commodity?.$unknown ?? []).toEqual([]);
    expect(legacy.ticket?.payments[0]?.$unknown ?? []).toEqual([]);
    // The same request encoded as 2.0.3 does carry the extra fields.
    const modern = fromBinary(
      v202Ticket.TicketRequestSchema,
      toBinary(TicketRequestSchema, ticket),
    );
    expect(modern.payments[0]?.$unknown?.length).toBe(1);
    expect(legacy.service?.regInfo?.org?.inn).toBe("250140000013");
    expect(legacy.service?.regInfo?.org?.$unknown ?? []).toEqual([]);
    expect(decodeRequestBody(202, body).ticket?.items[0]?.commodity?.ntin).toBe(
      "",
    );
  });

  it("rejects a quantity above uint32 in 2.0.2", () => {
    const lines = [{ name: "X", price: 1n, quantity: 2n ** 32n, section: "1" }];
    expect(() => buildTicket(input({ protocol: 202, lines }))).toThrow(
      /at most 4294967295 thousandths/,
    );
  });
});
