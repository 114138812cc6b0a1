/**
 * A deterministic generator of a cash register's working day: receipts of
 * all four operations, deposits and withdrawals, as plain plans that
 * DayModel counts and `ticketRequest()` turns into protocol messages.
 *
 * Every receipt adds up the way the server checks it: line sum =
 * round(price × quantity / 1000), line VAT = round(sum × p / (100 + p)),
 * total = goods − storno goods − item discounts + their storno + item
 * markups − their storno − receipt discount + receipt markup, payments
 * add up to the total, and taken − change is the cash payment. Cash paid
 * out never exceeds the drawer.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  CommandTypeEnum,
  DomainTypeEnum,
  MoneyPlacementEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
  ReportTypeEnum,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  type RequestSchema,
  type ServiceRequestSchema,
  type TicketRequestSchema,
} from "../../proto/messages";
import {
  cashPaid,
  drawerSign,
  includedVat,
  lineSum,
  type LinePlan,
  type LocalTime,
  type PaymentPlan,
  type PlacementPlan,
  type ReceiptPlan,
} from "./day-model";
import { money } from "./frames";

/** mulberry32: a small seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A document of the day, in the order the register sends it. */
export type DayStep =
  | { kind: "receipt"; receipt: ReceiptPlan }
  | { kind: "placement"; placement: PlacementPlan };

const RATES: (number | null)[] = [12000, 16000, null];
const SECTIONS = ["1", "2", "3", "10"];
const GOODS = ["Bread", "Milk", "Tea", "Sugar", "Apples", "Soap", "Rice"];

const OPERATION_WEIGHTS: [OperationTypeEnum, number][] = [
  [OperationTypeEnum.OPERATION_SELL, 68],
  [OperationTypeEnum.OPERATION_BUY, 10],
  [OperationTypeEnum.OPERATION_SELL_RETURN, 14],
  [OperationTypeEnum.OPERATION_BUY_RETURN, 8],
];

const {
  PAYMENT_CASH: CASH,
  PAYMENT_CARD: CARD,
  PAYMENT_MOBILE: MOBILE,
} = PaymentTypeEnum;
const PAYMENT_WEIGHTS: [PaymentTypeEnum[], number][] = [
  [[CASH], 45],
  [[CARD], 25],
  [[MOBILE], 10],
  [[CASH, CARD], 12],
  [[CARD, MOBILE], 5],
  [[CASH, MOBILE], 3],
];

/** Builds receipts and placements on a register clock that only advances. */
export class ScenarioGenerator {
  private readonly random: () => number;
  private readonly startMs: number;
  private seconds = 0;
  private drawer = 0;
  private readonly receipts: ReceiptPlan[] = [];

  constructor(seed: number, start: LocalTime) {
    this.random = seededRandom(seed);
    this.startMs = Date.parse(`${start}Z`);
  }

  /** The register clock now. */
  get now(): LocalTime {
    return new Date(this.startMs + this.seconds * 1000)
      .toISOString()
      .slice(0, 19);
  }

  /** Moves the clock on by `min`..`max` seconds and returns the new time. */
  advance(min: number, max: number): LocalTime {
    this.seconds += this.int(min, max);
    return this.now;
  }

  /**
   * Makes a receipt at the current time. SELL_RETURN and BUY_RETURN need
   * an earlier SELL or BUY as parent, so a SELL is made until one exists.
   */
  receipt(
    options: { offlineNumber?: number; operation?: OperationTypeEnum } = {},
  ): ReceiptPlan {
    let operation = options.operation ?? this.weighted(OPERATION_WEIGHTS);
    const parent = this.parentFor(operation);
    if (parent === undefined) operation = OperationTypeEnum.OPERATION_SELL;

    for (;;) {
      const lines = this.receiptLines();
      const totals = sumLines(lines);
      if (totals.goods <= 0 || totals.discounts > totals.goods) continue;

      const before = totals.goods - totals.discounts + totals.markups;
      let receiptDiscount: number | null = null;
      let receiptMarkup: number | null = null;
      const modifier = this.random();
      if (modifier < 0.12 && before >= 2) {
        receiptDiscount = Math.max(
          1,
          Math.floor((before * this.int(2, 10)) / 100),
        );
      } else if (modifier < 0.2) {
        receiptMarkup = Math.max(
          1,
          Math.floor((before * this.int(1, 5)) / 100),
        );
      }
      const total = before - (receiptDiscount ?? 0) + (receiptMarkup ?? 0);
      if (total <= 0) continue;

      const paid = this.payments(operation, total);
      const receipt: ReceiptPlan = {
        index: this.receipts.length,
        operation,
        time: this.now,
        lines,
        receiptDiscount,
        receiptMarkup,
        total,
        ...paid,
        offlineNumber: options.offlineNumber ?? null,
        parent: parent
          ? {
              receiptIndex: parent.index,
              time: parent.time,
              total: parent.total,
              isOffline: parent.offlineNumber !== null,
            }
          : null,
      };
      this.receipts.push(receipt);
      this.drawer += drawerSign(operation) * cashPaid(receipt);
      return receipt;
    }
  }

