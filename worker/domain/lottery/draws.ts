/**
 * The operator's side of a draw: announce it, commit to the hash of a
 * secret seed while the period runs, and run the draw with that seed once
 * the period has ended.
 */
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import {
  lotteryDraws,
  lotteryEntries,
  lotteryWinners,
} from "../../db/schema-lottery";
import { isUniqueViolation } from "./d1-errors";
import { drawWinners, sha256Hex, sortKeyHashes } from "./draw";
import { almatyDate, periodEnded } from "./period";
import { toDrawView, type DrawRow, type DrawView } from "./views";

/** Maximum number of draws a list returns. */
export const DRAW_LIST_LIMIT = 100;

/** Fields of a new draw, already matching their formats. */
export interface NewDraw {
  title: string;
  rulesText: string;
  periodFrom: string;
  periodTo: string;
  prizeCount: number;
  minReceiptTotal: number;
}

/** Outcome of a state change of a draw. */
export type DrawChangeResult =
  | { reason: "ok"; draw: DrawView }
  | { reason: "invalid"; field: string; message: string }
  | { reason: "not_found" }
  | { reason: "conflict"; message: string };

/** Creates a draw; its period must not have ended already. */
export async function createDraw(
  db: DrizzleD1Database,
  operatorId: string,
  fields: NewDraw,
  now: Date,
): Promise<DrawChangeResult> {
  if (fields.periodTo < fields.periodFrom) {
    return invalid(
      "periodTo",
      `${fields.periodTo} is before periodFrom ${fields.periodFrom}; give the last day of the period`,
    );
  }
  if (periodEnded(fields.periodTo, now)) {
    return invalid(
      "periodTo",
      `${fields.periodTo} has passed (today is ${almatyDate(now)} in Asia/Almaty); a draw needs a period that has not ended`,
    );
  }

  const row: DrawRow = {
    id: newDrawId(),
    ...fields,
    seedHash: null,
    committedAt: null,
    seed: null,
    listDigest: null,
    entryCount: null,
    drawnAt: null,
    createdBy: operatorId,
    createdAt: now.toISOString(),
  };
  await db.insert(lotteryDraws).values(row);
  return { reason: "ok", draw: toDrawView(row, now, 0) };
}

/** Lists draws newest first, at most DRAW_LIST_LIMIT, with entry counts. */
export async function listDraws(
  db: DrizzleD1Database,
  now: Date,
): Promise<DrawView[]> {
  const rows = await db
    .select()
    .from(lotteryDraws)
    .orderBy(desc(lotteryDraws.createdAt))
    .limit(DRAW_LIST_LIMIT);
  const counts = await db
    .select({ drawId: lotteryEntries.drawId, entries: count() })
    .from(lotteryEntries)
    .groupBy(lotteryEntries.drawId);
  const byDraw = new Map(counts.map((row) => [row.drawId, row.entries]));

  return rows.map((row) => toDrawView(row, now, byDraw.get(row.id) ?? 0));
}

/** Returns one draw with its entry count, or null. */
export async function getDraw(
  db: DrizzleD1Database,
  drawId: string,
  now: Date,
): Promise<DrawView | null> {
  const row = await loadDraw(db, drawId);
  if (!row) return null;
  return toDrawView(row, now, await countEntries(db, drawId));
}

/**
 * Commits to the hex SHA-256 of a secret seed. Only the hash is stored; it
 * cannot be replaced, and it is rejected once the period has ended.
 */
export async function commitSeedHash(
  db: DrizzleD1Database,
  drawId: string,
  seedHash: string,
  now: Date,
): Promise<DrawChangeResult> {
  const row = await loadDraw(db, drawId);
  if (!row) return { reason: "not_found" };

  if (row.seedHash !== null) {
    return conflict(
      `draw ${drawId} already has the seed hash ${row.seedHash}, committed at ${row.committedAt}; a commitment cannot change`,
    );
  }
  if (periodEnded(row.periodTo, now)) {
    return conflict(
      `the period of draw ${drawId} ended on ${row.periodTo}; a seed hash must be committed before the period ends`,
    );
  }

  const committed = { seedHash, committedAt: now.toISOString() };
  await db
    .update(lotteryDraws)
    .set(committed)
    .where(eq(lotteryDraws.id, drawId));
  const entries = await countEntries(db, drawId);
  return {
    reason: "ok",
    draw: toDrawView({ ...row, ...committed }, now, entries),
  };
}

