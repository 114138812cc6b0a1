/**
 * Autonomous periods: after working without the OFD, a register attaches
 * `service.offline_period` to what it sends. Each period is kept as an
 * episode of the KKM, and one longer than the legal limit is flagged.
 */
import type { Request } from "../../proto/messages";
import { localTextDiffMs, toLocalText } from "../fiscal/date-time";
import type { KkmStore } from "./store";

/** A register may work autonomously for at most 72 hours. */
export const AUTONOMOUS_LIMIT_MS = 72 * 60 * 60 * 1000;

/**
 * Records the request's offline period, if it carries a usable one. Some
 * registers always attach a period, with zero or placeholder dates, so an
 * unreadable or reversed period is skipped rather than rejected.
 */
export function recordOfflinePeriod(
  store: KkmStore,
  request: Request,
  now: Date,
): "recorded" | "skipped" | "none" {
  const period = request.service?.offlinePeriod;
  if (!period) return "none";

  let begin: string;
  let end: string;
  try {
    begin = toLocalText(period.beginTime);
    end = toLocalText(period.endTime);
  } catch {
    return "skipped";
  }
  const length = localTextDiffMs(end, begin);
  if (length < 0) return "skipped";

  store.recordOfflineEpisode(begin, end, now);
  if (length > AUTONOMOUS_LIMIT_MS) {
    store.markWatch("autonomous", now);
    store.recordEvent(
      "autonomous_limit_passed",
      null,
      { begin, end, hours: Math.floor(length / 3_600_000) },
      now,
    );
  }
  return "recorded";
}