  /** Makes a deposit of `sum`, or of a random amount. */
  deposit(sum?: number, isOffline = false): PlacementPlan {
    const amount = sum ?? this.int(500_000, 5_000_000);
    this.drawer += amount;
    return {
      operation: MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT,
      sum: amount,
      time: this.now,
      isOffline,
    };
  }

  /** Makes a withdrawal of 20–60 % of the drawer, or a deposit. */
  placement(isOffline = false): PlacementPlan {
    const share = Math.floor((this.drawer * this.int(20, 60)) / 100);
    if (this.chance(0.4) || share < 100)
      return this.deposit(undefined, isOffline);
    this.drawer -= share;
    return {
      operation: MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL,
      sum: share,
      time: this.now,
      isOffline,
    };
  }

  /** Generates an online day: an opening deposit, receipts, placements. */
  onlineDay(receiptCount: number): DayStep[] {
    const steps: DayStep[] = [
      { kind: "placement", placement: this.deposit(3_000_000) },
    ];
    let untilPlacement = this.int(15, 25);
    for (let i = 0; i < receiptCount; i++) {
      this.advance(60, 240);
      untilPlacement -= 1;
      if (untilPlacement === 0) {
        steps.push({ kind: "placement", placement: this.placement() });
        this.advance(30, 90);
        untilPlacement = this.int(15, 25);
      }
      steps.push({ kind: "receipt", receipt: this.receipt() });
    }
    return steps;
  }

  private parentFor(
    operation: OperationTypeEnum,
  ): ReceiptPlan | null | undefined {
    const parentOperation =
      operation === OperationTypeEnum.OPERATION_SELL_RETURN
        ? OperationTypeEnum.OPERATION_SELL
        : operation === OperationTypeEnum.OPERATION_BUY_RETURN
          ? OperationTypeEnum.OPERATION_BUY
          : null;
    if (parentOperation === null) return null;
    const candidates = this.receipts.filter(
      (receipt) => receipt.operation === parentOperation,
    );
    if (candidates.length === 0) return undefined;
    return candidates[this.int(0, candidates.length - 1)];
  }

  /**
   * Makes goods lines at one VAT rate (or untaxed) or at mixed rates. Some
   * receipts add a storno of a line, an item discount and an item markup,
   * each modifier sometimes cancelled by its storno. A modifier of a taxed
   * line carries that line's VAT.
   */
  private receiptLines(): LinePlan[] {
    const mixed = this.chance(0.3);
    const receiptRate = this.pick(RATES);
    const goods: LinePlan[] = [];
    const count = this.int(1, 4);
    for (let i = 0; i < count; i++) {
      goods.push(this.commodity(mixed ? this.pick(RATES) : receiptRate));
    }

    const lines = [...goods];
    if (this.chance(0.15)) lines.push(this.storno(this.pick(goods)));
    if (this.chance(0.2)) {
      const discount = this.modifier("discount", this.pick(goods), 3, 20);
      lines.push(discount);
      if (this.chance(0.3)) {
        lines.push({
          ...discount,
          kind: "storno_discount",
          name: "Storno discount",
        });
      }
    }
    if (this.chance(0.1)) {
      const markup = this.modifier("markup", this.pick(goods), 2, 10);
      lines.push(markup);
      if (this.chance(0.25)) {
        lines.push({ ...markup, kind: "storno_markup", name: "Storno markup" });
      }
    }
    return lines;
  }

  private commodity(taxPercent: number | null): LinePlan {
    const price = this.chance(0.1)
      ? this.int(100_000, 2_500_000)
      : this.int(50, 150_000);
    const quantity = this.chance(0.25)
      ? this.int(50, 2500)
      : 1000 * this.int(1, 4);
    const sum = lineSum(price, quantity);
    return {
      kind: "commodity",
      name: this.pick(GOODS),
      sectionCode: this.pick(SECTIONS),
      price,
      quantity,
      sum,
      taxPercent,
      tax: taxPercent === null ? 0 : includedVat(sum, taxPercent),
    };
  }

