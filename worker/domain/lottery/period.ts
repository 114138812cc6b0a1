/**
 * Draw periods: calendar dates in Asia/Almaty, both ends inclusive, and the
 * status a draw has at a given moment.
 */

/** The zone whose calendar days bound every draw period. */
export const LOTTERY_TIME_ZONE = "Asia/Almaty";

/** Where a draw stands: before, inside or after its period, or drawn. */
export type DrawStatus = "upcoming" | "open" | "closed" | "drawn";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: LOTTERY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Asia/Almaty calendar date of `now`, `YYYY-MM-DD`. */
export function almatyDate(now: Date): string {
  return dayFormat.format(now);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/** The status of a draw with this period and draw time at `now`. */
export function drawStatus(
  draw: { periodFrom: string; periodTo: string; drawnAt: string | null },
  now: Date,
): DrawStatus {
  if (draw.drawnAt !== null) return "drawn";

  const today = almatyDate(now);
  if (today < draw.periodFrom) return "upcoming";
  if (today > draw.periodTo) return "closed";
  return "open";
}

/** True once the last day of the period has passed in Asia/Almaty. */
export function periodEnded(periodTo: string, now: Date): boolean {
  return almatyDate(now) > periodTo;
}
