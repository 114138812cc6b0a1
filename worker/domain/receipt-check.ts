/**
 * The public receipt check: a buyer gives the four fields of the receipt's
 * QR link (fiscal sign, KGD number, total, local date-time). The KGD number
 * picks the KKM in D1, and that KKM's object alone is asked for the
 * receipt, so a check never scans other KKMs' receipts. Nothing is written.
 */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type {
  PublicReceipt,
  ReceiptQuery,
} from "../../durable/kkm/public-receipt";
import { kkms } from "../db/schema";

/** Largest receipt total a check accepts, in tenge. */
export const MAX_CHECK_TENGE = 1_000_000_000_000n;

/**
 * How far a receipt's local time may be ahead of the server's UTC clock:
 * one day of register clock skew plus the local zone's offset (Kazakhstan
 * is UTC+5, and was UTC+6 in the east before March 2024).
 */
export const FUTURE_TOLERANCE_MS = (24 + 6) * 60 * 60 * 1000;

/** The query parameters of a check, already matching their formats. */
export interface CheckParams {
  /** Fiscal sign or autonomous number, 1 to 19 digits. */
  i: string;
  /** KGD registration number, 12 digits. */
  f: string;
  /** Total in tenge: digits with up to 2 decimals after a dot. */
  s: string;
  /** Local date-time `yyyyMMddTHHmmss`, or `yyyyMMddTHHmm` for a minute. */
  t: string;
}

/** The field names of a check, as in the QR link. */
export type CheckField = keyof CheckParams;

/** Outcome of a check. The two misses differ only in logs, never on the wire. */
export type ReceiptCheckResult =
  | { reason: "found"; kkmId: number; receipt: PublicReceipt }
  | { reason: "invalid"; field: CheckField; message: string }
  | { reason: "unknown_kgd_number" }
  | { reason: "no_matching_receipt"; kkmId: number };

/** Asks KKM `kkmId`'s object for a receipt. */
export type FindInKkm = (
  kkmId: number,
  query: ReceiptQuery,
) => Promise<PublicReceipt | null>;

/** Checks a receipt: parses the fields, finds the KKM and queries its object. */
export async function checkReceipt(
  db: DrizzleD1Database,
  findInKkm: FindInKkm,
  params: CheckParams,
  now: Date,
): Promise<ReceiptCheckResult> {
  const parsed = parseCheckParams(params, now);
  if ("reason" in parsed) return parsed;

  const kkmId = await kkmIdByKgdNumber(db, params.f);
  if (kkmId === null) return { reason: "unknown_kgd_number" };

  const receipt = await findInKkm(kkmId, parsed);
  if (!receipt) return { reason: "no_matching_receipt", kkmId };
  return { reason: "found", kkmId, receipt };
}

/**
 * Turns the text fields into a lookup: the total into tiyn and the time
 * into an inclusive range (one second, or a whole minute when the seconds
 * are left out). Rejects impossible dates, dates in the future and totals
 * above MAX_CHECK_TENGE.
 */
export function parseCheckParams(
  params: CheckParams,
  now: Date,
): ReceiptQuery | Extract<ReceiptCheckResult, { reason: "invalid" }> {
  const total = tiynOf(params.s);
  if (total === null) {
    return invalid(
      "s",
      `total ${params.s} is above the maximum of ${MAX_CHECK_TENGE} tenge`,
    );
  }

  const range = localRangeOf(params.t);
  if (!range) {
    return invalid(
      "t",
      `${params.t} is not a real date and time; expected yyyyMMddTHHmmss, e.g. 20261204T123000`,
    );
  }
  const aheadMs = Date.parse(`${range.from}Z`) - now.getTime();
  if (aheadMs > FUTURE_TOLERANCE_MS) {
    return invalid(
      "t",
      `${params.t} is in the future; give the date and time printed on the receipt`,
    );
  }

  return {
    sign: params.i,
    total,
    localTimeFrom: range.from,
    localTimeTo: range.to,
  };
}

/** Returns the system id of the KKM with KGD number `kgdNumber`, or null. */
export async function kkmIdByKgdNumber(
  db: DrizzleD1Database,
  kgdNumber: string,
): Promise<number | null> {
  // NOTE: only the current KGD number is looked up. A receipt printed
  // before the number changed carries kkms.previous_kgd_number, which has
  // no index, so such receipts are not found.
  const rows = await db
    .select({ id: kkms.id })
    .from(kkms)
    .where(eq(kkms.kgdNumber, kgdNumber))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Converts a total like "696.90", "13507.0" or "12" to tiyn; null above the maximum. */
function tiynOf(text: string): number | null {
  const [tenge = "0", fraction = ""] = text.split(".");
  const whole = BigInt(tenge);
  const coins = BigInt(fraction.padEnd(2, "0"));
  if (whole > MAX_CHECK_TENGE || (whole === MAX_CHECK_TENGE && coins > 0n)) {
    return null;
  }
  return Number(whole * 100n + coins);
}

/** Parses `yyyyMMddTHHmm[ss]` into a local time range; null for a date that does not exist. */
function localRangeOf(text: string): { from: string; to: string } | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = match[6] === undefined ? null : Number(match[6]);

  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dateValid =
    year >= 2000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
  const timeValid = hour <= 23 && minute <= 59 && (second ?? 0) <= 59;
  if (!dateValid || !timeValid) return null;

  const base = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`;
  return second === null
    ? { from: `${base}:00`, to: `${base}:59` }
    : { from: `${base}:${match[6]}`, to: `${base}:${match[6]}` };
}

function invalid(
  field: CheckField,
  message: string,
): Extract<ReceiptCheckResult, { reason: "invalid" }> {
  return { reason: "invalid", field, message };
}
