/**
 * VAT included in the price, as Kazakh registers print it: the tax on each
 * line is sum × rate / (100 + rate), rounded to the nearest tiyn (half up).
 */
import { create } from "@bufbuild/protobuf";
import {
  TicketRequest_TaxSchema,
  type TicketRequest_Tax,
} from "../proto/messages";
import { divideRounded, toMoney } from "./money";

/** Tax type number of VAT in TicketRequest.Tax. */
export const TAX_TYPE_VAT = 100;

/** Taxation type number of the general regime (RTS). */
export const TAXATION_TYPE_GENERAL = 101;

/** VAT rates the simulator offers, in whole percent. */
export const VAT_RATES = [0, 12, 16] as const;

/** Computes the VAT contained in `sum` tiyn at `ratePercent` percent. */
export function includedVat(sum: bigint, ratePercent: number): bigint {
  const rate = BigInt(ratePercent);
  return divideRounded(sum * rate, 100n + rate);
}

/** Builds the Tax entry for a line or modifier of `sum` tiyn. */
export function vatEntry(sum: bigint, ratePercent: number): TicketRequest_Tax {
  return create(TicketRequest_TaxSchema, {
    taxType: TAX_TYPE_VAT,
    taxationType: TAXATION_TYPE_GENERAL,
    percent: ratePercent * 1000,
    sum: toMoney(includedVat(sum, ratePercent)),
    isInTotalSum: true,
  });
}
