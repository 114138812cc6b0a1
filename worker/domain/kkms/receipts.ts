/**
 * Receipts in the cabinet: a KKM's transaction list and a full receipt,
 * both read from the KKM's object, and the organisation-wide search over
 * the D1 receipt index.
 */
import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { PublicReceipt } from "../../../durable/kkm/public-receipt";
import type { TransactionRow } from "../../../durable/kkm/transactions";
import { receiptIndex } from "../../db/schema-receipts";
import { AppError } from "../../errors";
import { kkmSession } from "../kkm-session-stub";
import { decodeCursor, encodeCursor } from "./cursor";
import { findOwnedKkm } from "./kkm-view";

/** Names of OperationTypeEnum values as the API writes them. */
export const OPERATION_NAMES: Record<number, TransactionRow["operation"]> = {
  0: "buy",
  1: "buy_return",
  2: "sell",
  3: "sell_return",
};

/** Lists a KKM's receipts of a local day or a shift, newest first. */
export async function listKkmTransactions(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  query: {
    date?: string;
    shiftNumber?: number;
    cursor?: string;
    limit: number;
  },
): Promise<{ items: TransactionRow[]; nextCursor: string | null }> {
  await findOwnedKkm(db, organisationId, kkmId);

  const page = await kkmSession(env, kkmId).listTransactions({
    date: query.date,
    shiftNumber: query.shiftNumber,
    limit: query.limit,
    beforeId: query.cursor === undefined ? undefined : Number(query.cursor),
  });
  return {
    items: page.items,
    nextCursor: page.nextBeforeId === null ? null : String(page.nextBeforeId),
  };
}

/** Loads a KKM's receipt by fiscal sign; raises NOT_FOUND when absent. */
export async function kkmReceipt(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  fiscalSign: string,
): Promise<PublicReceipt> {
  await findOwnedKkm(db, organisationId, kkmId);

  const receipt = await kkmSession(env, kkmId).getReceiptBySign(fiscalSign);
  if (!receipt) {
    throw new AppError(
      "NOT_FOUND",
      `receipt with fiscal sign ${fiscalSign} not found on KKM ${kkmId}; check the sign on the receipt`,
    );
  }
  return receipt;
}

/** Filters of the receipt search; dates are local `YYYY-MM-DD`, inclusive. */
export interface ReceiptFilters {
  fiscalSign?: string;
  from?: string;
  to?: string;
  /** Totals in tiyn, inclusive. */
  minTotal?: number;
  maxTotal?: number;
  kkmId?: number;
}

/** One receipt found by the search; the total is in tiyn. */
export interface ReceiptIndexItem {
  id: number;
  kkmId: number;
  fiscalSign: string;
  autonomousNumber: number | null;
  shiftNumber: number;
  operation: TransactionRow["operation"];
  localTime: string;
  receivedAt: string;
  total: number;
}

/**
 * Searches the organisation's receipts newest first. A `kkmId` of another
 * organisation raises NOT_FOUND, as on the KKM routes.
 */
export async function searchReceipts(
  db: DrizzleD1Database,
  organisationId: string,
  filters: ReceiptFilters,
  page: { cursor?: string; limit: number },
): Promise<{ items: ReceiptIndexItem[]; nextCursor: string | null }> {
  if (filters.kkmId !== undefined) {
    await findOwnedKkm(db, organisationId, filters.kkmId);
  }
  const after = decodeCursor(page.cursor, "sn");

  const rows = await db
    .select()
    .from(receiptIndex)
    .where(
      and(
        ...receiptConditions(organisationId, filters),
        after
          ? or(
              lt(receiptIndex.localTime, String(after[0])),
              and(
                eq(receiptIndex.localTime, String(after[0])),
                lt(receiptIndex.id, Number(after[1])),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(receiptIndex.localTime), desc(receiptIndex.id))
    .limit(page.limit + 1);

  const items = rows.slice(0, page.limit).map(receiptItem);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor([last.localTime, last.id])
        : null,
  };
}

/** Builds the WHERE conditions of `filters` on receipt_index. */
export function receiptConditions(
  organisationId: string,
  filters: ReceiptFilters,
): (SQL | undefined)[] {
  return [
    eq(receiptIndex.organisationId, organisationId),
    filters.kkmId !== undefined
      ? eq(receiptIndex.kkmId, filters.kkmId)
      : undefined,
    filters.fiscalSign
      ? eq(receiptIndex.fiscalSign, filters.fiscalSign)
      : undefined,
    filters.from
      ? gte(receiptIndex.localTime, `${filters.from}T00:00:00`)
      : undefined,
    // "T99" sorts after every time of the day, so the end day is included.
    filters.to ? lt(receiptIndex.localTime, `${filters.to}T99`) : undefined,
    filters.minTotal !== undefined
      ? gte(receiptIndex.total, filters.minTotal)
      : undefined,
    filters.maxTotal !== undefined
      ? lte(receiptIndex.total, filters.maxTotal)
      : undefined,
  ];
}

/** Builds a search item from a receipt_index row. */
export function receiptItem(
  row: typeof receiptIndex.$inferSelect,
): ReceiptIndexItem {
  return {
    id: row.id,
    kkmId: row.kkmId,
    fiscalSign: row.fiscalSign,
    autonomousNumber: row.autonomousNumber,
    shiftNumber: row.shiftNumber,
    operation: OPERATION_NAMES[row.operation] ?? "sell",
    localTime: row.localTime,
    receivedAt: row.receivedAt,
    total: row.total,
  };
}
