/**
 * Checks a receipt (COMMAND_TICKET) before it is counted. The first problem
 * found becomes the OFD's reply: a result code and a short text.
 */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  OperationTypeEnum,
  TicketRequestSchema,
  TicketRequest_DomainSchema,
  TicketRequest_ParentTicketSchema,
  type TicketRequest,
} from "../../proto/messages";
import { formatTenge } from "./money";
import { formatPercent, operationName } from "./report-names";
import { includedTax } from "./taxes";
import { isValidIinBin } from "./validate-iin-bin";
import { checkItems, checkModifier, type ItemTotals } from "./validate-items";
import { checkPayments } from "./validate-payments";
import {
  firstProblem,
  hasUnknownValue,
  reject,
  requireDateTime,
  requireMoney,
  ProblemError,
  type TicketProblem,
} from "./validate-problem";

export { isValidIinBin } from "./validate-iin-bin";
export type { TicketProblem } from "./validate-problem";

/** Request data the receipt check needs besides the receipt. */
export interface TicketContext {
  /** Protocol version of the frame, 202 for 2.0.2 and 203 for 2.0.3. */
  version: 202 | 203;
  /** The seller's IIN/BIN, or null when not known. */
  sellerIinBin: string | null;
}

/** Returns the first problem of the receipt, or null when it is valid. */
export function validateTicket(
  ticket: TicketRequest,
  context: TicketContext,
): TicketProblem | null {
  return firstProblem(() => {
    checkHeader(ticket);
    const items = checkItems(ticket);
    const total = checkAmounts(ticket, items);
    checkPayments(ticket, total);
    if (context.version === 203) checkVersion203(ticket);
    checkCustomer(ticket, context.sellerIinBin);
  });
}

function checkHeader(ticket: TicketRequest): void {
  const operationField = TicketRequestSchema.field.operation;
  if (hasUnknownValue(ticket, operationField.number)) {
    reject("operation", "is not a known operation type");
  }
  if (!isFieldSet(ticket, operationField)) reject("operation", "is missing");
  requireDateTime("date_time", ticket.dateTime);
  if (!ticket.operator) reject("operator", "is missing");
  if (!ticket.amounts) reject("amounts", "is missing");
  requireMoney("amounts.total", ticket.amounts.total);
}

/**
 * Checks the receipt-level taxes and modifiers and that amounts.total adds
 * up; returns the total in tiyn.
 *
 * Modifiers must not be larger than what they modify. An item modifier
 * does not name its line, so this is checked on sums: storno lines do not
 * exceed the lines they cancel, and item discounts do not exceed the goods.
 * A receipt discount does not exceed the receipt sum before it. A total of
 * 0 is rejected because a receipt must take money.
 */
function checkAmounts(ticket: TicketRequest, items: ItemTotals): number {
  const amounts = ticket.amounts;
  if (!amounts) return reject("amounts", "is missing");
  const total = requireMoney("amounts.total", amounts.total);

  if (items.hasLineTaxes && ticket.taxes.length > 0) {
    reject("taxes", "must not be sent together with taxes on the items");
  }
  checkReceiptTaxes(ticket, total);

  if (amounts.markup && amounts.discount) {
    reject("amounts.markup", "must not be sent together with amounts.discount");
  }
  const receiptDiscount = amounts.discount
    ? checkModifier("amounts.discount", amounts.discount)
    : 0;
  const receiptMarkup = amounts.markup
    ? checkModifier("amounts.markup", amounts.markup)
    : 0;

  if (items.stornoGoods > items.goods) {
    reject(
      "items",
      exceeds(
        "storno commodities",
        items.stornoGoods,
        "commodities",
        items.goods,
      ),
    );
  }
  if (items.stornoDiscounts > items.discounts) {
    reject(
      "items",
      exceeds(
        "storno discounts",
        items.stornoDiscounts,
        "discounts",
        items.discounts,
      ),
    );
  }
  if (items.stornoMarkups > items.markups) {
    reject(
      "items",
      exceeds("storno markups", items.stornoMarkups, "markups", items.markups),
    );
  }

  const goods = items.goods - items.stornoGoods;
  const itemDiscounts = items.discounts - items.stornoDiscounts;
  const itemMarkups = items.markups - items.stornoMarkups;
  if (itemDiscounts > goods) {
    reject("items", exceeds("discounts", itemDiscounts, "commodities", goods));
  }
  const beforeReceipt = goods - itemDiscounts + itemMarkups;
  if (receiptDiscount > beforeReceipt) {
    reject(
      "amounts.discount.sum",
      `${formatTenge(receiptDiscount)} exceeds the receipt sum before it ` +
        `${formatTenge(beforeReceipt)}`,
    );
  }

  const discounts = itemDiscounts + receiptDiscount;
  const markups = itemMarkups + receiptMarkup;
  const expected = goods - discounts + markups;
  if (total !== expected) {
    reject(
      "amounts.total",
      `${formatTenge(total)} does not equal ${formatTenge(expected)} = ` +
        `commodities ${formatTenge(goods)} - discounts ` +
        `${formatTenge(discounts)} + markups ${formatTenge(markups)}`,
    );
  }
  if (total <= 0) reject("amounts.total", "must be greater than 0.00");
  return total;
}

