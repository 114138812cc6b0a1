/**
 * CSV exports of receipts and reports. Rows are read from D1 in chunks as
 * the client reads the stream, so a long period is never held in memory.
 * The text starts with a UTF-8 BOM so Excel reads it as UTF-8; lines end
 * with CRLF (RFC 4180); amounts are tenge with two decimals.
 */
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { formatTenge } from "../../../durable/fiscal/money";
import { kkms } from "../../db/schema";
import { receiptIndex } from "../../db/schema-receipts";
import { shiftReports } from "../../db/schema-reports";
import { findOwnedKkm } from "./kkm-view";
import {
  receiptConditions,
  receiptItem,
  type ReceiptFilters,
} from "./receipts";
import {
  reportConditions,
  reportRow,
  ROW_FIELDS,
  type ReportFilters,
} from "./reports";

/** Rows read from D1 per chunk of the stream. */
export const EXPORT_CHUNK_ROWS = 500;

/** Header row of the receipts export. */
export const RECEIPTS_HEADER = [
  "KKM",
  "Fiscal sign",
  "Autonomous number",
  "Shift",
  "Operation",
  "Local time",
  "Received at (UTC)",
  "Total (KZT)",
];

/** Header row of the reports export. */
export const REPORTS_HEADER = [
  "KKM",
  "Kind",
  "Shift",
  "Sequence",
  "Local time",
  "Revenue (KZT)",
  "Cash (KZT)",
  "Non-nullable sales (KZT)",
  "Discrepancies",
];

/** Position of the last row sent: local time and row id. */
type Position = { localTime: string; id: number } | null;

/**
 * Streams the organisation's receipts matching `filters` as CSV, oldest
 * first. A `kkmId` of another organisation raises NOT_FOUND before the
 * stream starts.
 */
export async function receiptsCsv(
  db: DrizzleD1Database,
  organisationId: string,
  filters: ReceiptFilters,
): Promise<ReadableStream<Uint8Array>> {
  if (filters.kkmId !== undefined) {
    await findOwnedKkm(db, organisationId, filters.kkmId);
  }
  return csvStream(RECEIPTS_HEADER, async (after) => {
    const rows = await db
      .select()
      .from(receiptIndex)
      .where(
        and(
          ...receiptConditions(organisationId, filters),
          afterPosition(receiptIndex.localTime, receiptIndex.id, after),
        ),
      )
      .orderBy(asc(receiptIndex.localTime), asc(receiptIndex.id))
      .limit(EXPORT_CHUNK_ROWS);
    return rows.map((row) => {
      const item = receiptItem(row);
      return {
        position: { localTime: item.localTime, id: item.id },
        cells: [
          String(item.kkmId),
          item.fiscalSign,
          item.autonomousNumber === null ? "" : String(item.autonomousNumber),
          String(item.shiftNumber),
          item.operation,
          item.localTime,
          item.receivedAt,
          formatTenge(item.total),
        ],
      };
    });
  });
}

/** Streams the organisation's X or Z reports matching `filters` as CSV. */
export async function reportsCsv(
  db: DrizzleD1Database,
  organisationId: string,
  filters: ReportFilters,
): Promise<ReadableStream<Uint8Array>> {
  if (filters.kkmId !== undefined) {
    await findOwnedKkm(db, organisationId, filters.kkmId);
  }
  return csvStream(REPORTS_HEADER, async (after) => {
    const rows = await db
      .select(ROW_FIELDS)
      .from(shiftReports)
      .innerJoin(kkms, eq(kkms.id, shiftReports.kkmId))
      .where(
        and(
          eq(kkms.organisationId, organisationId),
          ...reportConditions(filters),
          afterPosition(shiftReports.localTime, shiftReports.id, after),
        ),
      )
      .orderBy(asc(shiftReports.localTime), asc(shiftReports.id))
      .limit(EXPORT_CHUNK_ROWS);
    return rows.map((row) => {
      const report = reportRow(row);
      return {
        position: { localTime: report.localTime, id: report.id },
        cells: [
          String(report.kkmId),
          report.kind,
          String(report.shiftNumber),
          String(report.sequence),
          report.localTime,
          formatTenge(report.revenue),
          formatTenge(report.cash),
          formatTenge(report.nonNullableSell),
          report.hasDiscrepancies ? "yes" : "no",
        ],
      };
    });
  });
}

/** Quotes a CSV cell when it contains a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Formats one CSV line with its CRLF. */
export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * A stream of the BOM and header, then one chunk of rows per pull until
 * `readChunk` returns fewer than a full chunk.
 */
function csvStream(
  header: string[],
  readChunk: (
    after: Position,
  ) => Promise<{ position: Position; cells: string[] }[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Position = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      const rows = await readChunk(after);
      if (rows.length > 0) {
        controller.enqueue(
          encoder.encode(rows.map((row) => csvLine(row.cells)).join("")),
        );
        after = rows.at(-1)!.position;
      }
      if (rows.length < EXPORT_CHUNK_ROWS) controller.close();
    },
  });
}

function afterPosition(
  localTime: typeof receiptIndex.localTime | typeof shiftReports.localTime,
  id: typeof receiptIndex.id | typeof shiftReports.id,
  after: Position,
): SQL | undefined {
  if (!after) return undefined;
  return or(
    gt(localTime, after.localTime),
    and(eq(localTime, after.localTime), gt(id, after.id)),
  );
}
