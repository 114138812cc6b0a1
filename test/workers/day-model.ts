/**
 * An independent model of the Z/X counters of one KKM, for tests that
 * compare the server's reports with it field by field.
 *
 * Per receipt: a commodity line counts +1 and +sum in `operations` and in
 * its section, a storno line +0 and −sum. Item and receipt-level discounts
 * and markups count +1 and +sum, their storno +0 and −sum. `total_result`
 * counts the commodity lines with the receipt's total. Receipt counts,
 * payments, change and receipt-level modifiers go to `ticket_operations`,
 * the total to `non_nullable_sums`. SELL and BUY_RETURN add their cash
 * payments to the drawer and their total to revenue, BUY and SELL_RETURN
 * subtract them.
 *
 * Rows exist only for what happened, so a missing row means zero. A new
 * shift keeps the receipt and placement rows with their counts since
 * registration and zero values for the shift. A negative amount is
 * reported as 0 because Money is unsigned. Amounts are integers in tiyn.
 */
import { expect } from "vitest";
import {
  MoneyPlacementEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
  type DateTime,
  type Money,
  type ZXReport,
} from "../../proto/messages";

/** Register wall-clock time as `YYYY-MM-DDTHH:mm:ss`, without a zone. */
export type LocalTime = string;

export type LineKind =
  | "commodity"
  | "storno_commodity"
  | "discount"
  | "storno_discount"
  | "markup"
  | "storno_markup";

/** One item line of a receipt. Modifiers leave the goods fields empty. */
export interface LinePlan {
  kind: LineKind;
  name: string;
  sectionCode: string;
  price: number;
  /** Thousandths: 1500 is 1.500. */
  quantity: number;
  sum: number;
  /** VAT percent in thousandths (12000 is 12 %), or null when untaxed. */
  taxPercent: number | null;
  /** VAT included in `sum`. */
  tax: number;
}

/** The receipt a return refers to. Its fiscal sign is known only later. */
export interface ParentPlan {
  receiptIndex: number;
  time: LocalTime;
  total: number;
  isOffline: boolean;
}

export interface PaymentPlan {
  type: PaymentTypeEnum;
  sum: number;
}

/** A receipt as plain numbers, rendered into a TicketRequest elsewhere. */
export interface ReceiptPlan {
  /** Position among the receipts of the scenario. */
  index: number;
  operation: OperationTypeEnum;
  time: LocalTime;
  lines: LinePlan[];
  receiptDiscount: number | null;
  receiptMarkup: number | null;
  total: number;
  payments: PaymentPlan[];
  /** Cash handed over and change, or null when nothing is paid in cash. */
  taken: number | null;
  change: number | null;
  offlineNumber: number | null;
  parent: ParentPlan | null;
}

export interface PlacementPlan {
  operation: MoneyPlacementEnum;
  sum: number;
  time: LocalTime;
  isOffline: boolean;
}

export interface Tally {
  count: number;
  sum: number;
}

export interface TaxRow {
  turnover: number;
  sum: number;
  turnover_without_tax: number;
}

export interface TicketRow {
  tickets_total_count: number;
  tickets_count: number;
  tickets_sum: number;
  payments: Record<string, Tally>;
  offline_count: number;
  discount_sum: number;
  markup_sum: number;
  change_sum: number;
}

export interface PlacementRow {
  operations_total_count: number;
  operations_count: number;
  operations_sum: number;
  offline_count: number;
}

/**
 * A ZXReport as plain values: rows keyed by enum name ("SELL", "CASH",
 * "DEPOSIT"), taxes by "tax_type:percent", times as local time text.
 * Field names are the protocol's, so a failed assert names the field.
 */
