/**
 * The organisation-wide receipt index, filled from the KKMs' outboxes after
 * each receipt is acknowledged. The receipts themselves stay in each KKM's
 * Durable Object; this table only finds them.
 */
import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const receiptIndex = sqliteTable(
  "receipt_index",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kkmId: integer("kkm_id").notNull(),
    organisationId: text("organisation_id").notNull(),
    /** Server fiscal sign, 10 digits. */
    fiscalSign: text("fiscal_sign").notNull(),
    /** The register's own number for a receipt made offline. */
    autonomousNumber: integer("autonomous_number"),
    shiftNumber: integer("shift_number").notNull(),
    /** 0 buy, 1 buy return, 2 sell, 3 sell return (OperationTypeEnum). */
    operation: integer("operation").notNull(),
    /** Register's local time, `YYYY-MM-DDTHH:mm:ss`. */
    localTime: text("local_time").notNull(),
    receivedAt: text("received_at").notNull(),
    /** Receipt total in tiyn. */
    total: integer("total").notNull(),
  },
  (table) => [
    uniqueIndex("receipt_index_kkm_sign_idx").on(table.kkmId, table.fiscalSign),
    index("receipt_index_organisation_time_idx").on(
      table.organisationId,
      table.localTime,
    ),
    index("receipt_index_fiscal_sign_idx").on(table.fiscalSign),
  ],
);
