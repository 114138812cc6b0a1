/**
 * D1 tables that KKMs read through service commands: cashiers for
 * COMMAND_AUTH, and the organisations' goods lists and the National
 * Catalogue of Goods for COMMAND_NOMENCLATURE.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { kkms, organisations } from "./schema";

/** A UTC ISO timestamp column set by D1 when the row is inserted. */
const insertedAt = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const cashiers = sqliteTable(
  "cashiers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kkmId: integer("kkm_id")
      .notNull()
      .references(() => kkms.id),
    login: text("login").notNull(),
    /** Operator code (uint32) the register prints and sends with documents. */
    operatorCode: integer("operator_code").notNull(),
    name: text("name").notNull(),
    /**
     * JSON list of UserRoleEnum numbers: 1 paymaster, 2 chief paymaster,
     * 3 administrator.
     */
    roles: text("roles", { mode: "json" }).$type<number[]>().notNull(),
    /** `pbkdf2-sha256$…` text from `worker/domain/password.ts`. */
    passwordHash: text("password_hash").notNull(),
    createdAt: insertedAt("created_at"),
  },
  (table) => [
    uniqueIndex("cashiers_kkm_login_idx").on(table.kkmId, table.login),
  ],
);

/** Version of each organisation's goods list; raised by one per change. */
export const nomenclatureVersions = sqliteTable("nomenclature_versions", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  version: integer("version").notNull(),
  /** UTC ISO time of the change that made this version. */
  createdAt: text("created_at").notNull(),
});

export const nomenclatureElements = sqliteTable(
  "nomenclature_elements",
  {
    /** The element id sent to registers (uint64 on the wire). */
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    type: text("type", { enum: ["group", "item"] }).notNull(),
    /** A group of the same organisation; null at the root. */
    parentGroupId: integer("parent_group_id").references(
      (): AnySQLiteColumn => nomenclatureElements.id,
    ),
    title: text("title").notNull(),
    /** Title in Kazakh, sent to 2.0.3 registers. */
    titleKk: text("title_kk"),
    article: text("article"),
    barcode: text("barcode"),
    description: text("description"),
    /** Price in tiyn; null for groups. */
    sellPrice: integer("sell_price"),
    /** Price in tiyn; null for groups. */
    purchasePrice: integer("purchase_price"),
    /** Unit code from the KZ classifier of units, e.g. 796 for a piece. */
    measureUnitCode: text("measure_unit_code"),
    measureTitle: text("measure_title"),
    /** Whether the register may sell fractions of the unit. */
    measureFractional: integer("measure_fractional", { mode: "boolean" })
      .notNull()
      .default(false),
    /** National Catalogue of Goods number (NTIN), sent to 2.0.3 registers. */
    ntin: text("ntin"),
    /** VAT in thousandths of a percent (12000 is 12 %); null without VAT. */
    vatPercent: integer("vat_percent"),
    /** TaxationTypeEnum: 100 STS, 101 RTS, 102 TRFF, 103 TRBP. */
    taxationType: integer("taxation_type"),
    /** Goods with mandatory marking codes. */
    isMarked: integer("is_marked", { mode: "boolean" })
      .notNull()
      .default(false),
    /** Socially significant goods. */
    isSocial: integer("is_social", { mode: "boolean" })
      .notNull()
      .default(false),
    createdAt: insertedAt("created_at"),
    updatedAt: text("updated_at"),
  },
  (table) => [
    index("nomenclature_elements_organisation_id_idx").on(
      table.organisationId,
      table.id,
    ),
  ],
);

/** The National Catalogue of Goods, filled by the operator from imports. */
export const nationalCatalogue = sqliteTable("national_catalogue", {
  barcode: text("barcode").primaryKey(),
  /** National Trade Item Number. */
  ntin: text("ntin").notNull(),
  nameRu: text("name_ru").notNull(),
  nameKk: text("name_kk"),
  measureUnitCode: text("measure_unit_code"),
  importedAt: insertedAt("imported_at"),
});
