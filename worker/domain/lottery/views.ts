/** The JSON views of draws that the public and operator routes return. */
import type { lotteryDraws } from "../../db/schema-lottery";
import { drawStatus, type DrawStatus } from "./period";

/** A stored draw row. */
export type DrawRow = typeof lotteryDraws.$inferSelect;

/** A draw as buyers and operators see it; the seed only once drawn. */
export interface DrawView {
  id: string;
  title: string;
  rulesText: string;
  periodFrom: string;
  periodTo: string;
  prizeCount: number;
  minReceiptTotal: number;
  status: DrawStatus;
  seedHash: string | null;
  committedAt: string | null;
  seed: string | null;
  listDigest: string | null;
  entryCount: number;
  drawnAt: string | null;
  createdAt: string;
}

/** Builds the view of `row` at `now`; `liveEntryCount` counts entries so far. */
export function toDrawView(
  row: DrawRow,
  now: Date,
  liveEntryCount: number,
): DrawView {
  return {
    id: row.id,
    title: row.title,
    rulesText: row.rulesText,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    prizeCount: row.prizeCount,
    minReceiptTotal: row.minReceiptTotal,
    status: drawStatus(row, now),
    seedHash: row.seedHash,
    committedAt: row.committedAt,
    seed: row.drawnAt === null ? null : row.seed,
    listDigest: row.listDigest,
    entryCount: row.entryCount ?? liveEntryCount,
    drawnAt: row.drawnAt,
    createdAt: row.createdAt,
  };
}
