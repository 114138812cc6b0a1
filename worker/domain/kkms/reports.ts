/**
 * A KKM's X and Z report history from D1 and one report's page: header,
 * figures, the register's own figures and the differences between them.
 */
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { organisations, pointsOfSale } from "../../db/schema";
import { shiftReports } from "../../db/schema-reports";
import { AppError } from "../../errors";
import { decodeCursor, encodeCursor } from "./cursor";
import { findOwnedKkm } from "./kkm-view";
import { summariseReport, type ReportSummary } from "./report-summary";

/** Filters of a history; dates are the register's local `YYYY-MM-DD`. */
export interface ReportFilters {
  kind?: "Z" | "X";
  from?: string;
  to?: string;
  shiftNumber?: number;
  kkmId?: number;
}

/** One report in a history; amounts in tiyn. */
export interface ReportRow {
  id: number;
  kkmId: number;
  kind: "Z" | "X";
  shiftNumber: number;
  sequence: number;
  /** Register's local time, `YYYY-MM-DDTHH:mm:ss`. */
  localTime: string;
  revenue: number;
  cash: number;
  nonNullableSell: number;
  hasDiscrepancies: boolean;
}

/** A report's page. */
export interface ReportDetail {
  id: number;
  kind: "Z" | "X";
  header: {
    organisationName: string;
    iinBin: string;
    kkmId: number;
    kgdNumber: string;
    previousKgdNumber: string | null;
    internalName: string;
    pointOfSaleName: string;
    pointOfSaleAddress: string;
    localTime: string;
    shiftNumber: number;
  };
  summary: ReportSummary;
  /** The register's own figures, when it sent its report. */
  registerSummary: ReportSummary | null;
  /** "path: server X, register Y" lines; empty when the two agree. */
  discrepancies: string[];
}

/** Lists a KKM's reports newest first; raises NOT_FOUND for others' KKMs. */
export async function listReports(
  db: DrizzleD1Database,
  organisationId: string,
  kkmId: number,
  filters: ReportFilters,
  page: { cursor?: string; limit: number },
): Promise<{ items: ReportRow[]; nextCursor: string | null }> {
  await findOwnedKkm(db, organisationId, kkmId);
  const after = decodeCursor(page.cursor, "sn");

  const rows = await db
    .select(ROW_FIELDS)
    .from(shiftReports)
    .where(
      and(
        eq(shiftReports.kkmId, kkmId),
        ...reportConditions(filters),
        after
          ? or(
              lt(shiftReports.localTime, String(after[0])),
              and(
                eq(shiftReports.localTime, String(after[0])),
                lt(shiftReports.id, Number(after[1])),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(shiftReports.localTime), desc(shiftReports.id))
    .limit(page.limit + 1);

  const items = rows.slice(0, page.limit).map(reportRow);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor([last.localTime, last.id])
        : null,
  };
}

/** Loads one report of a KKM; another organisation's raises NOT_FOUND. */
export async function reportDetail(
  db: DrizzleD1Database,
  organisationId: string,
  kkmId: number,
  reportId: number,
): Promise<ReportDetail> {
  const { kkm } = await findOwnedKkm(db, organisationId, kkmId);
  const [report] = await db
    .select()
    .from(shiftReports)
    .where(and(eq(shiftReports.id, reportId), eq(shiftReports.kkmId, kkmId)));
  if (!report) {
    throw new AppError(
      "NOT_FOUND",
      `report ${reportId} of KKM ${kkmId} not found; open it from the KKM's report history`,
    );
  }
  const [owner] = await db
    .select({
      organisationName: organisations.title,
      iinBin: organisations.iinBin,
      pointOfSaleName: pointsOfSale.title,
      city: pointsOfSale.city,
      address: pointsOfSale.address,
    })
    .from(organisations)
    .innerJoin(pointsOfSale, eq(pointsOfSale.id, kkm.pointOfSaleId))
    .where(eq(organisations.id, organisationId));

  return {
    id: report.id,
    kind: report.kind,
    header: {
      organisationName: owner!.organisationName,
      iinBin: owner!.iinBin,
      kkmId: kkm.id,
      kgdNumber: kkm.kgdNumber,
      previousKgdNumber: kkm.previousKgdNumber,
      internalName: kkm.internalName,
      pointOfSaleName: owner!.pointOfSaleName,
      pointOfSaleAddress: `${owner!.city}, ${owner!.address}`,
      localTime: report.localTime,
      shiftNumber: report.shiftNumber,
    },
    summary: summariseReport(report.report),
    registerSummary: report.registerReport
      ? summariseReport(report.registerReport)
      : null,
    discrepancies: discrepancyList(report.discrepancies),
  };
}

/** Builds the WHERE conditions of `filters` on shift_reports. */
export function reportConditions(filters: ReportFilters): (SQL | undefined)[] {
  return [
    filters.kkmId !== undefined
      ? eq(shiftReports.kkmId, filters.kkmId)
      : undefined,
    filters.kind ? eq(shiftReports.kind, filters.kind) : undefined,
    filters.shiftNumber !== undefined
      ? eq(shiftReports.shiftNumber, filters.shiftNumber)
      : undefined,
    filters.from
      ? gte(shiftReports.localTime, `${filters.from}T00:00:00`)
      : undefined,
    // "T99" sorts after every time of the day, so the end day is included.
    filters.to ? lt(shiftReports.localTime, `${filters.to}T99`) : undefined,
  ];
}

/** Columns of a history row. */
export const ROW_FIELDS = {
  id: shiftReports.id,
  kkmId: shiftReports.kkmId,
  kind: shiftReports.kind,
  shiftNumber: shiftReports.shiftNumber,
  sequence: shiftReports.sequence,
  localTime: shiftReports.localTime,
  receivedAt: shiftReports.receivedAt,
  revenue: shiftReports.revenue,
  cash: shiftReports.cash,
  nonNullableSell: shiftReports.nonNullableSell,
  discrepancies: shiftReports.discrepancies,
};

/** Builds a history row from the selected columns. */
export function reportRow(row: {
  id: number;
  kkmId: number;
  kind: "Z" | "X";
  shiftNumber: number;
  sequence: number;
  localTime: string;
  revenue: number;
  cash: number;
  nonNullableSell: number;
  discrepancies: string | null;
}): ReportRow {
  return {
    id: row.id,
    kkmId: row.kkmId,
    kind: row.kind,
    shiftNumber: row.shiftNumber,
    sequence: row.sequence,
    localTime: row.localTime,
    revenue: row.revenue,
    cash: row.cash,
    nonNullableSell: row.nonNullableSell,
    hasDiscrepancies: discrepancyList(row.discrepancies).length > 0,
  };
}

function discrepancyList(json: string | null): string[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