  /** Cancels all of `target`, or one unit of it when it has several. */
  private storno(target: LinePlan): LinePlan {
    const quantity =
      target.quantity > 1000 && this.chance(0.5) ? 1000 : target.quantity;
    const sum = lineSum(target.price, quantity);
    return {
      ...target,
      kind: "storno_commodity",
      quantity,
      sum,
      tax: target.taxPercent === null ? 0 : includedVat(sum, target.taxPercent),
    };
  }

  private modifier(
    kind: "discount" | "markup",
    target: LinePlan,
    minPercent: number,
    maxPercent: number,
  ): LinePlan {
    const percent = this.int(minPercent, maxPercent);
    const sum = Math.max(1, Math.floor((target.sum * percent) / 100));
    return {
      kind,
      name: `${kind === "discount" ? "Discount" : "Markup"} ${percent}%`,
      sectionCode: "",
      price: 0,
      quantity: 0,
      sum,
      taxPercent: target.taxPercent,
      tax: target.taxPercent === null ? 0 : includedVat(sum, target.taxPercent),
    };
  }

  /**
   * Splits `total` over one or two payment types. Cash received is now and
   * then rounded up to a banknote, which gives change. Cash paid out is
   * exact, and the card pays instead when the drawer has too little.
   */
  private payments(
    operation: OperationTypeEnum,
    total: number,
  ): Pick<ReceiptPlan, "payments" | "taken" | "change"> {
    let types = this.weighted(PAYMENT_WEIGHTS);
    if (total < 2) types = types.slice(0, 1);
    const first = types.length === 2 ? this.int(1, total - 1) : total;
    let payments: PaymentPlan[] = types.map((type, index) => ({
      type,
      sum: index === 0 ? first : total - first,
    }));

    const takesIn = drawerSign(operation) > 0;
    const cash = payments.find((payment) => payment.type === CASH)?.sum ?? 0;
    if (!takesIn && cash > this.drawer) {
      payments = [{ type: CARD, sum: total }];
    }
    const cashSum = payments.find((payment) => payment.type === CASH)?.sum;
    if (cashSum === undefined) return { payments, taken: null, change: null };
    if (!takesIn || this.chance(0.4)) {
      return { payments, taken: cashSum, change: 0 };
    }
    const note = this.pick([10_000, 50_000, 100_000, 500_000]);
    const taken = Math.ceil(cashSum / note) * note;
    return { payments, taken, change: taken - cashSum };
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private pick<T>(values: T[]): T {
    return values[this.int(0, values.length - 1)]!;
  }

  private weighted<T>(options: [T, number][]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options[options.length - 1]![0];
  }
}

/** Net goods, item discounts and item markups of the lines. */
function sumLines(lines: LinePlan[]): {
  goods: number;
  discounts: number;
  markups: number;
} {
  const totals = { goods: 0, discounts: 0, markups: 0 };
  for (const line of lines) {
    if (line.kind === "commodity") totals.goods += line.sum;
    if (line.kind === "storno_commodity") totals.goods -= line.sum;
    if (line.kind === "discount") totals.discounts += line.sum;
    if (line.kind === "storno_discount") totals.discounts -= line.sum;
    if (line.kind === "markup") totals.markups += line.sum;
    if (line.kind === "storno_markup") totals.markups -= line.sum;
  }
  return totals;
}

/** Parses local time text into a wire DateTime. */
export function dateTimeOf(local: LocalTime) {
  const [date, time] = local.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as number[];
  const [hour, minute, second] = time.split(":").map(Number) as number[];
  return {
    date: { year: year!, month: month!, day: day! },
    time: { hour: hour!, minute: minute!, second: second! },
  };
}

const OPERATOR = { code: 7, name: "Aigerim S." };

function itemOf(line: LinePlan) {
  const taxes =
    line.taxPercent === null
      ? []
      : [
          {
            taxType: 100,
            taxationType: 101,
            percent: line.taxPercent,
            sum: money(line.tax),
            isInTotalSum: true,
          },
        ];
  const goods = {
    name: line.name,
    sectionCode: line.sectionCode,
    quantity: BigInt(line.quantity),
    price: money(line.price),
    sum: money(line.sum),
    taxes,
    measureUnitCode: line.quantity % 1000 === 0 ? "796" : "166",
  };
  const modifier = { name: line.name, sum: money(line.sum), taxes };
  switch (line.kind) {
    case "commodity":
      return { type: ItemType.ITEM_TYPE_COMMODITY, commodity: goods };
    case "storno_commodity":
      return {
        type: ItemType.ITEM_TYPE_STORNO_COMMODITY,
        stornoCommodity: goods,
      };
    case "discount":
      return { type: ItemType.ITEM_TYPE_DISCOUNT, discount: modifier };
    case "storno_discount":
      return {
        type: ItemType.ITEM_TYPE_STORNO_DISCOUNT,
        stornoDiscount: modifier,
      };
    case "markup":
      return { type: ItemType.ITEM_TYPE_MARKUP, markup: modifier };
    case "storno_markup":
      return { type: ItemType.ITEM_TYPE_STORNO_MARKUP, stornoMarkup: modifier };
  }
}

/**
 * Builds the TicketRequest of a receipt. A return names its parent by the
 * fiscal sign the server gave it, `parentSign`, and the KKM's KGD number.
 */
export function ticketRequest(
  receipt: ReceiptPlan,
  parentSign: string | null,
  kgdNumber: string,
): MessageInitShape<typeof TicketRequestSchema> {
  const amounts = {
    total: money(receipt.total),
    ...(receipt.taken !== null ? { taken: money(receipt.taken) } : {}),
    ...(receipt.change !== null ? { change: money(receipt.change) } : {}),
    ...(receipt.receiptDiscount !== null
      ? {
          discount: {
            name: "Receipt discount",
            sum: money(receipt.receiptDiscount),
          },
        }
      : {}),
    ...(receipt.receiptMarkup !== null
      ? {
          markup: { name: "Receipt markup", sum: money(receipt.receiptMarkup) },
        }
      : {}),
  };
  const parent = receipt.parent;
  return {
    operation: receipt.operation,
    dateTime: dateTimeOf(receipt.time),
    operator: OPERATOR,
    domain: { type: DomainTypeEnum.DOMAIN_TRADING },
    items: receipt.lines.map(itemOf),
    payments: receipt.payments.map((payment) => ({
      type: payment.type,
      sum: money(payment.sum),
    })),
    amounts,
    ...(receipt.offlineNumber !== null
      ? { offlineTicketNumber: receipt.offlineNumber }
      : {}),
    ...(parent
      ? {
          parentTicket: {
            parentTicketNumber: parentSign ?? "",
            parentTicketDataTime: dateTimeOf(parent.time),
            kgdKkmId: kgdNumber,
            parentTicketTotal: money(parent.total),
            parentTicketIsOffline: parent.isOffline,
          },
        }
      : {}),
  };
}

/** Builds the COMMAND_MONEY_PLACEMENT request of a placement. */
export function placementRequest(
  placement: PlacementPlan,
  service?: MessageInitShape<typeof ServiceRequestSchema>,
): MessageInitShape<typeof RequestSchema> {
  return {
    command: CommandTypeEnum.COMMAND_MONEY_PLACEMENT,
    moneyPlacement: {
      datetime: dateTimeOf(placement.time),
      operation: placement.operation,
      sum: money(placement.sum),
      isOffline: placement.isOffline,
      operator: OPERATOR,
    },
    service,
  };
}

/** Builds the COMMAND_CLOSE_SHIFT request at `at`. */
export function closeShiftRequest(
  at: LocalTime,
  isOffline = false,
  service?: MessageInitShape<typeof ServiceRequestSchema>,
): MessageInitShape<typeof RequestSchema> {
  return {
    command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
    closeShift: { closeTime: dateTimeOf(at), isOffline, operator: OPERATOR },
    service,
  };
}

/** Builds the COMMAND_REPORT request of an X (or the last Z) report. */
export function reportRequest(
  at: LocalTime,
  report: "X" | "Z",
  isOffline = false,
  service?: MessageInitShape<typeof ServiceRequestSchema>,
): MessageInitShape<typeof RequestSchema> {
  return {
    command: CommandTypeEnum.COMMAND_REPORT,
    report: {
      report:
        report === "X" ? ReportTypeEnum.REPORT_X : ReportTypeEnum.REPORT_Z,
      dateTime: dateTimeOf(at),
      isOffline,
    },
    service,
  };
}

/** Builds `service.offline_period` from `begin` to `end`. */
export function offlinePeriod(
  begin: LocalTime,
  end: LocalTime,
): MessageInitShape<typeof ServiceRequestSchema> {
  return {
    offlinePeriod: { beginTime: dateTimeOf(begin), endTime: dateTimeOf(end) },
  };
}

/** Returns the local time `seconds` after `local`. */
export function laterBy(local: LocalTime, seconds: number): LocalTime {
  return new Date(Date.parse(`${local}Z`) + seconds * 1000)
    .toISOString()
    .slice(0, 19);
}
