/**
 * Shift state. Since protocol 2.0.2 there is no command to open a shift: a
 * shift opens with the first document after the previous close, and shift
 * numbers run on from registration.
 */
import { newShiftCounters, type ShiftCounters } from "../fiscal/counters";
import type { KkmStore, ShiftRow } from "./store";

/** The open shift with its parsed counters. */
export interface OpenShift {
  row: ShiftRow;
  counters: ShiftCounters;
}

/** Returns the open shift, or null when the last one is closed or none exists. */
export function findOpenShift(store: KkmStore): OpenShift | null {
  const row = store.getLatestShift();
  if (!row || row.closedAt !== null) return null;
  return { row, counters: JSON.parse(row.counters) as ShiftCounters };
}

/**
 * Builds the shift that the next document opens, carrying totals over from
 * the last closed shift. Nothing is written; the caller inserts it together
 * with the document.
 */
export function nextShift(
  store: KkmStore,
  openedLocal: string,
  now: Date,
): OpenShift {
  const previous = store.getLatestShift();
  const number = previous ? previous.number + 1 : 1;
  const counters = newShiftCounters(
    previous ? (JSON.parse(previous.counters) as ShiftCounters) : null,
    number,
    openedLocal,
  );
  const row: ShiftRow = {
    number,
    openedLocal,
    openedAt: now.toISOString(),
    closedLocal: null,
    closedAt: null,
    counters: JSON.stringify(counters),
  };
  return { row, counters };
}