/**
 * Receipt-level taxes: one per percent, each with a sum. They carry no
 * turnover, so a tax is only checked not to exceed the tax included in the
 * whole total (plus 1 tiyn), since part of the receipt may be untaxed.
 */
function checkReceiptTaxes(ticket: TicketRequest, total: number): void {
  const percents = new Set<number>();
  ticket.taxes.forEach((tax, index) => {
    const path = `taxes[${index}]`;
    if (percents.has(tax.percent)) {
      const percent = formatPercent(tax.percent);
      reject(`${path}.percent`, `${percent} appears twice on the receipt`);
    }
    percents.add(tax.percent);

    const sum = requireMoney(`${path}.sum`, tax.sum);
    const limit = includedTax(total, tax.percent) + 1;
    if (tax.isInTotalSum && sum > limit) {
      reject(
        `${path}.sum`,
        `${formatTenge(sum)} exceeds ${formatPercent(tax.percent)} ` +
          `included in amounts.total ${formatTenge(total)}`,
      );
    }
  });
}

/** Since 2.0.3: domain with a type, and parent_ticket on returns. */
function checkVersion203(ticket: TicketRequest): void {
  const domain = ticket.domain;
  if (!domain) reject("domain", "is missing (required since 2.0.3)");
  const typeField = TicketRequest_DomainSchema.field.type;
  if (hasUnknownValue(domain, typeField.number)) {
    reject("domain.type", "is not a known domain type");
  }
  if (!isFieldSet(domain, typeField)) {
    reject("domain.type", "is missing (required since 2.0.3)");
  }

  const isReturn =
    ticket.operation === OperationTypeEnum.OPERATION_SELL_RETURN ||
    ticket.operation === OperationTypeEnum.OPERATION_BUY_RETURN;
  if (!isReturn) return;

  const parent = ticket.parentTicket;
  const operation = operationName(ticket.operation);
  if (!parent) {
    reject(
      "parent_ticket",
      `is missing (required for ${operation} since 2.0.3)`,
    );
  }
  if (parent.parentTicketNumber === "") {
    reject("parent_ticket.parent_ticket_number", "is missing");
  }
  requireDateTime(
    "parent_ticket.parent_ticket_data_time",
    parent.parentTicketDataTime,
  );
  if (parent.kgdKkmId === "") reject("parent_ticket.kgd_kkm_id", "is missing");
  requireMoney("parent_ticket.parent_ticket_total", parent.parentTicketTotal);
  const offlineField =
    TicketRequest_ParentTicketSchema.field.parentTicketIsOffline;
  if (!isFieldSet(parent, offlineField)) {
    reject("parent_ticket.parent_ticket_is_offline", "is missing");
  }
}

/** A customer IIN/BIN must be valid and must not be the seller's own. */
function checkCustomer(
  ticket: TicketRequest,
  sellerIinBin: string | null,
): void {
  const customer = ticket.extensionOptions?.customerIinOrBin ?? "";
  if (customer === "") return;

  const field = "extension_options.customer_iin_or_bin";
  if (!isValidIinBin(customer)) {
    reject(
      field,
      `${customer} is not a valid IIN/BIN (12 digits with a valid check digit)`,
    );
  }
  if (sellerIinBin !== null && customer === sellerIinBin) {
    throw new ProblemError({
      resultCode: 17,
      field,
      message: `Same customer and taxpayer IIN/BIN (${field} ${customer})`,
    });
  }
}

function exceeds(
  name: string,
  sum: number,
  limitName: string,
  limit: number,
): string {
  return `${name} ${formatTenge(sum)} exceed ${limitName} ${formatTenge(limit)}`;
}
