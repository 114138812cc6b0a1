/**
 * A buyer enters a receipt into a draw. The receipt is found through the
 * public receipt check, so only a real receipt the OFD accepted can enter,
 * and nothing is written unless every rule holds.
 */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { lotteryEntries } from "../../db/schema-lottery";
import { checkReceipt, type FindInKkm } from "../receipt-check";
import { maskContact, maskDigits, type Contact } from "./contact";
import { isUniqueViolation } from "./d1-errors";
import { canonicalKey, sha256Hex } from "./draw";
import { loadDraw } from "./draws";
import { almatyDate, drawStatus } from "./period";
import { receiptParams, type ReceiptInput } from "./receipt-input";

/** An accepted entry, as returned to its buyer. */
export interface EntryView {
  id: number;
  drawId: string;
  kgdNumber: string;
  fiscalSign: string;
  receiptDateTime: string;
  receiptTotal: number;
  contactMasked: string;
  keyHash: string;
  createdAt: string;
}

/** Outcome of an entry; `field` names the request field at fault. */
export type EntryResult =
  | { reason: "entered"; entry: EntryView }
  | { reason: "invalid"; field: string; message: string }
  | { reason: "draw_not_found" }
  | { reason: "draw_not_open"; message: string }
  | { reason: "receipt_not_found" }
  | { reason: "duplicate"; message: string };

/** Checks the receipt against the draw's rules and stores the entry. */
export async function enterReceipt(
  db: DrizzleD1Database,
  findInKkm: FindInKkm,
  drawId: string,
  input: ReceiptInput,
  contact: Contact,
  now: Date,
): Promise<EntryResult> {
  const draw = await loadDraw(db, drawId);
  if (!draw) return { reason: "draw_not_found" };
  const status = drawStatus(draw, now);
  if (status !== "open") {
    return {
      reason: "draw_not_open",
      message: `draw ${drawId} is ${status}: it takes entries from ${draw.periodFrom} to ${draw.periodTo} (Asia/Almaty), and today is ${almatyDate(now)}`,
    };
  }

  const parsed = receiptParams(input);
  if ("field" in parsed) return { reason: "invalid", ...parsed };
  const found = await checkReceipt(db, findInKkm, parsed.params, now);
  if (found.reason === "invalid") {
    return {
      reason: "invalid",
      field: parsed.fieldOf(found.field),
      message: found.message,
    };
  }
  if (found.reason !== "found") return { reason: "receipt_not_found" };

  const receipt = found.receipt;
  if (receipt.operation !== "sell") {
    return {
      reason: "invalid",
      field: "receipt",
      message: `the receipt is a ${receipt.operation.replace("_", " ")} receipt; only sale receipts take part in draws`,
    };
  }
  // NOTE: the receipt's date is the KKM's local wall-clock date, compared
  // with the Asia/Almaty period as is. This assumes the KKM keeps Kazakhstan
  // local time, which a register in another zone would not.
  const receiptDate = receipt.dateTime.slice(0, 10);
  if (receiptDate < draw.periodFrom || receiptDate > draw.periodTo) {
    return {
      reason: "invalid",
      field: parsed.fieldOf("t"),
      message: `the receipt is dated ${receiptDate}, outside the draw period ${draw.periodFrom} to ${draw.periodTo}`,
    };
  }
  if (receipt.total < draw.minReceiptTotal) {
    return {
      reason: "invalid",
      field: parsed.fieldOf("s"),
      message: `the receipt total ${tenge(receipt.total)} tenge is below the draw's minimum of ${tenge(draw.minReceiptTotal)} tenge`,
    };
  }

  // NOTE: the draw's status is read above and not again at the insert, so
  // a request that started on the period's last day may land after midnight.
  // A draw runs no earlier than the next day, which leaves that margin.
  const key = canonicalKey(receipt.kkm.kgdNumber, receipt.fiscalSign);
  const row = {
    drawId,
    kkmId: found.kkmId,
    kgdNumber: receipt.kkm.kgdNumber,
    fiscalSign: receipt.fiscalSign,
    receiptDateTime: receipt.dateTime,
    receiptTotal: receipt.total,
    contactKind: contact.kind,
    contact: contact.value,
    keyHash: await sha256Hex(key),
    createdAt: now.toISOString(),
  };
  let id: number;
  try {
    const inserted = await db
      .insert(lotteryEntries)
      .values(row)
      .returning({ id: lotteryEntries.id });
    id = inserted[0]!.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      reason: "duplicate",
      message: `receipt ${receipt.fiscalSign} of KKM ${receipt.kkm.kgdNumber} is already entered in draw ${drawId}; each receipt enters a draw once`,
    };
  }

  return {
    reason: "entered",
    entry: {
      id,
      drawId,
      kgdNumber: row.kgdNumber,
      fiscalSign: row.fiscalSign,
      receiptDateTime: row.receiptDateTime,
      receiptTotal: row.receiptTotal,
      contactMasked: maskContact(contact),
      keyHash: row.keyHash,
      createdAt: row.createdAt,
    },
  };
}

/** Masked public form of an entry's receipt numbers. */
export function maskReceipt(kgdNumber: string, fiscalSign: string) {
  return {
    kgdNumberMasked: maskDigits(kgdNumber),
    fiscalSignMasked: maskDigits(fiscalSign),
  };
}

/** Formats tiyn as tenge with two decimals, e.g. 1234.50. */
function tenge(tiyn: number): string {
  return `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, "0")}`;
}