/**
 * Runs the draw: checks sha256(seed) against the commitment, freezes the
 * entry list, computes the winners and publishes the seed, all in one D1
 * batch. Allowed once, after the period has ended.
 */
export async function runDraw(
  db: DrizzleD1Database,
  drawId: string,
  seed: string,
  now: Date,
): Promise<DrawChangeResult> {
  const row = await loadDraw(db, drawId);
  if (!row) return { reason: "not_found" };

  if (row.drawnAt !== null) {
    return conflict(`draw ${drawId} was already drawn at ${row.drawnAt}`);
  }
  if (!periodEnded(row.periodTo, now)) {
    return conflict(
      `the period of draw ${drawId} ends on ${row.periodTo} (Asia/Almaty); run the draw from the next day`,
    );
  }
  if (row.seedHash === null) {
    return conflict(
      `draw ${drawId} has no committed seed hash, so its draw cannot be verified; it cannot run`,
    );
  }
  const hash = await sha256Hex(seed);
  if (hash !== row.seedHash) {
    return invalid(
      "seed",
      `SHA-256 of this seed is ${hash}, but the committed hash is ${row.seedHash}; send the seed that was committed`,
    );
  }

  const entries = await db
    .select({ id: lotteryEntries.id, keyHash: lotteryEntries.keyHash })
    .from(lotteryEntries)
    .where(eq(lotteryEntries.drawId, drawId));
  const idByHash = new Map(entries.map((entry) => [entry.keyHash, entry.id]));
  const sorted = sortKeyHashes(entries.map((entry) => entry.keyHash));
  const result = await drawWinners(seed, sorted, row.prizeCount);

  const drawn = {
    seed,
    listDigest: result.listDigest,
    entryCount: sorted.length,
    drawnAt: now.toISOString(),
  };
  const markDrawn = db
    .update(lotteryDraws)
    .set(drawn)
    .where(and(eq(lotteryDraws.id, drawId), isNull(lotteryDraws.drawnAt)));
  // Two concurrent draws both insert place 1; the primary key fails the
  // second batch as a whole, so only one result is ever stored.
  const winnerRows = result.winners.map((winner) => ({
    drawId,
    place: winner.place,
    entryId: idByHash.get(winner.keyHash)!,
  }));
  try {
    if (winnerRows.length > 0) {
      await db.batch([markDrawn, db.insert(lotteryWinners).values(winnerRows)]);
    } else {
      await markDrawn;
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return conflict(`draw ${drawId} was drawn by a concurrent request`);
  }

  return { reason: "ok", draw: toDrawView({ ...row, ...drawn }, now, 0) };
}

/** Loads a draw row by id, or null. */
export async function loadDraw(
  db: DrizzleD1Database,
  drawId: string,
): Promise<DrawRow | null> {
  const rows = await db
    .select()
    .from(lotteryDraws)
    .where(eq(lotteryDraws.id, drawId))
    .limit(1);
  return rows[0] ?? null;
}

async function countEntries(
  db: DrizzleD1Database,
  drawId: string,
): Promise<number> {
  const rows = await db
    .select({ entries: count() })
    .from(lotteryEntries)
    .where(eq(lotteryEntries.drawId, drawId));
  return rows[0]?.entries ?? 0;
}

function newDrawId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return `draw_${hex}`;
}

function invalid(field: string, message: string): DrawChangeResult {
  return { reason: "invalid", field, message };
}

function conflict(message: string): DrawChangeResult {
  return { reason: "conflict", message };
}
