/**
 * KKM administration in the taxpayer cabinet: the approved models and the
 * activation form's fields that the registry table `kkms` has no columns
 * for, one row per KKM.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { kkms } from "./schema";

/** KKM models approved for use; seeded by the migration, edited by operators. */
export const kkmModels = sqliteTable("kkm_models", {
  /** Stable slug, e.g. `webkassa-cloud`; the activation form sends it. */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  manufacturer: text("manufacturer").notNull(),
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/** Activation form fields of a KKM beyond the registry columns. */
export const kkmProfiles = sqliteTable(
  "kkm_profiles",
  {
    kkmId: integer("kkm_id")
      .primaryKey()
      .references(() => kkms.id),
    modelId: text("model_id")
      .notNull()
      .references(() => kkmModels.id),
    /** VPN channel of the register: wired line or wireless (SIM). */
    connectionMethod: text("connection_method", {
      enum: ["wired", "wireless"],
    }).notNull(),
    operatingSystem: text("operating_system").notNull(),
    /** Who filed the activation application: the organisation or its CTO. */
    filedBy: text("filed_by", { enum: ["organisation", "cto"] }).notNull(),
    /** UTC time the last token was issued (activation or reset). */
    tokenIssuedAt: text("token_issued_at").notNull(),
    /** UTC time of deregistration; the reason is in `kkms.block_reason`. */
    deregisteredAt: text("deregistered_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [index("kkm_profiles_model_id_idx").on(table.modelId)],
);