export interface ReportFigures {
  date_time: LocalTime | null;
  shift_number: number;
  sections: Record<string, Record<string, Tally>>;
  operations: Record<string, Tally>;
  discounts: Record<string, Tally>;
  markups: Record<string, Tally>;
  total_result: Record<string, Tally>;
  taxes: Record<string, Record<string, TaxRow>>;
  start_shift_non_nullable_sums: Record<string, number>;
  ticket_operations: Record<string, TicketRow>;
  money_placements: Record<string, PlacementRow>;
  annulled_tickets: "absent" | "present";
  cash_sum: number;
  revenue: { sum: number; is_negative: boolean };
  non_nullable_sums: Record<string, number>;
  open_shift_time: LocalTime | null;
  close_shift_time: LocalTime | null;
  checksum: string;
}

/** Row key of an operation type, e.g. "SELL_RETURN". */
export function operationKey(operation: OperationTypeEnum): string {
  return OperationTypeEnum[operation].replace("OPERATION_", "");
}

/** Row key of a payment type, e.g. "CARD". */
export function paymentKey(payment: PaymentTypeEnum): string {
  return PaymentTypeEnum[payment].replace("PAYMENT_", "");
}

/** Row key of a money placement, "DEPOSIT" or "WITHDRAWAL". */
export function placementKey(operation: MoneyPlacementEnum): string {
  return MoneyPlacementEnum[operation].replace("MONEY_PLACEMENT_", "");
}

/** Row key of a tax rate, e.g. "100:12000" for VAT 12 %. */
export function taxKey(percent: number): string {
  return `100:${percent}`;
}

/** Divides a non-negative integer by a positive one, rounding half up. */
export function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** Line sum of `quantity` thousandths at `price`, rounded to the tiyn. */
export function lineSum(price: number, quantity: number): number {
  return divideHalfUp(BigInt(price) * BigInt(quantity), 1000n);
}

/** VAT inside a tax-included amount: round(sum × p / (100 + p)). */
export function includedVat(sum: number, percent: number): number {
  return divideHalfUp(
    BigInt(sum) * BigInt(percent),
    100_000n + BigInt(percent),
  );
}

/**
 * Splits `amount` over `weights` in proportion so the parts add up
 * exactly: each part is rounded down, and the tiyn left over go one each
 * to the largest remainders, earlier weights first on a tie.
 */
export function splitLargestRemainder(
  amount: number,
  weights: number[],
): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return weights.map(() => 0);

  const exact = weights.map((weight) => BigInt(amount) * BigInt(weight));
  const parts = exact.map((value) => value / BigInt(total));
  const remainders = exact.map((value) => value % BigInt(total));
  let left = BigInt(amount) - parts.reduce((sum, part) => sum + part, 0n);

  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const difference = remainders[b]! - remainders[a]!;
    if (difference !== 0n) return difference > 0n ? 1 : -1;
    return a - b;
  });
  for (const index of order) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

const SIGN: Record<LineKind, number> = {
  commodity: 1,
  storno_commodity: -1,
  discount: -1,
  storno_discount: 1,
  markup: 1,
  storno_markup: -1,
};

const MODIFIER_KINDS: ReadonlySet<LineKind> = new Set([
  "discount",
  "storno_discount",
  "markup",
  "storno_markup",
]);

/** Turnover (tax included) and tax of one receipt at one VAT percent. */
interface RateShare {
  percent: number;
  turnover: number;
  tax: number;
}

/**
 * Turnover and VAT of a receipt per rate, ascending by percent.
 *
 * Taxed lines add their signed sum and tax to their rate. Untaxed goods
 * lines are the untaxed turnover. Untaxed item modifiers and the
 * receipt-level discount or markup are spread over the rates and the
 * untaxed turnover by the largest remainder, and each rate's part adds the
 * VAT included in it.
 */
