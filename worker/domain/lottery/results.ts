/**
 * The published result of a drawn draw: the seed, its committed hash, the
 * list digest, every entry of the frozen list in canonical order (masked),
 * and the winners. The key hashes in this list are all a verifier needs to
 * recompute the winners.
 */
import { asc, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { lotteryEntries, lotteryWinners } from "../../db/schema-lottery";
import { maskContact } from "./contact";
import { loadDraw } from "./draws";
import { maskReceipt } from "./entries";
import { toDrawView, type DrawView } from "./views";

/** One entry of the published list. */
export interface PublicEntry {
  /** Position in the list sorted by key hash, from 0. */
  index: number;
  keyHash: string;
  kgdNumberMasked: string;
  fiscalSignMasked: string;
  contactMasked: string;
}

/** The published result of a draw. */
export interface DrawResults {
  draw: DrawView;
  entries: PublicEntry[];
  winners: (PublicEntry & { place: number })[];
}

/** Outcome of a results request. */
export type ResultsOutcome =
  | { reason: "ok"; results: DrawResults }
  | { reason: "not_found" }
  | { reason: "not_drawn"; message: string };

/** Loads the published result of draw `drawId`. */
export async function drawResults(
  db: DrizzleD1Database,
  drawId: string,
  now: Date,
): Promise<ResultsOutcome> {
  const draw = await loadDraw(db, drawId);
  if (!draw) return { reason: "not_found" };
  if (draw.drawnAt === null) {
    return {
      reason: "not_drawn",
      message: `draw ${drawId} has not been drawn yet; results appear after the period ending ${draw.periodTo}`,
    };
  }

  // NOTE: the whole list is returned at once; a draw with hundreds of
  // thousands of entries would need a paged list or a downloadable file.
  const rows = await db
    .select()
    .from(lotteryEntries)
    .where(eq(lotteryEntries.drawId, drawId))
    .orderBy(asc(lotteryEntries.keyHash));
  const entries = rows.map((row, index) => ({
    index,
    keyHash: row.keyHash,
    ...maskReceipt(row.kgdNumber, row.fiscalSign),
    contactMasked: maskContact({ kind: row.contactKind, value: row.contact }),
  }));
  const indexById = new Map(rows.map((row, index) => [row.id, index]));

  const winnerRows = await db
    .select()
    .from(lotteryWinners)
    .where(eq(lotteryWinners.drawId, drawId))
    .orderBy(asc(lotteryWinners.place));
  const winners = winnerRows.map((winner) => ({
    place: winner.place,
    ...entries[indexById.get(winner.entryId)!]!,
  }));

  return {
    reason: "ok",
    results: { draw: toDrawView(draw, now, rows.length), entries, winners },
  };
}
