/**
 * Pure builders of TicketRequest (COMMAND_TICKET) from receipt lines,
 * modifiers and payments. Amounts are tiyn, quantities thousandths.
 */
import { create } from "@bufbuild/protobuf";
import {
  DomainTypeEnum,
  TicketRequestSchema,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequest_ExtensionOptionsSchema,
  TicketRequest_ItemSchema,
  TicketRequest_ModifierSchema,
  TicketRequest_ParentTicketSchema,
  type OperationTypeEnum,
  type TicketRequest,
  type TicketRequest_Item,
  type TicketRequest_Modifier,
} from "../proto/messages";
import { toProtoDateTime, type LocalDateTime } from "./clock";
import { divideRounded, formatTenge, fromMoney, toMoney } from "./money";
import { splitPayments, type PaymentSpec, type PaymentSplit } from "./payments";
import { vatEntry } from "./vat";

/** ESF unit code of "piece", sent on every commodity. */
export const MEASURE_UNIT_PIECE = "796";

/** Largest quantity a 2.0.2 register can send: the field is uint32 there. */
export const MAX_QUANTITY_202 = 2n ** 32n - 1n;

/** One goods line: unit price in tiyn, quantity in thousandths. */
export interface ReceiptLine {
  name: string;
  price: bigint;
  quantity: bigint;
  section: string;
}

/** A discount or markup on line `line` (1-based), in tiyn. */
export interface LineModifier {
  kind: "discount" | "markup";
  line: number;
  amount: bigint;
}

/** The receipt a return refers to (ParentTicket, protocol 2.0.3). */
export interface ParentReference {
  fiscalSign: string;
  dateTime: LocalDateTime;
  kgdNumber: string;
  total: bigint;
  offline: boolean;
}

/** Everything a receipt is built from. */
export interface ReceiptInput {
  protocol: 202 | 203;
  operation: OperationTypeEnum;
  dateTime: LocalDateTime;
  operator: { code: number; name: string };
  lines: ReceiptLine[];
  lineModifiers?: LineModifier[];
  /** VAT rate in whole percent included in prices, or null for no VAT. */
  vatPercent: number | null;
  payments: PaymentSpec[];
  taken?: bigint;
  discount?: bigint;
  markup?: bigint;
  customerIinOrBin?: string;
  shiftNumber?: number;
  offlineTicketNumber?: number;
  parent?: ParentReference;
}

/** Money figures of a built receipt, in tiyn. */
export interface ReceiptTotals extends PaymentSplit {
  goods: bigint;
  total: bigint;
  vat: bigint;
}

/** Invalid receipt content; `option` names the command-line flag to fix. */
export class ReceiptError extends Error {
  constructor(
    message: string,
    readonly option: string,
  ) {
    super(message);
    this.name = "ReceiptError";
  }
}

/** Computes a line sum: price × quantity, rounded half up to the tiyn. */
export function lineSum(price: bigint, quantity: bigint): bigint {
  return divideRounded(price * quantity, 1000n);
}

/**
 * Builds the TicketRequest and its totals. Throws ReceiptError, or
 * PaymentError from the payment split, when the input is invalid.
 */
export function buildTicket(input: ReceiptInput): {
  ticket: TicketRequest;
  totals: ReceiptTotals;
} {
  checkLines(input);

  const items = buildItems(input);
  const goods = input.lines.reduce(
    (sum, line) => sum + lineSum(line.price, line.quantity),
    0n,
  );
  const total = receiptTotal(input, goods);
  const split = splitPayments(total, input.payments, input.taken);

  const ticket = create(TicketRequestSchema, {
    operation: input.operation,
    dateTime: toProtoDateTime(input.dateTime),
    operator: { code: input.operator.code, name: input.operator.name },
    domain: { type: DomainTypeEnum.DOMAIN_TRADING },
    items,
    payments: split.payments.map((payment) => ({
      type: payment.type,
      sum: toMoney(payment.sum),
    })),
    amounts: {
      total: toMoney(total),
      taken: toMoney(split.taken),
      change: toMoney(split.change),
    },
  });
  addOptionalBlocks(ticket, input);

  return {
    ticket,
    totals: { ...split, goods, total, vat: receiptVat(ticket) },
  };
}

function checkLines(input: ReceiptInput): void {
  if (input.lines.length === 0) {
    throw new ReceiptError("missing --item: a receipt needs a line", "--item");
  }
  for (const line of input.lines) {
    if (line.quantity === 0n) {
      throw new ReceiptError(
        `invalid --item "${line.name}": quantity must be above 0`,
        "--item",
      );
    }
    if (input.protocol === 202 && line.quantity > MAX_QUANTITY_202) {
      throw new ReceiptError(
        `invalid --item "${line.name}": protocol 2.0.2 carries at most ` +
          `${MAX_QUANTITY_202} thousandths`,
        "--item",
      );
    }
  }
  for (const modifier of input.lineModifiers ?? []) {
    if (modifier.line < 1 || modifier.line > input.lines.length) {
      throw new ReceiptError(
        `invalid --line-${modifier.kind} ${modifier.line}: expected a line ` +
          `number from 1 to ${input.lines.length}`,
        `--line-${modifier.kind}`,
      );
    }
  }
  if (input.discount !== undefined && input.markup !== undefined) {
    throw new ReceiptError(
      "invalid --discount with --markup: a receipt has one or the other",
      "--markup",
    );
  }
}

