/**
 * Shift counters of one cash register, the numbers behind its X and Z
 * reports, updated the way the reference OFD does it. Every function is
 * pure: it returns a new value and leaves its input alone.
 */
import {
  MoneyPlacementEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
  TicketRequestSchema,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  type MoneyPlacementRequest,
  type TicketRequest,
  type TicketRequest_Item,
} from "../../proto/messages";
import { isFieldSet } from "@bufbuild/protobuf";
import { toTiyn } from "./money";
import { taxKey, ticketTaxes } from "./taxes";
import {
  entries,
  type PlacementTally,
  type ShiftCounters,
  type Tally,
  type TicketTally,
} from "./counters-types";

export * from "./counters-types";

/**
 * Starts shift `shiftNumber` after `previous` (null for a newly registered
 * register). Carried over: receipt and placement counts since registration,
 * the non-nullable sums (also as the start-of-shift sums) and the cash.
 */
export function newShiftCounters(
  previous: ShiftCounters | null,
  shiftNumber: number,
  openedAt: string,
): ShiftCounters {
  const counters: ShiftCounters = {
    shiftNumber,
    openedAt,
    sections: {},
    operations: {},
    discounts: {},
    markups: {},
    totalResult: {},
    taxes: {},
    ticketOperations: {},
    moneyPlacements: {},
    startShiftNonNullableSums: {},
    nonNullableSums: {},
    cash: 0,
    revenue: 0,
  };
  if (!previous) return counters;

  // The rows stay, with only their since-registration count, as the
  // reference does: a receipt row's total count must survive the close.
  for (const [op, tally] of entries(previous.ticketOperations)) {
    counters.ticketOperations[op] = {
      ...emptyTicketTally(),
      ticketsTotalCount: tally.ticketsTotalCount,
    };
  }
  for (const [operation, tally] of entries(previous.moneyPlacements)) {
    counters.moneyPlacements[operation] = {
      ...emptyPlacementTally(),
      operationsTotalCount: tally.operationsTotalCount,
    };
  }

  counters.startShiftNonNullableSums = { ...previous.nonNullableSums };
  counters.nonNullableSums = { ...previous.nonNullableSums };
  counters.cash = previous.cash;
  return counters;
}

/**
 * Adds an accepted receipt. Expects a ticket that passed validateTicket and
 * throws a RangeError when an item lacks the part its type requires.
 */
export function applyTicket(
  counters: ShiftCounters,
  ticket: TicketRequest,
): ShiftCounters {
  const next = copyCounters(counters);
  const op = ticket.operation;
  const goods: Tally = { count: 0, sum: 0 };
  const discounts: Tally = { count: 0, sum: 0 };
  const markups: Tally = { count: 0, sum: 0 };

  // Lines are counted, not receipts: a commodity adds 1 and its sum, and a
  // storno line adds 0 and subtracts its sum.
  ticket.items.forEach((item, index) => {
    const line = itemLine(item, index);
    if (line.kind === "goods") {
      addTally(goods, line);
      const section = (next.sections[line.sectionCode] ??= {});
      addTally((section[op] ??= { count: 0, sum: 0 }), line);
    } else {
      addTally(line.kind === "discount" ? discounts : markups, line);
    }
  });

  const amounts = ticket.amounts;
  const receiptDiscount = toTiyn(amounts?.discount?.sum);
  const receiptMarkup = toTiyn(amounts?.markup?.sum);
  if (amounts?.discount) {
    addTally(discounts, { count: 1, sum: receiptDiscount });
  }
  if (amounts?.markup) {
    addTally(markups, { count: 1, sum: receiptMarkup });
  }

  // Like the reference, operations and total_result get a row for every
  // receipt, discounts and markups only when the receipt had any.
  addTally((next.operations[op] ??= { count: 0, sum: 0 }), goods);
  if (discounts.count !== 0 || discounts.sum !== 0) {
    addTally((next.discounts[op] ??= { count: 0, sum: 0 }), discounts);
  }
  if (markups.count !== 0 || markups.sum !== 0) {
    addTally((next.markups[op] ??= { count: 0, sum: 0 }), markups);
  }
  addTally((next.totalResult[op] ??= { count: 0, sum: 0 }), {
    count: goods.count,
    sum: goods.sum - discounts.sum + markups.sum,
  });

  const total = toTiyn(amounts?.total);
  const tickets = (next.ticketOperations[op] ??= emptyTicketTally());
  tickets.ticketsTotalCount += 1;
  tickets.ticketsCount += 1;
  tickets.ticketsSum += total;
  for (const payment of ticket.payments) {
    const tally = (tickets.payments[payment.type] ??= { count: 0, sum: 0 });
    addTally(tally, { count: 1, sum: toTiyn(payment.sum) });
  }
  if (isFieldSet(ticket, TicketRequestSchema.field.offlineTicketNumber)) {
    tickets.offlineCount += 1;
  }
  tickets.discountSum += receiptDiscount;
  tickets.markupSum += receiptMarkup;
  tickets.changeSum += toTiyn(amounts?.change);

  next.nonNullableSums[op] = (next.nonNullableSums[op] ?? 0) + total;

  // Cash payment sums are already net of change.
  const cash = ticket.payments
    .filter((payment) => payment.type === PaymentTypeEnum.PAYMENT_CASH)
    .reduce((sum, payment) => sum + toTiyn(payment.sum), 0);
  next.cash += drawerSign(op) * cash;
  next.revenue += drawerSign(op) * total;

  for (const share of ticketTaxes(ticket)) {
    const key = taxKey(share.taxType, share.percent);
    const rate = (next.taxes[key] ??= {
      taxType: share.taxType,
      percent: share.percent,
      operations: {},
    });
    const row = (rate.operations[op] ??= {
      turnover: 0,
      sum: 0,
      turnoverWithoutTax: 0,
    });
    row.turnover += share.turnover;
    row.sum += share.sum;
    row.turnoverWithoutTax += share.turnover - share.sum;
  }
  return next;
}

