/**
 * Dates of the KKM pages, in the KKM's own time zone. No DOM and no
 * translations here, so Node tests can import it.
 */

/** The local date `YYYY-MM-DD` of instant `now` in `timeZone`. */
export function dateInZone(now: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The day before `date` (`YYYY-MM-DD`), as `YYYY-MM-DD`. */
export function previousDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Formats `YYYY-MM-DD` as "DD.MM.YYYY". */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}

/** The "HH:MM" of a local `YYYY-MM-DDTHH:mm:ss`. */
export function timeOf(localTime: string): string {
  return localTime.slice(11, 16);
}

/** Rows grouped under a day heading, in the order they came. */
export interface DayGroup<T> {
  date: string;
  /** "Today", "Yesterday" or "DD.MM.YYYY". */
  label: string;
  rows: T[];
}

/**
 * Groups rows by the date of their local time; `today` is the KKM's own
 * date, so the headings follow its time zone, not the browser's.
 */
export function groupByDay<T extends { localTime: string }>(
  rows: T[],
  today: string,
  labels: { today: string; yesterday: string },
): DayGroup<T>[] {
  const yesterday = previousDate(today);
  const groups: DayGroup<T>[] = [];

  for (const row of rows) {
    const date = row.localTime.slice(0, 10);
    let group = groups.at(-1);
    if (!group || group.date !== date) {
      const label =
        date === today
          ? labels.today
          : date === yesterday
            ? labels.yesterday
            : formatDate(date);
      group = { date, label, rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}
