// Builders of valid 2.0.3 documents for the fiscal tests. Amounts are tiyn.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  DomainTypeEnum,
  MoneyPlacementEnum,
  MoneyPlacementRequestSchema,
  OperationTypeEnum,
  PaymentTypeEnum,
  TicketRequestSchema,
  TicketRequest_AmountsSchema,
  TicketRequest_ItemSchema,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequest_PaymentSchema,
  TicketRequest_TaxSchema,
  type Money,
  type MoneyPlacementRequest,
  type TicketRequest,
} from "../../../proto/messages";
import { fromLocalText } from "../../../durable/fiscal/date-time";
import { toMoney, toTiyn } from "../../../durable/fiscal/money";

export type ItemInit = MessageInitShape<typeof TicketRequest_ItemSchema>;
export type TaxInit = MessageInitShape<typeof TicketRequest_TaxSchema>;
export type PaymentInit = MessageInitShape<typeof TicketRequest_PaymentSchema>;
type TicketInit = MessageInitShape<typeof TicketRequestSchema>;
type AmountsInit = MessageInitShape<typeof TicketRequest_AmountsSchema>;

export const BUY = OperationTypeEnum.OPERATION_BUY;
export const BUY_RETURN = OperationTypeEnum.OPERATION_BUY_RETURN;
export const SELL = OperationTypeEnum.OPERATION_SELL;
export const SELL_RETURN = OperationTypeEnum.OPERATION_SELL_RETURN;
export const CASH = PaymentTypeEnum.PAYMENT_CASH;
export const CARD = PaymentTypeEnum.PAYMENT_CARD;
export const MOBILE = PaymentTypeEnum.PAYMENT_MOBILE;
export const DEPOSIT = MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT;
export const WITHDRAWAL = MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL;

/** A seller BIN with a valid check digit. */
export const SELLER_BIN = "250340011472";
/** A person's IIN with a valid check digit. */
export const CUSTOMER_IIN = "960624350642";

export const OPENED_AT = "2025-11-20T09:00:00";

interface GoodsOptions {
  sum: number;
  section?: string;
  quantity?: bigint;
  price?: number;
  taxes?: TaxInit[];
}

/** Builds a VAT entry included in the line; percent in whole percent. */
export function vat(percent: number, sum: number): TaxInit {
  return {
    taxType: 100,
    taxationType: 101,
    percent: percent * 1000,
    sum: toMoney(sum),
    isInTotalSum: true,
  };
}

/** Builds a COMMODITY line of one piece unless quantity is given. */
export function goods(options: GoodsOptions): ItemInit {
  const quantity = options.quantity ?? 1000n;
  return {
    type: ItemType.ITEM_TYPE_COMMODITY,
    commodity: {
      name: "Bread",
      sectionCode: options.section ?? "1",
      quantity,
      price: toMoney(options.price ?? options.sum),
      sum: toMoney(options.sum),
      taxes: options.taxes ?? [],
      measureUnitCode: "796",
    },
  };
}

/** Builds a STORNO_COMMODITY line of one piece by default. */
export function stornoGoods(options: GoodsOptions): ItemInit {
  return {
    type: ItemType.ITEM_TYPE_STORNO_COMMODITY,
    stornoCommodity: {
      name: "Bread",
      sectionCode: options.section ?? "1",
      quantity: options.quantity ?? 1000n,
      price: toMoney(options.price ?? options.sum),
      sum: toMoney(options.sum),
      taxes: options.taxes ?? [],
      measureUnitCode: "796",
    },
  };
}

type ModifierKind = "discount" | "stornoDiscount" | "markup" | "stornoMarkup";

const MODIFIER_TYPES: Record<ModifierKind, ItemType> = {
  discount: ItemType.ITEM_TYPE_DISCOUNT,
  stornoDiscount: ItemType.ITEM_TYPE_STORNO_DISCOUNT,
  markup: ItemType.ITEM_TYPE_MARKUP,
  stornoMarkup: ItemType.ITEM_TYPE_STORNO_MARKUP,
};