export function receiptVat(receipt: ReceiptPlan): RateShare[] {
  const rates = new Map<number, RateShare>();
  let untaxedGoods = 0;
  let spread = (receipt.receiptMarkup ?? 0) - (receipt.receiptDiscount ?? 0);

  for (const line of receipt.lines) {
    const signed = SIGN[line.kind] * line.sum;
    if (line.taxPercent === null) {
      if (MODIFIER_KINDS.has(line.kind)) spread += signed;
      else untaxedGoods += signed;
      continue;
    }
    let share = rates.get(line.taxPercent);
    if (!share) {
      share = { percent: line.taxPercent, turnover: 0, tax: 0 };
      rates.set(line.taxPercent, share);
    }
    share.turnover += signed;
    share.tax += SIGN[line.kind] * line.tax;
  }

  const shares = [...rates.values()].sort((a, b) => a.percent - b.percent);
  if (shares.length === 0 || spread === 0) return shares;

  const weights = [
    ...shares.map((share) => Math.max(0, share.turnover)),
    Math.max(0, untaxedGoods),
  ];
  const parts = splitLargestRemainder(Math.abs(spread), weights);
  const sign = Math.sign(spread);
  shares.forEach((share, index) => {
    const part = parts[index]!;
    share.turnover += sign * part;
    share.tax += sign * includedVat(part, share.percent);
  });
  return shares;
}

/** +1 when the operation brings money into the drawer, else −1. */
export function drawerSign(operation: OperationTypeEnum): number {
  return operation === OperationTypeEnum.OPERATION_SELL ||
    operation === OperationTypeEnum.OPERATION_BUY_RETURN
    ? 1
    : -1;
}

/** Cash paid with a receipt, net of change. */
export function cashPaid(receipt: ReceiptPlan): number {
  return receipt.payments
    .filter((payment) => payment.type === PaymentTypeEnum.PAYMENT_CASH)
    .reduce((sum, payment) => sum + payment.sum, 0);
}

function addTally(
  rows: Record<string, Tally>,
  key: string,
  count: number,
  sum: number,
): void {
  const row = (rows[key] ??= { count: 0, sum: 0 });
  row.count += count;
  row.sum += sum;
}

function emptyTicketRow(totalCount: number): TicketRow {
  return {
    tickets_total_count: totalCount,
    tickets_count: 0,
    tickets_sum: 0,
    payments: {},
    offline_count: 0,
    discount_sum: 0,
    markup_sum: 0,
    change_sum: 0,
  };
}

/**
 * The counters of one KKM from registration on. A document after a close
 * opens the next shift. `xReport()` and `closeShift()` return what the
 * server's report must contain at that moment.
 */
export class DayModel {
  private shiftNumber = 0;
  private isOpen = false;
  private openedAt: LocalTime | null = null;
  /** Signed values, which `report()` turns into wire values. */
  private figures = DayModel.emptyFigures();
  private cash = 0;
  private revenue = 0;

  /** Number of the open shift, or of the next one when none is open. */
  get currentShift(): number {
    return this.isOpen ? this.shiftNumber : this.shiftNumber + 1;
  }

  /** Cash in the drawer, signed. */
  get drawer(): number {
    return this.cash;
  }

