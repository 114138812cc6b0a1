/**
 * Money on the wire is `{bills: tenge, coins: tiyn}`; everywhere else it is
 * an integer number of tiyn, so no floating point touches an amount.
 */
import { create } from "@bufbuild/protobuf";
import { MoneySchema, type Money } from "../../proto/messages";

/** Largest amount kept as a JS number without losing precision, in tiyn. */
export const MAX_TIYN = Number.MAX_SAFE_INTEGER;

/** Converts wire money to tiyn; throws a RangeError on coins above 99. */
export function toTiyn(money: Money | undefined): number {
  if (!money) return 0;
  if (money.coins > 99) {
    throw new RangeError(`coins must be 0..99, got ${money.coins}`);
  }
  const tiyn = money.bills * 100n + BigInt(money.coins);
  if (tiyn > BigInt(MAX_TIYN)) {
    throw new RangeError(`amount ${money.bills} tenge is too large`);
  }
  return Number(tiyn);
}

/** Converts a non-negative number of tiyn to wire money. */
export function toMoney(tiyn: number): Money {
  if (!Number.isSafeInteger(tiyn) || tiyn < 0) {
    throw new RangeError(
      `money must be a non-negative whole tiyn, got ${tiyn}`,
    );
  }
  return create(MoneySchema, {
    bills: BigInt(Math.floor(tiyn / 100)),
    coins: tiyn % 100,
  });
}

/** Formats tiyn as tenge with two decimals and a dot, as in the QR URL. */
export function formatTenge(tiyn: number): string {
  const sign = tiyn < 0 ? "-" : "";
  const abs = Math.abs(tiyn);
  const coins = String(abs % 100).padStart(2, "0");
  return `${sign}${Math.floor(abs / 100)}.${coins}`;
}
