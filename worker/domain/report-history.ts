/**
 * X and Z report history in D1, written from the KKMs' outboxes. A report
 * has one key (KKM, kind, shift, sequence), so a retried write changes
 * nothing.
 */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { ShiftReportRow } from "../../durable/kkm/report-outbox";
import { shiftReports } from "../db/schema-reports";

/** Writes a report unless a report with its key is already there. */
export async function saveShiftReport(
  db: DrizzleD1Database,
  row: ShiftReportRow,
): Promise<void> {
  await db
    .insert(shiftReports)
    .values(row)
    .onConflictDoNothing({
      target: [
        shiftReports.kkmId,
        shiftReports.kind,
        shiftReports.shiftNumber,
        shiftReports.sequence,
      ],
    });
}
