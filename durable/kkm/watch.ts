/**
 * The watch over a KKM's link: a register silent longer than the configured
 * time is marked offline, and one silent longer than the 72-hour limit of
 * autonomous work is flagged. The object's one alarm is derived from these
 * times and the outbox, so it is always rebuilt from stored data.
 */
import { AUTONOMOUS_LIMIT_MS } from "./offline-period";
import type { SessionRow } from "./store";

/** Live link state of a KKM, for the portal. */
export interface WatchState {
  online: boolean;
  lastContactAt: string | null;
  offlineSince: string | null;
  /** Set when an autonomous period passed the 72-hour limit. */
  autonomousLimitPassedAt: string | null;
}

/** What the alarm must mark now, given the last contact. */
export function dueMarks(
  session: SessionRow,
  nowMs: number,
  offlineAfterMs: number,
): { offline: boolean; autonomous: boolean } {
  if (!session.lastContactAt) return { offline: false, autonomous: false };
  const silentFor = nowMs - Date.parse(session.lastContactAt);
  return {
    offline: silentFor >= offlineAfterMs && !session.offlineMarkedAt,
    autonomous:
      silentFor >= AUTONOMOUS_LIMIT_MS && !session.autonomousFlaggedAt,
  };
}

/**
 * The next time the watch must look again: when the silence reaches the
 * offline threshold, then the 72-hour limit. Null when nothing is pending.
 */
export function nextWatchTime(
  session: SessionRow | null,
  offlineAfterMs: number,
): number | null {
  if (!session?.lastContactAt) return null;
  const last = Date.parse(session.lastContactAt);
  if (!session.offlineMarkedAt) return last + offlineAfterMs;
  if (!session.autonomousFlaggedAt) return last + AUTONOMOUS_LIMIT_MS;
  return null;
}

/** Link state as the portal shows it. */
export function watchState(session: SessionRow | null): WatchState {
  return {
    online: Boolean(session?.lastContactAt) && !session?.offlineMarkedAt,
    lastContactAt: session?.lastContactAt ?? null,
    offlineSince: session?.offlineMarkedAt ? session.lastContactAt : null,
    autonomousLimitPassedAt: session?.autonomousFlaggedAt ?? null,
  };
}
