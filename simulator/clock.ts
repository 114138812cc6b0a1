/**
 * Local wall-clock time of the register. The protocol sends DateTime values
 * without a zone, and Kazakh registers use Asia/Almaty local time.
 */
import { create } from "@bufbuild/protobuf";
import { DateTimeSchema, type DateTime } from "../proto/messages";

/** Time zone whose wall-clock time the register writes into requests. */
export const REGISTER_TIME_ZONE = "Asia/Almaty";

/** A wall-clock date and time with no zone, as the protocol carries it. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const ISO_LOCAL_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

const almatyFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: REGISTER_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Converts an instant to Asia/Almaty wall-clock time. */
export function toAlmatyTime(instant: Date): LocalDateTime {
  const parts = almatyFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((entry) => entry.type === type)?.value ?? "0");
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/** Parses "2025-01-15T12:30:00" (seconds optional); null if invalid. */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const match = ISO_LOCAL_PATTERN.exec(text.trim());
  if (!match) return null;

  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((value) => Number(value ?? "0")) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  return valid ? { year, month, day, hour, minute, second } : null;
}

/** Formats as "2025-01-15T12:30:00", the form stored in the state file. */
export function formatLocalDateTime(time: LocalDateTime): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}` +
    `T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`
  );
}

/** Builds the protocol DateTime with every field, seconds included. */
export function toProtoDateTime(time: LocalDateTime): DateTime {
  return create(DateTimeSchema, {
    date: { year: time.year, month: time.month, day: time.day },
    time: { hour: time.hour, minute: time.minute, second: time.second },
  });
}

/** Reads a protocol DateTime; missing parts read as zero. */
export function fromProtoDateTime(value: DateTime | undefined): LocalDateTime {
  return {
    year: value?.date?.year ?? 0,
    month: value?.date?.month ?? 0,
    day: value?.date?.day ?? 0,
    hour: value?.time?.hour ?? 0,
    minute: value?.time?.minute ?? 0,
    second: value?.time?.second ?? 0,
  };
}
