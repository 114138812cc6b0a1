/**
 * Short enum names used in messages and report differences: the proto names
 * without their prefix, e.g. SELL for OPERATION_SELL.
 */
import {
  MoneyPlacementEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
} from "../../proto/messages";

const OPERATION_NAMES: Record<number, string> = {
  [OperationTypeEnum.OPERATION_BUY]: "BUY",
  [OperationTypeEnum.OPERATION_BUY_RETURN]: "BUY_RETURN",
  [OperationTypeEnum.OPERATION_SELL]: "SELL",
  [OperationTypeEnum.OPERATION_SELL_RETURN]: "SELL_RETURN",
};

const PAYMENT_NAMES: Record<number, string> = {
  [PaymentTypeEnum.PAYMENT_CASH]: "CASH",
  [PaymentTypeEnum.PAYMENT_CARD]: "CARD",
  [PaymentTypeEnum.PAYMENT_CREDIT]: "CREDIT",
  [PaymentTypeEnum.PAYMENT_TARE]: "TARE",
  [PaymentTypeEnum.PAYMENT_MOBILE]: "MOBILE",
};

const PLACEMENT_NAMES: Record<number, string> = {
  [MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT]: "DEPOSIT",
  [MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL]: "WITHDRAWAL",
};

/** Operation type name, or the number when it is not a known value. */
export function operationName(operation: number): string {
  return OPERATION_NAMES[operation] ?? String(operation);
}

/** Payment type name, or the number when it is not a known value. */
export function paymentName(payment: number): string {
  return PAYMENT_NAMES[payment] ?? String(payment);
}

/** Money placement name, or the number when it is not a known value. */
export function placementName(operation: number): string {
  return PLACEMENT_NAMES[operation] ?? String(operation);
}

/** Percent in thousandths as text: 12000 is "12%", 12500 is "12.5%". */
export function formatPercent(thousandths: number): string {
  const whole = Math.trunc(thousandths / 1000);
  const fraction = String(Math.abs(thousandths % 1000))
    .padStart(3, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/** Quantity in thousandths with three decimals: 3000n is "3.000". */
export function formatQuantity(thousandths: bigint): string {
  const fraction = String(thousandths % 1000n).padStart(3, "0");
  return `${thousandths / 1000n}.${fraction}`;
}
