/**
 * Money and quantity text for the simulator. Amounts are integer tiyn
 * (1 tenge = 100 tiyn) and quantities are integer thousandths, parsed from
 * text digit by digit so that no binary floating point is ever involved.
 */
import { create } from "@bufbuild/protobuf";
import { MoneySchema, type Money } from "../proto/messages";

/** Largest amount the simulator accepts, in tiyn (10^15 tenge). */
export const MAX_TIYN = 10n ** 17n;

/** Largest quantity the simulator accepts, in thousandths (10^9 units). */
export const MAX_THOUSANDTHS = 10n ** 12n;

const TENGE_PATTERN = /^(\d+)(?:[.,](\d{1,2}))?$/;
const QUANTITY_PATTERN = /^(\d+)(?:[.,](\d{1,3}))?$/;

/** Parses tenge text such as "1000", "1000.5" or "1000,50" into tiyn. */
export function parseTenge(text: string): bigint | null {
  const match = TENGE_PATTERN.exec(text.trim());
  if (!match) return null;

  const whole = BigInt(match[1] ?? "0");
  const fraction = BigInt((match[2] ?? "").padEnd(2, "0"));
  const tiyn = whole * 100n + fraction;
  return tiyn <= MAX_TIYN ? tiyn : null;
}

/** Formats tiyn as tenge with two decimals, e.g. 100050n as "1000.50". */
export function formatTenge(tiyn: bigint): string {
  const sign = tiyn < 0n ? "-" : "";
  const magnitude = tiyn < 0n ? -tiyn : tiyn;
  const coins = (magnitude % 100n).toString().padStart(2, "0");
  return `${sign}${magnitude / 100n}.${coins}`;
}

/** Parses a quantity such as "2", "0.5" or "1.250" into thousandths. */
export function parseQuantity(text: string): bigint | null {
  const match = QUANTITY_PATTERN.exec(text.trim());
  if (!match) return null;

  const whole = BigInt(match[1] ?? "0");
  const fraction = BigInt((match[2] ?? "").padEnd(3, "0"));
  const thousandths = whole * 1000n + fraction;
  return thousandths <= MAX_THOUSANDTHS ? thousandths : null;
}

/** Formats thousandths as a decimal quantity without trailing zeros. */
export function formatQuantity(thousandths: bigint): string {
  const whole = thousandths / 1000n;
  const fraction = (thousandths % 1000n).toString().padStart(3, "0");
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${whole}.${trimmed}` : `${whole}`;
}

/** Builds a protocol Money {bills, coins} from non-negative tiyn. */
export function toMoney(tiyn: bigint): Money {
  if (tiyn < 0n) throw new RangeError(`Money cannot be negative: ${tiyn}`);
  return create(MoneySchema, {
    bills: tiyn / 100n,
    coins: Number(tiyn % 100n),
  });
}

/** Reads a protocol Money as tiyn; a missing Money counts as zero. */
export function fromMoney(money: Money | undefined): bigint {
  if (!money) return 0n;
  return money.bills * 100n + BigInt(money.coins);
}

/** Divides and rounds half up, for non-negative operands. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