function buildItems(input: ReceiptInput): TicketRequest_Item[] {
  const items: TicketRequest_Item[] = [];
  input.lines.forEach((line, index) => {
    const sum = lineSum(line.price, line.quantity);
    items.push(
      create(TicketRequest_ItemSchema, {
        type: ItemType.ITEM_TYPE_COMMODITY,
        commodity: {
          name: line.name,
          sectionCode: line.section,
          quantity: line.quantity,
          price: toMoney(line.price),
          sum: toMoney(sum),
          taxes: taxesOf(sum, input.vatPercent),
          measureUnitCode: MEASURE_UNIT_PIECE,
        },
      }),
    );

    // A line's own discounts and markups follow it, as printed receipts do.
    for (const modifier of input.lineModifiers ?? []) {
      if (modifier.line !== index + 1) continue;
      items.push(lineModifierItem(modifier, input.vatPercent));
    }
  });
  return items;
}

function lineModifierItem(
  modifier: LineModifier,
  vatPercent: number | null,
): TicketRequest_Item {
  const body = buildModifier(modifier.kind, modifier.amount, vatPercent);
  return modifier.kind === "discount"
    ? create(TicketRequest_ItemSchema, {
        type: ItemType.ITEM_TYPE_DISCOUNT,
        discount: body,
      })
    : create(TicketRequest_ItemSchema, {
        type: ItemType.ITEM_TYPE_MARKUP,
        markup: body,
      });
}

function buildModifier(
  kind: "discount" | "markup",
  amount: bigint,
  vatPercent: number | null,
): TicketRequest_Modifier {
  return create(TicketRequest_ModifierSchema, {
    name: kind === "discount" ? "Скидка" : "Наценка",
    sum: toMoney(amount),
    taxes: taxesOf(amount, vatPercent),
  });
}

function taxesOf(sum: bigint, vatPercent: number | null) {
  return vatPercent === null ? [] : [vatEntry(sum, vatPercent)];
}

function receiptTotal(input: ReceiptInput, goods: bigint): bigint {
  let total = goods;
  for (const modifier of input.lineModifiers ?? []) {
    total += modifier.kind === "discount" ? -modifier.amount : modifier.amount;
  }
  total += (input.markup ?? 0n) - (input.discount ?? 0n);

  if (total <= 0n) {
    throw new ReceiptError(
      `invalid --discount: the receipt total would be ${formatTenge(total)}, ` +
        "but it must be above 0",
      "--discount",
    );
  }
  return total;
}

function addOptionalBlocks(ticket: TicketRequest, input: ReceiptInput): void {
  if (input.discount !== undefined) {
    ticket.amounts!.discount = buildModifier(
      "discount",
      input.discount,
      input.vatPercent,
    );
  }
  if (input.markup !== undefined) {
    ticket.amounts!.markup = buildModifier(
      "markup",
      input.markup,
      input.vatPercent,
    );
  }
  if (input.customerIinOrBin !== undefined) {
    ticket.extensionOptions = create(TicketRequest_ExtensionOptionsSchema, {
      customerIinOrBin: input.customerIinOrBin,
    });
  }
  if (input.shiftNumber !== undefined) {
    ticket.frShiftNumber = input.shiftNumber;
  }
  if (input.offlineTicketNumber !== undefined) {
    ticket.offlineTicketNumber = input.offlineTicketNumber;
  }
  if (input.parent && input.protocol === 203) {
    ticket.parentTicket = create(TicketRequest_ParentTicketSchema, {
      parentTicketNumber: input.parent.fiscalSign,
      parentTicketDataTime: toProtoDateTime(input.parent.dateTime),
      kgdKkmId: input.parent.kgdNumber,
      parentTicketTotal: toMoney(input.parent.total),
      parentTicketIsOffline: input.parent.offline,
    });
  }
}

function receiptVat(ticket: TicketRequest): bigint {
  let vat = 0n;
  for (const item of ticket.items) {
    const taxes =
      item.commodity?.taxes ?? item.discount?.taxes ?? item.markup?.taxes ?? [];
    const sign = item.discount ? -1n : 1n;
    for (const tax of taxes) vat += sign * fromMoney(tax.sum);
  }
  for (const tax of ticket.amounts?.markup?.taxes ?? [])
    vat += fromMoney(tax.sum);
  for (const tax of ticket.amounts?.discount?.taxes ?? []) {
    vat -= fromMoney(tax.sum);
  }
  return vat;
}
