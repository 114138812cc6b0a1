/**
 * Splits a receipt total over payment types. Payment sums add up to the
 * total; the cash payment is net of change, and the cash handed over
 * (`taken`) may exceed it.
 */
import { PaymentTypeEnum } from "../proto/messages";
import { formatTenge } from "./money";

/** Payment kinds the command line accepts. */
export type PaymentKind = "cash" | "card" | "mobile";

/** One `--pay` option: a kind and an amount, or the rest of the total. */
export interface PaymentSpec {
  kind: PaymentKind;
  amount?: bigint;
}

/** A payment with its final sum in tiyn. */
export interface ResolvedPayment {
  kind: PaymentKind;
  type: PaymentTypeEnum;
  sum: bigint;
}

/** Payments plus the cash handed over and the change given back. */
export interface PaymentSplit {
  payments: ResolvedPayment[];
  cash: bigint;
  taken: bigint;
  change: bigint;
}

/** Invalid payments for the receipt; `option` names the command-line flag. */
export class PaymentError extends Error {
  constructor(
    message: string,
    readonly option: string,
  ) {
    super(message);
    this.name = "PaymentError";
  }
}

const PAYMENT_TYPES: Record<PaymentKind, PaymentTypeEnum> = {
  cash: PaymentTypeEnum.PAYMENT_CASH,
  card: PaymentTypeEnum.PAYMENT_CARD,
  mobile: PaymentTypeEnum.PAYMENT_MOBILE,
};

/**
 * Resolves `specs` against `total` tiyn and throws PaymentError if they do
 * not fit. No specs means all cash. One spec without an amount takes what the
 * others leave. When every spec has an amount and none is cash, cash takes
 * the rest.
 */
export function splitPayments(
  total: bigint,
  specs: PaymentSpec[],
  taken?: bigint,
): PaymentSplit {
  const chosen = withCashRemainder(total, specs);
  checkDistinct(chosen);

  const open = chosen.filter((spec) => spec.amount === undefined);
  if (open.length > 1) {
    throw new PaymentError(
      "invalid --pay: only one payment may omit its amount",
      "--pay",
    );
  }

  const fixed = chosen.reduce((sum, spec) => sum + (spec.amount ?? 0n), 0n);
  const rest = total - fixed;
  if (rest < 0n || (open.length === 0 && rest !== 0n)) {
    throw new PaymentError(
      `invalid --pay: payments add up to ${formatTenge(fixed)} but the ` +
        `total is ${formatTenge(total)}`,
      "--pay",
    );
  }

  const payments = chosen.map((spec) => ({
    kind: spec.kind,
    type: PAYMENT_TYPES[spec.kind],
    sum: spec.amount ?? rest,
  }));
  const empty = payments.find((payment) => payment.sum === 0n);
  if (empty) {
    throw new PaymentError(
      `invalid --pay ${empty.kind}: its sum would be 0.00; remove it`,
      "--pay",
    );
  }

  const cash = payments.find((payment) => payment.kind === "cash")?.sum ?? 0n;
  return { payments, cash, ...cashHandedOver(cash, taken) };
}

function withCashRemainder(total: bigint, specs: PaymentSpec[]): PaymentSpec[] {
  if (specs.length === 0) return [{ kind: "cash" }];

  const allFixed = specs.every((spec) => spec.amount !== undefined);
  const hasCash = specs.some((spec) => spec.kind === "cash");
  const fixed = specs.reduce((sum, spec) => sum + (spec.amount ?? 0n), 0n);
  if (allFixed && !hasCash && fixed < total) {
    return [...specs, { kind: "cash" }];
  }
  return specs;
}

function cashHandedOver(
  cash: bigint,
  taken: bigint | undefined,
): { taken: bigint; change: bigint } {
  if (taken === undefined) return { taken: cash, change: 0n };

  if (cash === 0n) {
    throw new PaymentError(
      "invalid --taken: the receipt has no cash payment",
      "--taken",
    );
  }
  if (taken < cash) {
    throw new PaymentError(
      `invalid --taken ${formatTenge(taken)}: less than the cash due ` +
        `${formatTenge(cash)}`,
      "--taken",
    );
  }
  return { taken, change: taken - cash };
}

function checkDistinct(specs: PaymentSpec[]): void {
  const seen = new Set<PaymentKind>();
  for (const spec of specs) {
    if (seen.has(spec.kind)) {
      throw new PaymentError(
        `invalid --pay: ${spec.kind} is given twice, but a receipt has at ` +
          "most one payment per type",
        "--pay",
      );
    }
    seen.add(spec.kind);
  }
}
