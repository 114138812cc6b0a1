/**
 * Receipts as the portal lists them: time, fiscal sign (marked autonomous
 * when made offline), operation, payment types and amount.
 */
import { fromBinary } from "@bufbuild/protobuf";
import {
  OperationTypeEnum,
  PaymentTypeEnum,
  TicketRequestSchema,
} from "../../proto/messages";
import type { ReceiptRow } from "./store";

/** One row of a KKM's transaction list. */
export interface TransactionRow {
  id: number;
  fiscalSign: string;
  /** The register's own number when the receipt was made offline. */
  autonomousNumber: number | null;
  localTime: string;
  receivedAt: string;
  shiftNumber: number;
  operation: "sell" | "buy" | "sell_return" | "buy_return";
  paymentTypes: ("cash" | "card" | "mobile" | "other")[];
  /** Receipt total in tiyn. */
  total: number;
}

const OPERATIONS: Record<number, TransactionRow["operation"]> = {
  [OperationTypeEnum.OPERATION_SELL]: "sell",
  [OperationTypeEnum.OPERATION_BUY]: "buy",
  [OperationTypeEnum.OPERATION_SELL_RETURN]: "sell_return",
  [OperationTypeEnum.OPERATION_BUY_RETURN]: "buy_return",
};

const PAYMENTS: Record<number, TransactionRow["paymentTypes"][number]> = {
  [PaymentTypeEnum.PAYMENT_CASH]: "cash",
  [PaymentTypeEnum.PAYMENT_CARD]: "card",
  [PaymentTypeEnum.PAYMENT_MOBILE]: "mobile",
};

/** Builds the list row of a stored receipt. */
export function transactionRow(receipt: ReceiptRow): TransactionRow {
  const ticket = fromBinary(TicketRequestSchema, receipt.request);
  const paymentTypes = [
    ...new Set(
      ticket.payments.map((payment) => PAYMENTS[payment.type] ?? "other"),
    ),
  ];
  return {
    id: receipt.id,
    fiscalSign: receipt.fiscalSign,
    autonomousNumber: receipt.offlineNumber,
    localTime: receipt.localTime,
    receivedAt: receipt.receivedAt,
    shiftNumber: receipt.shiftNumber,
    operation: OPERATIONS[receipt.operation] ?? "sell",
    paymentTypes,
    total: receipt.total,
  };
}