/** Builds an item-level modifier line of the given kind. */
export function modifier(
  kind: ModifierKind,
  sum: number,
  taxes: TaxInit[] = [],
): ItemInit {
  return {
    type: MODIFIER_TYPES[kind],
    [kind]: { name: kind, sum: toMoney(sum), taxes },
  };
}

/** Builds a payment of the given type. */
export function pay(type: PaymentTypeEnum, sum: number): PaymentInit {
  return { type, sum: toMoney(sum) };
}

export interface TicketOptions {
  operation?: OperationTypeEnum;
  items: ItemInit[];
  /** Defaults to one cash payment of the total. */
  payments?: PaymentInit[];
  /** Defaults to goods - discounts + markups of items and receipt. */
  total?: number;
  /** Default: the cash payment when there is one. */
  taken?: number;
  /** Default: 0 when there is a cash payment. */
  change?: number;
  discount?: number;
  markup?: number;
  taxes?: TaxInit[];
  offlineTicketNumber?: number;
  customer?: string;
}

/** Builds a valid 2.0.3 receipt (domain set, parent_ticket on returns). */
export function ticket(options: TicketOptions): TicketRequest {
  const operation = options.operation ?? SELL;
  const total = options.total ?? computeTotal(options);
  const payments = options.payments ?? [pay(CASH, total)];
  const cashPayment = payments.find((payment) => payment.type === CASH);

  const amounts: AmountsInit = { total: toMoney(total) };
  const change = options.change ?? (cashPayment ? 0 : undefined);
  const taken =
    options.taken ??
    (cashPayment
      ? toTiyn(cashPayment.sum as Money) + (change ?? 0)
      : undefined);
  if (taken !== undefined) amounts.taken = toMoney(taken);
  if (change !== undefined) amounts.change = toMoney(change);
  if (options.discount !== undefined) {
    amounts.discount = { name: "Receipt", sum: toMoney(options.discount) };
  }
  if (options.markup !== undefined) {
    amounts.markup = { name: "Receipt", sum: toMoney(options.markup) };
  }

  const init: TicketInit = {
    operation,
    dateTime: fromLocalText("2025-11-20T10:15:00"),
    operator: { code: 1, name: "Cashier" },
    domain: { type: DomainTypeEnum.DOMAIN_TRADING },
    items: options.items,
    payments,
    taxes: options.taxes ?? [],
    amounts,
  };
  if (operation === SELL_RETURN || operation === BUY_RETURN) {
    init.parentTicket = {
      parentTicketNumber: "4228143549",
      parentTicketDataTime: fromLocalText("2025-11-19T12:00:00"),
      kgdKkmId: "620300014538",
      parentTicketTotal: toMoney(total),
      parentTicketIsOffline: false,
    };
  }
  if (options.offlineTicketNumber !== undefined) {
    init.offlineTicketNumber = options.offlineTicketNumber;
  }
  if (options.customer !== undefined) {
    init.extensionOptions = { customerIinOrBin: options.customer };
  }
  return create(TicketRequestSchema, init);
}

/** Builds a deposit or withdrawal made at a fixed time. */
export function placement(
  operation: MoneyPlacementEnum,
  sum: number,
  isOffline = false,
): MoneyPlacementRequest {
  return create(MoneyPlacementRequestSchema, {
    datetime: fromLocalText("2025-11-20T09:30:00"),
    operation,
    sum: toMoney(sum),
    isOffline,
    operator: { code: 1, name: "Cashier" },
  });
}

function computeTotal(options: TicketOptions): number {
  let total = 0;
  for (const item of options.items) {
    const sign =
      item.type === ItemType.ITEM_TYPE_COMMODITY ||
      item.type === ItemType.ITEM_TYPE_MARKUP ||
      item.type === ItemType.ITEM_TYPE_STORNO_DISCOUNT
        ? 1
        : -1;
    const part =
      item.commodity ??
      item.stornoCommodity ??
      item.discount ??
      item.stornoDiscount ??
      item.markup ??
      item.stornoMarkup;
    total += sign * toTiyn(part?.sum as Money | undefined);
  }
  return total - (options.discount ?? 0) + (options.markup ?? 0);
}
