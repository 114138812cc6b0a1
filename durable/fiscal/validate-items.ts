/**
 * Checks of a receipt's item lines: each line has the part its type
 * requires, goods lines are complete and add up, line taxes are plausible.
 */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  TicketRequest_ItemSchema,
  TicketRequest_Item_CommoditySchema,
  TicketRequest_Item_StornoCommoditySchema,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequest_TaxSchema,
  type TicketRequest,
  type TicketRequest_Item_Commodity,
  type TicketRequest_Item_StornoCommodity,
  type TicketRequest_Modifier,
  type TicketRequest_Tax,
} from "../../proto/messages";
import { divideRounded } from "./counters-rounding";
import { formatTenge } from "./money";
import { formatPercent, formatQuantity } from "./report-names";
import { includedTax } from "./taxes";
import { hasUnknownValue, reject, requireMoney } from "./validate-problem";

/** Item sums of a receipt by line type, in tiyn. */
export interface ItemTotals {
  goods: number;
  stornoGoods: number;
  discounts: number;
  stornoDiscounts: number;
  markups: number;
  stornoMarkups: number;
  hasLineTaxes: boolean;
}

/** Largest accepted gap between a line tax and the computed one, in tiyn. */
const TAX_TOLERANCE = 1;

/** Checks every item line and returns the sums by line type. */
export function checkItems(ticket: TicketRequest): ItemTotals {
  const totals: ItemTotals = {
    goods: 0,
    stornoGoods: 0,
    discounts: 0,
    stornoDiscounts: 0,
    markups: 0,
    stornoMarkups: 0,
    hasLineTaxes: false,
  };

  ticket.items.forEach((item, index) => {
    const path = `items[${index}]`;
    // Proto2 enums are closed: an unknown value is kept as an unknown field
    // and `type` reads as the first enum value.
    if (hasUnknownValue(item, TicketRequest_ItemSchema.field.type.number)) {
      reject(`${path}.type`, "is not a known item type");
    }
    if (!isFieldSet(item, TicketRequest_ItemSchema.field.type)) {
      reject(`${path}.type`, "is missing");
    }

    switch (item.type) {
      case ItemType.ITEM_TYPE_COMMODITY:
        if (!item.commodity) reject(`${path}.commodity`, "is missing");
        totals.goods += checkCommodity(`${path}.commodity`, item.commodity);
        totals.hasLineTaxes ||= item.commodity.taxes.length > 0;
        break;
      case ItemType.ITEM_TYPE_STORNO_COMMODITY: {
        const goods = item.stornoCommodity;
        if (!goods) reject(`${path}.storno_commodity`, "is missing");
        totals.stornoGoods += checkStorno(`${path}.storno_commodity`, goods);
        totals.hasLineTaxes ||= goods.taxes.length > 0;
        break;
      }
      case ItemType.ITEM_TYPE_DISCOUNT:
        totals.discounts += checkModifier(`${path}.discount`, item.discount);
        totals.hasLineTaxes ||= (item.discount?.taxes.length ?? 0) > 0;
        break;
      case ItemType.ITEM_TYPE_STORNO_DISCOUNT:
        totals.stornoDiscounts += checkModifier(
          `${path}.storno_discount`,
          item.stornoDiscount,
        );
        totals.hasLineTaxes ||= (item.stornoDiscount?.taxes.length ?? 0) > 0;
        break;
      case ItemType.ITEM_TYPE_MARKUP:
        totals.markups += checkModifier(`${path}.markup`, item.markup);
        totals.hasLineTaxes ||= (item.markup?.taxes.length ?? 0) > 0;
        break;
      case ItemType.ITEM_TYPE_STORNO_MARKUP:
        totals.stornoMarkups += checkModifier(
          `${path}.storno_markup`,
          item.stornoMarkup,
        );
        totals.hasLineTaxes ||= (item.stornoMarkup?.taxes.length ?? 0) > 0;
        break;
    }
  });

  const hasGoods = ticket.items.some(
    (item) => item.type === ItemType.ITEM_TYPE_COMMODITY,
  );
  if (!hasGoods) reject("items", "has no COMMODITY line");
  return totals;
}