  addReceipt(receipt: ReceiptPlan): void {
    this.openShift(receipt.time);
    const figures = this.figures;
    const op = operationKey(receipt.operation);

    let goodsCount = 0;
    let goodsSum = 0;
    let hasDiscount = receipt.receiptDiscount !== null;
    let hasMarkup = receipt.receiptMarkup !== null;
    let discountCount = receipt.receiptDiscount !== null ? 1 : 0;
    let discountSum = receipt.receiptDiscount ?? 0;
    let markupCount = receipt.receiptMarkup !== null ? 1 : 0;
    let markupSum = receipt.receiptMarkup ?? 0;

    for (const line of receipt.lines) {
      switch (line.kind) {
        case "commodity":
        case "storno_commodity": {
          const count = line.kind === "commodity" ? 1 : 0;
          const sum = SIGN[line.kind] * line.sum;
          goodsCount += count;
          goodsSum += sum;
          const section = (figures.sections[line.sectionCode] ??= {});
          addTally(section, op, count, sum);
          break;
        }
        case "discount":
          hasDiscount = true;
          discountCount += 1;
          discountSum += line.sum;
          break;
        case "storno_discount":
          hasDiscount = true;
          discountSum -= line.sum;
          break;
        case "markup":
          hasMarkup = true;
          markupCount += 1;
          markupSum += line.sum;
          break;
        case "storno_markup":
          hasMarkup = true;
          markupSum -= line.sum;
          break;
      }
    }

    addTally(figures.operations, op, goodsCount, goodsSum);
    if (hasDiscount)
      addTally(figures.discounts, op, discountCount, discountSum);
    if (hasMarkup) addTally(figures.markups, op, markupCount, markupSum);
    addTally(
      figures.total_result,
      op,
      goodsCount,
      goodsSum - discountSum + markupSum,
    );

    for (const share of receiptVat(receipt)) {
      const rate = (figures.taxes[taxKey(share.percent)] ??= {});
      const row = (rate[op] ??= {
        turnover: 0,
        sum: 0,
        turnover_without_tax: 0,
      });
      row.turnover += share.turnover;
      row.sum += share.tax;
      row.turnover_without_tax += share.turnover - share.tax;
    }

    const tickets = (figures.ticket_operations[op] ??= emptyTicketRow(0));
    tickets.tickets_total_count += 1;
    tickets.tickets_count += 1;
    tickets.tickets_sum += receipt.total;
    for (const payment of receipt.payments) {
      addTally(tickets.payments, paymentKey(payment.type), 1, payment.sum);
    }
    if (receipt.offlineNumber !== null) tickets.offline_count += 1;
    tickets.discount_sum += receipt.receiptDiscount ?? 0;
    tickets.markup_sum += receipt.receiptMarkup ?? 0;
    tickets.change_sum += receipt.change ?? 0;

    figures.non_nullable_sums[op] =
      (figures.non_nullable_sums[op] ?? 0) + receipt.total;
    this.cash += drawerSign(receipt.operation) * cashPaid(receipt);
    this.revenue += drawerSign(receipt.operation) * receipt.total;
  }

  addPlacement(placement: PlacementPlan): void {
    this.openShift(placement.time);
    const key = placementKey(placement.operation);
    const row = (this.figures.money_placements[key] ??= {
      operations_total_count: 0,
      operations_count: 0,
      operations_sum: 0,
      offline_count: 0,
    });
    row.operations_total_count += 1;
    row.operations_count += 1;
    row.operations_sum += placement.sum;
    if (placement.isOffline) row.offline_count += 1;

    const isWithdrawal =
      placement.operation === MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL;
    this.cash += isWithdrawal ? -placement.sum : placement.sum;
  }

  /** What an X report requested at `at` must contain. */
  xReport(at: LocalTime): ReportFigures {
    if (!this.isOpen) {
      throw new Error("no shift is open, so the model has no X report");
    }
    return this.report(at, null);
  }

  /**
   * Closes the shift and returns its Z report. A close with no open shift
   * closes an empty one, as a register that printed its Z expects.
   */
  closeShift(at: LocalTime): ReportFigures {
    this.openShift(at);
    const z = this.report(at, at);
    this.isOpen = false;
    return z;
  }

  private report(at: LocalTime, closedAt: LocalTime | null): ReportFigures {
    const figures = structuredClone(this.figures);
    clampMoney(figures);
    return {
      ...figures,
      date_time: at,
      shift_number: this.currentShift,
      cash_sum: Math.max(0, this.cash),
      revenue: { sum: Math.abs(this.revenue), is_negative: this.revenue < 0 },
      open_shift_time: this.isOpen ? this.openedAt : null,
      close_shift_time: closedAt,
    };
  }

  /** Opens the next shift at `at` if none is open, carrying totals over. */
  private openShift(at: LocalTime): void {
    if (this.isOpen) return;
    const previous = this.figures;
    const next = DayModel.emptyFigures();
    for (const [op, row] of Object.entries(previous.ticket_operations)) {
      next.ticket_operations[op] = emptyTicketRow(row.tickets_total_count);
    }
    for (const [key, row] of Object.entries(previous.money_placements)) {
      next.money_placements[key] = {
        operations_total_count: row.operations_total_count,
        operations_count: 0,
        operations_sum: 0,
        offline_count: 0,
      };
    }
    next.start_shift_non_nullable_sums = { ...previous.non_nullable_sums };
    next.non_nullable_sums = { ...previous.non_nullable_sums };

    this.figures = next;
    this.shiftNumber += 1;
    this.isOpen = true;
    this.openedAt = at;
    this.revenue = 0;
  }

