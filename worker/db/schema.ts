/**
 * The D1 registry: organisations, their points of sale and their KKMs.
 * Fiscal state (tokens, shifts, receipts) lives in each KKM's Durable
 * Object, not here.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/** A UTC ISO timestamp column set by D1 when the row is inserted. */
const insertedAt = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const organisations = sqliteTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    /** IIN (a person) or BIN (a legal entity), 12 digits; also the login. */
    iinBin: text("iin_bin").notNull(),
    title: text("title").notNull(),
    legalAddress: text("legal_address").notNull(),
    legalAddressKz: text("legal_address_kz"),
    /** OKED economic activity code, 5 digits. */
    okved: text("okved"),
    /** general, simplified, farm or patent. */
    taxationRegime: text("taxation_regime").notNull(),
    /** Registered for VAT; registers then get VAT in binded_taxation. */
    vatPayer: integer("vat_payer", { mode: "boolean" })
      .notNull()
      .default(false),
    status: text("status", { enum: ["active", "blocked"] })
      .notNull()
      .default("active"),
    blockReason: text("block_reason"),
    createdAt: insertedAt("created_at"),
  },
  (table) => [uniqueIndex("organisations_iin_bin_idx").on(table.iinBin)],
);

export const pointsOfSale = sqliteTable(
  "points_of_sale",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    city: text("city").notNull(),
    address: text("address").notNull(),
    addressKz: text("address_kz"),
    createdAt: insertedAt("created_at"),
  },
  (table) => [
    index("points_of_sale_organisation_id_idx").on(table.organisationId),
  ],
);

export const kkms = sqliteTable(
  "kkms",
  {
    /** System id issued by the OFD; the ID in every frame header. */
    id: integer("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    pointOfSaleId: text("point_of_sale_id")
      .notNull()
      .references(() => pointsOfSale.id),
    /** KGD registration number, 12 digits. */
    kgdNumber: text("kgd_number").notNull(),
    /** KGD number before the last change, shown beside the current one. */
    previousKgdNumber: text("previous_kgd_number"),
    serialNumber: text("serial_number").notNull(),
    model: text("model").notNull(),
    internalName: text("internal_name").notNull(),
    deviceType: text("device_type").notNull().default("pos-system"),
    /** IANA time zone of the point of sale, e.g. Asia/Almaty. */
    timeZone: text("time_zone").notNull(),
    status: text("status", {
      enum: ["registered", "activated", "blocked", "deregistered"],
    })
      .notNull()
      .default("registered"),
    blockReason: text("block_reason"),
    registeredAt: insertedAt("registered_at"),
    activatedAt: text("activated_at"),
  },
  (table) => [
    uniqueIndex("kkms_kgd_number_idx").on(table.kgdNumber),
    index("kkms_organisation_id_idx").on(table.organisationId),
    index("kkms_point_of_sale_id_idx").on(table.pointOfSaleId),
  ],
);
