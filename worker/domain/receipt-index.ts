/**
 * The organisation-wide receipt index in D1, written in batches from the
 * KKMs' outboxes. A receipt has one key (KKM, fiscal sign), so a retried
 * batch changes nothing.
 */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { ReceiptIndexRow } from "../../durable/kkm/report-outbox";
import { receiptIndex } from "../db/schema-receipts";

/** Writes receipts to the index in one D1 batch, skipping known ones. */
export async function saveReceiptIndex(
  db: DrizzleD1Database,
  rows: ReceiptIndexRow[],
): Promise<void> {
  const [first, ...rest] = rows.map((row) =>
    db
      .insert(receiptIndex)
      .values(row)
      .onConflictDoNothing({
        target: [receiptIndex.kkmId, receiptIndex.fiscalSign],
      }),
  );
  if (!first) return;
  await db.batch([first, ...rest]);
}