  private static emptyFigures(): ReportFigures {
    return {
      date_time: null,
      shift_number: 0,
      sections: {},
      operations: {},
      discounts: {},
      markups: {},
      total_result: {},
      taxes: {},
      start_shift_non_nullable_sums: {},
      ticket_operations: {},
      money_placements: {},
      annulled_tickets: "absent",
      cash_sum: 0,
      revenue: { sum: 0, is_negative: false },
      non_nullable_sums: {},
      open_shift_time: null,
      close_shift_time: null,
      checksum: "",
    };
  }
}

/** Replaces negative amounts by 0, as unsigned Money reports them. */
function clampMoney(figures: ReportFigures): void {
  const clampTallies = (rows: Record<string, Tally>) => {
    for (const row of Object.values(rows)) row.sum = Math.max(0, row.sum);
  };
  for (const section of Object.values(figures.sections)) clampTallies(section);
  clampTallies(figures.operations);
  clampTallies(figures.discounts);
  clampTallies(figures.markups);
  clampTallies(figures.total_result);
  for (const rate of Object.values(figures.taxes)) {
    for (const row of Object.values(rate)) {
      row.turnover = Math.max(0, row.turnover);
      row.sum = Math.max(0, row.sum);
      row.turnover_without_tax = Math.max(0, row.turnover_without_tax);
    }
  }
}

/** Returns the amount of a Money in tiyn, or null when it is absent. */
export function tiynOf(money: Money | undefined): number | null {
  if (!money) return null;
  return Number(money.bills) * 100 + money.coins;
}

