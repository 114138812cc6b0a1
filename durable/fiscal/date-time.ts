/**
 * The register's clock is local wall-clock time without a zone. It is kept
 * as sent, as the text `YYYY-MM-DDTHH:mm:ss`, which sorts in time order.
 */
import { create } from "@bufbuild/protobuf";
import { DateTimeSchema, type DateTime } from "../../proto/messages";

/** Formats a wire DateTime as `YYYY-MM-DDTHH:mm:ss`; throws on bad fields. */
export function toLocalText(value: DateTime | undefined): string {
  const date = value?.date;
  const time = value?.time;
  if (!date || !time) throw new RangeError("date and time are required");

  const { year, month, day } = date;
  const { hour, minute } = time;
  const second = time.second ?? 0;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 2000 || year > 2999 || month < 1 || month > 12) {
    throw new RangeError(`invalid date ${year}-${month}-${day}`);
  }
  if (day < 1 || day > daysInMonth) {
    throw new RangeError(`invalid date ${year}-${month}-${day}`);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`invalid time ${hour}:${minute}:${second}`);
  }
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** Parses `YYYY-MM-DDTHH:mm:ss` back into a wire DateTime. */
export function fromLocalText(text: string): DateTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`invalid local time "${text}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return create(DateTimeSchema, {
    date: { year, month, day },
    time: { hour, minute, second },
  });
}

/** Formats local time text as the QR parameter `yyyyMMddTHHmmss`. */
export function toQrTime(localText: string): string {
  return localText.replace(/[-:]/g, "");
}

/** Local time text of `instant` in a zone given as a UTC offset in minutes. */
export function localTextAt(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return shifted.toISOString().slice(0, 19);
}

/** Milliseconds between two local time texts (later minus earlier). */
export function localTextDiffMs(later: string, earlier: string): number {
  return Date.parse(`${later}Z`) - Date.parse(`${earlier}Z`);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