/** Adds an accepted cash deposit or withdrawal. */
export function applyMoneyPlacement(
  counters: ShiftCounters,
  placement: MoneyPlacementRequest,
): ShiftCounters {
  return place(
    counters,
    placement.operation,
    toTiyn(placement.sum),
    placement.isOffline,
  );
}

/** Cash in the drawer in tiyn; negative when more left than came in. */
export function cashInDrawer(counters: ShiftCounters): number {
  return counters.cash;
}

/**
 * Withdraws all cash as one WITHDRAWAL placement, as close shift with
 * withdraw_money does. With no cash (or a negative drawer, which Money
 * cannot carry) it records nothing, as the reference records nothing at 0.
 */
export function withdrawAllCash(
  counters: ShiftCounters,
  isOffline: boolean,
): ShiftCounters {
  if (counters.cash <= 0) return copyCounters(counters);
  return place(
    counters,
    MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL,
    counters.cash,
    isOffline,
  );
}

function place(
  counters: ShiftCounters,
  operation: MoneyPlacementEnum,
  sum: number,
  isOffline: boolean,
): ShiftCounters {
  const next = copyCounters(counters);
  const tally = (next.moneyPlacements[operation] ??= emptyPlacementTally());
  tally.operationsTotalCount += 1;
  tally.operationsCount += 1;
  tally.operationsSum += sum;
  if (isOffline) tally.offlineCount += 1;

  const withdrawal =
    operation === MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL;
  next.cash += withdrawal ? -sum : sum;
  return next;
}

interface ItemLine extends Tally {
  kind: "goods" | "discount" | "markup";
  sectionCode: string;
}

function itemLine(item: TicketRequest_Item, index: number): ItemLine {
  const missing = (part: string) =>
    new RangeError(`items[${index}].${part} is missing`);

  switch (item.type) {
    case ItemType.ITEM_TYPE_COMMODITY: {
      if (!item.commodity) throw missing("commodity");
      const { sectionCode, sum } = item.commodity;
      return { kind: "goods", sectionCode, count: 1, sum: toTiyn(sum) };
    }
    case ItemType.ITEM_TYPE_STORNO_COMMODITY: {
      if (!item.stornoCommodity) throw missing("storno_commodity");
      const { sectionCode, sum } = item.stornoCommodity;
      return { kind: "goods", sectionCode, count: 0, sum: -toTiyn(sum) };
    }
    case ItemType.ITEM_TYPE_DISCOUNT:
      if (!item.discount) throw missing("discount");
      return modifierLine("discount", 1, toTiyn(item.discount.sum));
    case ItemType.ITEM_TYPE_STORNO_DISCOUNT:
      // NOTE: the reference records a storno discount with no discount
      // before it as a positive sum; that quirk is not repeated here.
      if (!item.stornoDiscount) throw missing("storno_discount");
      return modifierLine("discount", 0, -toTiyn(item.stornoDiscount.sum));
    case ItemType.ITEM_TYPE_MARKUP:
      if (!item.markup) throw missing("markup");
      return modifierLine("markup", 1, toTiyn(item.markup.sum));
    case ItemType.ITEM_TYPE_STORNO_MARKUP:
      if (!item.stornoMarkup) throw missing("storno_markup");
      return modifierLine("markup", 0, -toTiyn(item.stornoMarkup.sum));
  }
  throw new RangeError(`items[${index}].type ${item.type} is not known`);
}

function modifierLine(
  kind: "discount" | "markup",
  count: number,
  sum: number,
): ItemLine {
  return { kind, sectionCode: "", count, sum };
}

function addTally(target: Tally, add: Tally): void {
  target.count += add.count;
  target.sum += add.sum;
}

/** +1 when the operation brings money in (sell, buy return), else −1. */
function drawerSign(op: OperationTypeEnum): number {
  return op === OperationTypeEnum.OPERATION_SELL ||
    op === OperationTypeEnum.OPERATION_BUY_RETURN
    ? 1
    : -1;
}

function emptyTicketTally(): TicketTally {
  return {
    ticketsTotalCount: 0,
    ticketsCount: 0,
    ticketsSum: 0,
    payments: {},
    offlineCount: 0,
    discountSum: 0,
    markupSum: 0,
    changeSum: 0,
  };
}

function emptyPlacementTally(): PlacementTally {
  return {
    operationsTotalCount: 0,
    operationsCount: 0,
    operationsSum: 0,
    offlineCount: 0,
  };
}

/** Deep copy; ShiftCounters holds only JSON values, so JSON round-trips it. */
function copyCounters(counters: ShiftCounters): ShiftCounters {
  return JSON.parse(JSON.stringify(counters)) as ShiftCounters;
}
