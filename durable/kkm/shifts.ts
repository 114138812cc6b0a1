/**
 * Shift state. Since protocol 2.0.2 there is no command to open a shift: a
 * shift opens with the first document after the previous close, and shift
 * numbers run on from registration.
 */
import { newShiftCounters, type ShiftCounters } from "../fiscal/counters";
import type { KkmStore, ShiftRow } from "./store";

/** Shifts may stay open 24 hours; later online documents get result 11. */
export const MAX_SHIFT_MS = 24 * 60 * 60 * 1000;

/** The open shift with its parsed counters. */
export interface OpenShift {
  row: ShiftRow;
  counters: ShiftCounters;
  /** True when the current document opens it; it is not stored yet. */
  isNew: boolean;
}

/** Returns the open shift, or null when the last one is closed or none exists. */
export function findOpenShift(store: KkmStore): OpenShift | null {
  const row = store.getLatestShift();
  if (!row || row.closedAt !== null) return null;
  return {
    row,
    counters: JSON.parse(row.counters) as ShiftCounters,
    isNew: false,
  };
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
    xCount: 0,
  };
  return { row, counters, isNew: true };
}

/**
 * The shift a document belongs to: the open one, or a new one it opens.
 * An online document in a shift open for more than 24 hours (by the
 * server's clock, since the register's may be wrong) gets `expired`;
 * documents resent from autonomous mode never do.
 */
export function shiftForDocument(
  store: KkmStore,
  localTime: string,
  now: Date,
  isOffline: boolean,
): { shift: OpenShift } | { expired: ShiftRow } {
  const open = findOpenShift(store);
  if (!open) return { shift: nextShift(store, localTime, now) };

  const openFor = now.getTime() - Date.parse(open.row.openedAt);
  if (!isOffline && openFor > MAX_SHIFT_MS) return { expired: open.row };
  return { shift: open };
}

/** Text of result 11 for a shift open too long. */
export function expiredShiftText(row: ShiftRow): string {
  return `shift ${row.number} has been open since ${row.openedLocal}, more than 24 hours; close the shift`;
}

/**
 * Stores the document's shift: inserts it when the document opened it,
 * writes its counters, and records a register shift number that differs
 * from ours.
 */
export function saveShift(
  store: KkmStore,
  shift: OpenShift,
  counters: ShiftCounters,
  registerShiftNumber: number | null,
  now: Date,
): void {
  if (shift.isNew) store.insertShift(shift.row);
  store.updateShiftCounters(shift.row.number, JSON.stringify(counters));
  if (
    registerShiftNumber !== null &&
    registerShiftNumber !== shift.row.number
  ) {
    store.recordEvent(
      "shift_number_mismatch",
      shift.row.number,
      { server: shift.row.number, register: registerShiftNumber },
      now,
    );
  }
}