/** Checks the modifier's sum and taxes; a receipt-level one too. */
export function checkModifier(
  path: string,
  modifier: TicketRequest_Modifier | undefined,
): number {
  if (!modifier) reject(path, "is missing");
  const sum = requireMoney(`${path}.sum`, modifier.sum);
  checkTaxes(`${path}.taxes`, modifier.taxes, sum);
  return sum;
}

/** Checks a commodity line and returns its sum. */
function checkCommodity(
  path: string,
  commodity: TicketRequest_Item_Commodity,
): number {
  // A nomenclature code can replace the name. Code 0 is no code.
  if (commodity.name === "" && commodity.code === 0n) {
    reject(`${path}.name`, "is missing (a commodity needs a name or a code)");
  }
  const quantityField = TicketRequest_Item_CommoditySchema.field.quantity;
  return checkGoods(path, commodity, isFieldSet(commodity, quantityField));
}

/** Checks a storno line and returns its sum. */
function checkStorno(
  path: string,
  storno: TicketRequest_Item_StornoCommodity,
): number {
  const quantityField = TicketRequest_Item_StornoCommoditySchema.field.quantity;
  return checkGoods(path, storno, isFieldSet(storno, quantityField));
}

/**
 * Checks the fields commodities and storno lines share. The line sum must
 * equal price × quantity / 1000 rounded half up to the tiyn, exactly.
 */
function checkGoods(
  path: string,
  goods: TicketRequest_Item_Commodity | TicketRequest_Item_StornoCommodity,
  hasQuantity: boolean,
): number {
  if (goods.sectionCode === "") reject(`${path}.section_code`, "is missing");
  if (!hasQuantity) reject(`${path}.quantity`, "is missing");
  if (goods.quantity <= 0n) {
    const quantity = formatQuantity(goods.quantity);
    reject(`${path}.quantity`, `${quantity} must be greater than 0.000`);
  }
  if (goods.measureUnitCode === "") {
    reject(`${path}.measure_unit_code`, "is missing (required since 2.0.0)");
  }

  const price = requireMoney(`${path}.price`, goods.price);
  const sum = requireMoney(`${path}.sum`, goods.sum);
  const expected = divideRounded(BigInt(price) * goods.quantity, 1000n);
  if (sum !== expected) {
    reject(
      `${path}.sum`,
      `${formatTenge(sum)} does not equal price ${formatTenge(price)} x ` +
        `quantity ${formatQuantity(goods.quantity)} = ${formatTenge(expected)}`,
    );
  }

  checkTaxes(`${path}.taxes`, goods.taxes, sum);
  return sum;
}

/**
 * Checks a line's taxes: at most one per percent, each with a sum. A tax
 * included in the line must be round(sum × p / (100 + p)) within
 * TAX_TOLERANCE, which allows for a register that rounds differently. A
 * tax added on top of the line is not checked against it.
 */
export function checkTaxes(
  path: string,
  taxes: TicketRequest_Tax[],
  lineSum: number,
): void {
  const percents = new Set<number>();
  taxes.forEach((tax, index) => {
    const taxPath = `${path}[${index}]`;
    if (percents.has(tax.percent)) {
      const percent = formatPercent(tax.percent);
      reject(`${taxPath}.percent`, `${percent} appears twice on one line`);
    }
    percents.add(tax.percent);

    const sum = requireMoney(`${taxPath}.sum`, tax.sum);
    if (!isFieldSet(tax, TicketRequest_TaxSchema.field.isInTotalSum)) {
      reject(`${taxPath}.is_in_total_sum`, "is missing");
    }
    if (!tax.isInTotalSum) return;

    const expected = includedTax(lineSum, tax.percent);
    if (Math.abs(sum - expected) > TAX_TOLERANCE) {
      reject(
        `${taxPath}.sum`,
        `${formatTenge(sum)} does not match ${formatPercent(tax.percent)} ` +
          `included in ${formatTenge(lineSum)} = ${formatTenge(expected)}`,
      );
    }
  });
}