/** Formats a wire DateTime as local time text, or null when absent. */
export function localTimeOf(value: DateTime | undefined): LocalTime | null {
  if (!value?.date || !value.time) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  const { year, month, day } = value.date;
  const { hour, minute, second } = value.time;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/**
 * Converts a report into ReportFigures. A row key seen twice is listed in
 * `duplicates`, since the map keeps only one of them.
 */
export function figuresOf(report: ZXReport): {
  figures: ReportFigures;
  duplicates: string[];
} {
  const duplicates: string[] = [];
  const put = <T>(
    rows: Record<string, T>,
    path: string,
    key: string,
    value: T,
  ) => {
    if (key in rows) duplicates.push(`${path}[${key}]`);
    rows[key] = value;
  };
  const tallies = (
    path: string,
    rows: { operation: OperationTypeEnum; count: number; sum?: Money }[],
  ) => {
    const result: Record<string, Tally> = {};
    for (const row of rows) {
      put(result, path, operationKey(row.operation), {
        count: row.count,
        sum: tiynOf(row.sum) ?? Number.NaN,
      });
    }
    return result;
  };
  const sums = (
    path: string,
    rows: { operation: OperationTypeEnum; sum?: Money }[],
  ) => {
    const result: Record<string, number> = {};
    for (const row of rows) {
      put(result, path, operationKey(row.operation), tiynOf(row.sum) ?? NaN);
    }
    return result;
  };

  const sections: ReportFigures["sections"] = {};
  for (const section of report.sections) {
    const path = `sections[${section.sectionCode}].operations`;
    put(
      sections,
      "sections",
      section.sectionCode,
      tallies(path, section.operations),
    );
  }

  const taxes: ReportFigures["taxes"] = {};
  for (const rate of report.taxes) {
    const key = `${rate.taxType}:${rate.percent}`;
    const rows: Record<string, TaxRow> = {};
    for (const row of rate.operations) {
      put(rows, `taxes[${key}]`, operationKey(row.operation), {
        turnover: tiynOf(row.turnover) ?? NaN,
        sum: tiynOf(row.sum) ?? NaN,
        turnover_without_tax: tiynOf(row.turnoverWithoutTax) ?? NaN,
      });
    }
    put(taxes, "taxes", key, rows);
  }

  const ticketOperations: ReportFigures["ticket_operations"] = {};
  for (const row of report.ticketOperations) {
    const op = operationKey(row.operation);
    const payments: Record<string, Tally> = {};
    for (const payment of row.payments) {
      put(
        payments,
        `ticket_operations[${op}].payments`,
        paymentKey(payment.payment),
        { count: payment.count, sum: tiynOf(payment.sum) ?? NaN },
      );
    }
    put(ticketOperations, "ticket_operations", op, {
      tickets_total_count: row.ticketsTotalCount,
      tickets_count: row.ticketsCount,
      tickets_sum: tiynOf(row.ticketsSum) ?? NaN,
      payments,
      offline_count: row.offlineCount,
      discount_sum: tiynOf(row.discountSum) ?? NaN,
      markup_sum: tiynOf(row.markupSum) ?? NaN,
      change_sum: tiynOf(row.changeSum) ?? NaN,
    });
  }

  const moneyPlacements: ReportFigures["money_placements"] = {};
  for (const row of report.moneyPlacements) {
    put(moneyPlacements, "money_placements", placementKey(row.operation), {
      operations_total_count: row.operationsTotalCount,
      operations_count: row.operationsCount,
      operations_sum: tiynOf(row.operationsSum) ?? NaN,
      offline_count: row.offlineCount,
    });
  }

  const figures: ReportFigures = {
    date_time: localTimeOf(report.dateTime),
    shift_number: report.shiftNumber,
    sections,
    operations: tallies("operations", report.operations),
    discounts: tallies("discounts", report.discounts),
    markups: tallies("markups", report.markups),
    total_result: tallies("total_result", report.totalResult),
    taxes,
    start_shift_non_nullable_sums: sums(
      "start_shift_non_nullable_sums",
      report.startShiftNonNullableSums,
    ),
    ticket_operations: ticketOperations,
    money_placements: moneyPlacements,
    annulled_tickets: report.annulledTickets ? "present" : "absent",
    cash_sum: tiynOf(report.cashSum) ?? NaN,
    revenue: {
      sum: tiynOf(report.revenue?.sum) ?? NaN,
      is_negative: report.revenue?.isNegative ?? false,
    },
    non_nullable_sums: sums("non_nullable_sums", report.nonNullableSums),
    open_shift_time: localTimeOf(report.openShiftTime),
    close_shift_time: localTimeOf(report.closeShiftTime),
    checksum: report.checksum,
  };
  return { figures, duplicates };
}

/**
 * Asserts that `report` equals `expected` in every field. Each row list
 * is checked for its set of keys and each value on its own, with the
 * field path (e.g. `Z.ticket_operations[SELL].payments[CASH].sum`) as the
 * message. Soft asserts report every difference, not only the first.
 */
export function expectReport(
  report: ZXReport | undefined,
  expected: ReportFigures,
  label: string,
): void {
  expect(report, `${label} report`).toBeDefined();
  if (!report) return;
  const { figures, duplicates } = figuresOf(report);
  expect.soft(duplicates, `${label} rows listed twice`).toEqual([]);
  expectSame(figures, expected, label);
}

function expectSame(actual: unknown, expected: unknown, path: string): void {
  if (isRecord(expected) && isRecord(actual)) {
    const actualKeys = Object.keys(actual).sort();
    const expectedKeys = Object.keys(expected).sort();
    expect.soft(actualKeys, `${path} keys`).toEqual(expectedKeys);
    for (const key of expectedKeys) {
      if (!(key in actual)) continue;
      const child = /^[a-z_]+$/.test(key)
        ? `${path}.${key}`
        : `${path}[${key}]`;
      expectSame(actual[key], expected[key], child);
    }
    return;
  }
  expect.soft(actual, path).toBe(expected);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
