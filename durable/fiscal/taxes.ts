/**
 * Breaks a receipt down into taxable turnover and tax per (tax_type,
 * percent), the rows of the Z/X report's `taxes` list. Percents are in
 * thousandths (12000 = 12 %), amounts in tiyn.
 */
import {
  TicketRequest_Item_ItemTypeEnum as ItemType,
  type Money,
  type TicketRequest,
  type TicketRequest_Item,
  type TicketRequest_Tax,
} from "../../proto/messages";
import { toTiyn } from "./money";
import { divideRounded, spreadByLargestRemainder } from "./counters-rounding";

/** Turnover (tax included) and tax of one receipt at one rate. */
export interface TaxShare {
  taxType: number;
  percent: number;
  turnover: number;
  sum: number;
}

/** Key of a tax rate in ShiftCounters.taxes, e.g. "100:12000". */
export function taxKey(taxType: number, percent: number): string {
  return `${taxType}:${percent}`;
}

/** Tax contained in a tax-included amount: round(sum × p / (100000 + p)). */
export function includedTax(sum: number, percent: number): number {
  return divideRounded(
    BigInt(sum) * BigInt(percent),
    100_000n + BigInt(percent),
  );
}

/**
 * Computes the receipt's turnover and tax per rate, sorted by tax type and
 * percent.
 *
 * Line taxes come from commodities (storno commodities subtract) and from
 * item-level modifiers that carry their own taxes (discounts subtract,
 * markups add, their storno the other way). Without line taxes the
 * receipt-level `taxes` are used. A receipt with both is rejected by
 * validateTicket, and here line taxes win.
 */
export function ticketTaxes(ticket: TicketRequest): TaxShare[] {
  const lineShares = new Map<string, TaxShare>();
  let taxedBase = 0;
  let adjustment = 0;

  for (const item of ticket.items) {
    const line = signedLine(item);
    if (line.taxes.length === 0 && line.isModifier) {
      // A modifier line without taxes of its own does not say which goods it
      // changes, so it is spread over the rates like a receipt-level one.
      adjustment += line.amount;
      continue;
    }
    taxedBase += line.amount;
    for (const tax of line.taxes) {
      const share = shareOf(lineShares, tax.taxType, tax.percent);
      share.turnover += line.amount;
      share.sum += line.sign * toTiyn(tax.sum);
    }
  }

  if (lineShares.size === 0) return receiptLevelTaxes(ticket);

  adjustment += toTiyn(ticket.amounts?.markup?.sum);
  adjustment -= toTiyn(ticket.amounts?.discount?.sum);
  const shares = sortShares(lineShares);
  spreadAdjustment(shares, taxedBase, adjustment);
  return shares;
}

/**
 * Spreads the receipt-level modifiers (and item modifiers without taxes)
 * over the rates in proportion to each rate's turnover.
 *
 * Goods without taxes take part as one more share, which is then dropped.
 * This way a discount on a partly untaxed receipt does not all land on the
 * taxed goods. The parts add up to the modifier exactly by the
 * largest-remainder method, ties going to the lower tax type and percent.
 * The tax of each part is the tax contained in it, round(part × p / (100 +
 * p)) with p in percent. It is not a share of the receipt's rounded line
 * taxes, so the result does not depend on how the register rounded each
 * line.
 */
function spreadAdjustment(
  shares: TaxShare[],
  taxedBase: number,
  adjustment: number,
): void {
  if (adjustment === 0) return;

  // NOTE: a line taxed twice (two tax types) counts twice in the turnover
  // sum, which shrinks the untaxed share to 0. The protocol defines only
  // tax type 100 (VAT), so this is not expected to happen.
  const taxedTurnover = shares.reduce((sum, s) => sum + s.turnover, 0);
  const untaxed = Math.max(0, taxedBase - taxedTurnover);
  const weights = [...shares.map((share) => share.turnover), untaxed];
  const parts = spreadByLargestRemainder(Math.abs(adjustment), weights);

  const sign = Math.sign(adjustment);
  shares.forEach((share, index) => {
    const part = parts[index] ?? 0;
    share.turnover += sign * part;
    share.sum += sign * includedTax(part, share.percent);
  });
}

/**
 * Builds shares from the receipt-level `taxes`, which carry a tax amount but
 * no turnover. One entry takes the whole amounts.total. Several entries
 * split the total by the largest-remainder method, in proportion to the
 * turnover each tax implies, sum × (100 + p) / p with p in percent. Entries at 0 % imply no
 * turnover, and when all are at 0 % the total is split evenly.
 */
function receiptLevelTaxes(ticket: TicketRequest): TaxShare[] {
  const byRate = new Map<string, TaxShare>();
  for (const tax of ticket.taxes) {
    const share = shareOf(byRate, tax.taxType, tax.percent);
    share.sum += toTiyn(tax.sum);
  }
  const shares = sortShares(byRate);
  const total = toTiyn(ticket.amounts?.total);

  let weights = shares.map((share) =>
    share.percent > 0
      ? divideRounded(
          BigInt(share.sum) * (100_000n + BigInt(share.percent)),
          BigInt(share.percent),
        )
      : 0,
  );
  if (weights.every((weight) => weight <= 0)) weights = shares.map(() => 1);

  const parts = spreadByLargestRemainder(total, weights);
  shares.forEach((share, index) => {
    share.turnover = parts[index] ?? 0;
  });
  return shares;
}

interface SignedLine {
  sign: number;
  amount: number;
  taxes: TicketRequest_Tax[];
  isModifier: boolean;
}

/** Line amount with the sign it has on the receipt total. */
function signedLine(item: TicketRequest_Item): SignedLine {
  switch (item.type) {
    case ItemType.ITEM_TYPE_COMMODITY:
      return line(item.commodity, 1, false);
    case ItemType.ITEM_TYPE_STORNO_COMMODITY:
      return line(item.stornoCommodity, -1, false);
    case ItemType.ITEM_TYPE_MARKUP:
      return line(item.markup, 1, true);
    case ItemType.ITEM_TYPE_STORNO_MARKUP:
      return line(item.stornoMarkup, -1, true);
    case ItemType.ITEM_TYPE_DISCOUNT:
      return line(item.discount, -1, true);
    case ItemType.ITEM_TYPE_STORNO_DISCOUNT:
      return line(item.stornoDiscount, 1, true);
  }
  return { sign: 0, amount: 0, taxes: [], isModifier: false };
}

function line(
  part: { sum?: Money; taxes: TicketRequest_Tax[] } | undefined,
  sign: number,
  isModifier: boolean,
): SignedLine {
  return {
    sign,
    amount: sign * toTiyn(part?.sum),
    taxes: part?.taxes ?? [],
    isModifier,
  };
}

function shareOf(
  shares: Map<string, TaxShare>,
  taxType: number,
  percent: number,
): TaxShare {
  const key = taxKey(taxType, percent);
  let share = shares.get(key);
  if (!share) {
    share = { taxType, percent, turnover: 0, sum: 0 };
    shares.set(key, share);
  }
  return share;
}

function sortShares(shares: Map<string, TaxShare>): TaxShare[] {
  return [...shares.values()].sort(
    (a, b) => a.taxType - b.taxType || a.percent - b.percent,
  );
}
