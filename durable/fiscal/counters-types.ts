/**
 * The JSON shape of a shift's counters: rows keyed by operation type,
 * payment type, section code or tax rate, amounts as integers in tiyn.
 */
import type {
  MoneyPlacementEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
} from "../../proto/messages";

/** Rows keyed by operation type; a missing row means nothing happened. */
export type OperationMap<T> = Partial<Record<OperationTypeEnum, T>>;

/** Number of lines (or payments) and their sum in tiyn. */
export interface Tally {
  count: number;
  sum: number;
}

/** Receipts of one operation type, as in ZXReport.TicketOperation. */
export interface TicketTally {
  ticketsTotalCount: number;
  ticketsCount: number;
  ticketsSum: number;
  payments: Partial<Record<PaymentTypeEnum, Tally>>;
  offlineCount: number;
  discountSum: number;
  markupSum: number;
  changeSum: number;
}

/** Deposits or withdrawals, as in ZXReport.MoneyPlacement. */
export interface PlacementTally {
  operationsTotalCount: number;
  operationsCount: number;
  operationsSum: number;
  offlineCount: number;
}

/** Turnover including tax, the tax, and turnover minus tax, in tiyn. */
export interface TaxTurnover {
  turnover: number;
  sum: number;
  turnoverWithoutTax: number;
}

/** Tax rows of one (tax_type, percent); percent in thousandths. */
export interface TaxTally {
  taxType: number;
  percent: number;
  operations: OperationMap<TaxTurnover>;
}

/**
 * Counters of one shift as plain JSON. Amounts are signed integers in tiyn;
 * `taxes` is keyed by taxKey(), `sections` by section code.
 */
export interface ShiftCounters {
  shiftNumber: number;
  /** Local time text `YYYY-MM-DDTHH:mm:ss` of the shift's first document. */
  openedAt: string;
  sections: Record<string, OperationMap<Tally>>;
  operations: OperationMap<Tally>;
  discounts: OperationMap<Tally>;
  markups: OperationMap<Tally>;
  totalResult: OperationMap<Tally>;
  taxes: Record<string, TaxTally>;
  ticketOperations: OperationMap<TicketTally>;
  moneyPlacements: Partial<Record<MoneyPlacementEnum, PlacementTally>>;
  startShiftNonNullableSums: OperationMap<number>;
  nonNullableSums: OperationMap<number>;
  /** Cash in the drawer. */
  cash: number;
  /** Shift revenue with its sign. */
  revenue: number;
}

/** Key-value pairs of a row map with numeric enum keys restored. */
export function entries<K extends number, T>(
  map: Partial<Record<K, T>>,
): [K, T][] {
  return Object.entries(map)
    .map(([key, value]) => [Number(key) as K, value as T] as [K, T])
    .sort((a, b) => a[0] - b[0]);
}
