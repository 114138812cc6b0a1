/**
 * D1 tables filled from the KKMs' objects: X and Z report history, and the
 * ticket ad texts pushed into the objects with each registration.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const shiftReports = sqliteTable(
  "shift_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kkmId: integer("kkm_id").notNull(),
    kind: text("kind", { enum: ["Z", "X"] }).notNull(),
    shiftNumber: integer("shift_number").notNull(),
    /**
     * 0 for a Z report; for X reports the register's request count within
     * the shift. With the KKM, kind and shift it makes each report's key.
     */
    sequence: integer("sequence").notNull(),
    /** Register's local time of the report, `YYYY-MM-DDTHH:mm:ss`. */
    localTime: text("local_time").notNull(),
    receivedAt: text("received_at").notNull(),
    /** Shift revenue in tiyn, negative when purchases and returns exceed sales. */
    revenue: integer("revenue").notNull(),
    /** Cash in the drawer in tiyn. */
    cash: integer("cash").notNull(),
    /** Grand total of sales since registration, in tiyn. */
    nonNullableSell: integer("non_nullable_sell").notNull(),
    /** The server's ZXReport in protobuf JSON form. */
    report: text("report").notNull(),
    /** The register's own report, when it sent one. */
    registerReport: text("register_report"),
    /** JSON list of differences between the register's report and ours. */
    discrepancies: text("discrepancies"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [
    uniqueIndex("shift_reports_key_idx").on(
      table.kkmId,
      table.kind,
      table.shiftNumber,
      table.sequence,
    ),
    index("shift_reports_kkm_id_idx").on(table.kkmId, table.localTime),
  ],
);

/**
 * Texts printed on receipts. The scope decides the ad type: the OFD's text
 * (no scope id), an organisation's, a point of sale's or a KKM's.
 */
export const ticketAds = sqliteTable(
  "ticket_ads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope", {
      enum: ["ofd", "organisation", "point_of_sale", "kkm"],
    }).notNull(),
    /** Organisation, point of sale or KKM id; empty for the OFD scope. */
    scopeId: text("scope_id").notNull().default(""),
    text: text("text").notNull(),
    /** Raised on every edit; registers fetch only newer versions. */
    version: integer("version").notNull().default(1),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [
    uniqueIndex("ticket_ads_scope_idx").on(table.scope, table.scopeId),
  ],
);
