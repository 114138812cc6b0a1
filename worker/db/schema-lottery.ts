/**
 * The buyers' online lottery: draws the operator announces, receipts
 * buyers enter, the winners of each draw, and the single-use links that
 * show a buyer their own entries.
 */
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { kkms } from "./schema";
import { users } from "./schema-accounts";

export const lotteryDraws = sqliteTable("lottery_draws", {
  /** `draw_…`, random. */
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  rulesText: text("rules_text").notNull(),
  /** First day of the period, `YYYY-MM-DD`, local Asia/Almaty, inclusive. */
  periodFrom: text("period_from").notNull(),
  /** Last day of the period, `YYYY-MM-DD`, local Asia/Almaty, inclusive. */
  periodTo: text("period_to").notNull(),
  prizeCount: integer("prize_count").notNull(),
  /** Smallest receipt total that may enter, in tiyn. */
  minReceiptTotal: integer("min_receipt_total").notNull(),
  /** Hex SHA-256 of the secret seed, published before the period ends. */
  seedHash: text("seed_hash"),
  /** UTC ISO time the seed hash was committed. */
  committedAt: text("committed_at"),
  /** The seed, stored only once the draw has run and it is public. */
  seed: text("seed"),
  /** Hex SHA-256 of the frozen sorted list of entry key hashes. */
  listDigest: text("list_digest"),
  /** Number of entries in the frozen list. */
  entryCount: integer("entry_count"),
  /** UTC ISO time of the draw; null until it has run. */
  drawnAt: text("drawn_at"),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: text("created_at").notNull(),
});

export const lotteryEntries = sqliteTable(
  "lottery_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    drawId: text("draw_id")
      .notNull()
      .references(() => lotteryDraws.id),
    kkmId: integer("kkm_id")
      .notNull()
      .references(() => kkms.id),
    kgdNumber: text("kgd_number").notNull(),
    /** The OFD's fiscal sign, also for a receipt entered by autonomous number. */
    fiscalSign: text("fiscal_sign").notNull(),
    /** Local date-time printed on the receipt, `YYYY-MM-DDTHH:mm:ss`. */
    receiptDateTime: text("receipt_date_time").notNull(),
    /** Receipt total in tiyn. */
    receiptTotal: integer("receipt_total").notNull(),
    contactKind: text("contact_kind", { enum: ["phone", "email"] }).notNull(),
    /** `+7` and 10 digits, or a lower-case e-mail address. */
    contact: text("contact").notNull(),
    /** Hex SHA-256 of `<KGD number>:<fiscal sign>`; the public list shows it. */
    keyHash: text("key_hash").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("lottery_entries_draw_id_kkm_id_fiscal_sign_idx").on(
      table.drawId,
      table.kkmId,
      table.fiscalSign,
    ),
    uniqueIndex("lottery_entries_draw_id_key_hash_idx").on(
      table.drawId,
      table.keyHash,
    ),
    index("lottery_entries_contact_idx").on(table.contact),
  ],
);

export const lotteryWinners = sqliteTable(
  "lottery_winners",
  {
    drawId: text("draw_id")
      .notNull()
      .references(() => lotteryDraws.id),
    /** 1 for the first prize. */
    place: integer("place").notNull(),
    entryId: integer("entry_id")
      .notNull()
      .references(() => lotteryEntries.id),
  },
  (table) => [primaryKey({ columns: [table.drawId, table.place] })],
);

export const lotteryAccessTokens = sqliteTable(
  "lottery_access_tokens",
  {
    /** Hex SHA-256 of the token sent in the link. */
    tokenHash: text("token_hash").primaryKey(),
    /** The normalised contact whose entries the link shows. */
    contact: text("contact").notNull(),
    /** UTC ISO time after which the link no longer opens. */
    expiresAt: text("expires_at").notNull(),
    /** UTC ISO time the link was opened; a used link does not open again. */
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("lottery_access_tokens_contact_idx").on(table.contact)],
);
