/** Display helpers of the KKM pages: days in a time zone, labels, grouping. */
import type { PointOfSale, TransactionRow } from "../../api/kkms";
import { t, type TextKey } from "../../i18n";
import { groupByDay as groupRowsByDay, type DayGroup } from "./kkm-dates";

export { dateInZone, formatDate, timeOf } from "./kkm-dates";

/** Time zones of Kazakhstan's points of sale, IANA names. */
export const KAZAKHSTAN_TIME_ZONES = [
  "Asia/Almaty",
  "Asia/Qostanay",
  "Asia/Qyzylorda",
  "Asia/Aqtobe",
  "Asia/Aqtau",
  "Asia/Atyrau",
  "Asia/Oral",
] as const;

/** The zone's offset now, as "GMT+05:00". */
export function zoneOffset(timeZone: string, now: Date = new Date()): string {
  const part = new Intl.DateTimeFormat("en-US", {
    timeZone,
    timeZoneName: "longOffset",
  })
    .formatToParts(now)
    .find((entry) => entry.type === "timeZoneName");
  return part?.value === "GMT" ? "GMT+00:00" : (part?.value ?? "");
}

/** "GMT+05:00 Almaty" style label of an IANA zone, translated city. */
export function zoneLabel(timeZone: string): string {
  const key = `kkmZone_${timeZone.replace("/", "_")}` as TextKey;
  const city = KAZAKHSTAN_TIME_ZONES.includes(
    timeZone as (typeof KAZAKHSTAN_TIME_ZONES)[number],
  )
    ? t(key)
    : timeZone;
  return `${zoneOffset(timeZone)} ${city}`;
}

/** Groups rows under "Today", "Yesterday" or dates in the KKM's zone. */
export function groupByDay<T extends { localTime: string }>(
  rows: T[],
  today: string,
): DayGroup<T>[] {
  return groupRowsByDay(rows, today, {
    today: t("kkmToday"),
    yesterday: t("kkmYesterday"),
  });
}

/** "Sale, cash" style text of a receipt's operation and payments. */
export function operationText(row: TransactionRow): string {
  const operation = t(`kkmOperation_${row.operation}` as TextKey);
  const payments = row.paymentTypes.map((type) =>
    t(`kkmPayment_${type}` as TextKey),
  );
  return [operation, ...payments].join(", ");
}

/**
 * "1–4 of 4" style range of rows `first`..`last` (1-based); without the
 * last page loaded the total is unknown, so it reads "21–40 of more than 40".
 */
export function rangeText(first: number, last: number, more: boolean): string {
  if (last < first) return t("kkmRangeEmpty");
  return more
    ? t("kkmRangeMore", { first, last })
    : t("kkmRange", { first, last, total: last });
}

/** "Astana (Vasyutina 41)" heading of a point of sale: city and address. */
export function pointOfSalePlace(point: PointOfSale): string {
  return `${point.city} (${point.address})`;
}

/** "Astana (Vasyutina 41) → Shop" label of a point of sale. */
export function pointOfSaleLabel(point: PointOfSale): string {
  return `${pointOfSalePlace(point)} → ${point.title}`;
}
