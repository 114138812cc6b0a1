/**
 * The receipt-check fields as the buyer types them, checked with the same
 * rules as GET /api/public/receipts/check, so most mistakes are shown
 * before a request is sent.
 */

/** The four fields of a receipt's QR link. */
export interface CheckFields {
  /** Fiscal sign or autonomous number. */
  i: string;
  /** KGD registration number. */
  f: string;
  /** Total in tenge. */
  s: string;
  /** Local date-time `yyyyMMddTHHmmss` (or without seconds). */
  t: string;
}

/** A field's problem, as a key of the dictionaries. */
export type FieldProblem =
  | "checkErrorSign"
  | "checkErrorKgd"
  | "checkErrorSum"
  | "checkErrorSumTooLarge"
  | "checkErrorDate"
  | "checkErrorFuture";

/** Largest total the server accepts, in tenge. */
const MAX_TENGE = 1_000_000_000_000n;

/** Same tolerance as the server: a day of clock skew plus UTC+6. */
const FUTURE_TOLERANCE_MS = (24 + 6) * 60 * 60 * 1000;

/** Reads the fields from a query; absent ones are empty. */
export function fieldsFromQuery(query: Record<string, string>): CheckFields {
  return {
    i: query.i ?? "",
    f: query.f ?? "",
    s: query.s ?? "",
    t: query.t ?? "",
  };
}

/** True when the query carries all four fields. */
export function hasAllFields(fields: CheckFields): boolean {
  return (
    fields.i !== "" && fields.f !== "" && fields.s !== "" && fields.t !== ""
  );
}

/**
 * Normalises what a person types: spaces go, a decimal comma becomes a
 * dot, and a date-time from the form ("2026-12-04T10:15:42") loses its
 * dashes and colons.
 */
export function normaliseFields(fields: CheckFields): CheckFields {
  return {
    i: fields.i.replace(/\s/g, ""),
    f: fields.f.replace(/\s/g, ""),
    s: fields.s.replace(/\s/g, "").replace(",", "."),
    t: fields.t.trim().replace(/[-:]/g, ""),
  };
}

/** Checks normalised fields; returns the problem of each bad field. */
export function checkFields(
  fields: CheckFields,
  now: Date = new Date(),
): Partial<Record<keyof CheckFields, FieldProblem>> {
  const problems: Partial<Record<keyof CheckFields, FieldProblem>> = {};
  if (!/^\d{1,19}$/.test(fields.i)) problems.i = "checkErrorSign";
  if (!/^\d{12}$/.test(fields.f)) problems.f = "checkErrorKgd";

  if (!/^\d{1,16}(\.\d{1,2})?$/.test(fields.s)) {
    problems.s = "checkErrorSum";
  } else if (isAboveMax(fields.s)) {
    problems.s = "checkErrorSumTooLarge";
  }

  const start = startOf(fields.t);
  if (start === null) problems.t = "checkErrorDate";
  else if (start - now.getTime() > FUTURE_TOLERANCE_MS) {
    problems.t = "checkErrorFuture";
  }
  return problems;
}

/** Builds the query string of the check, in the order of the QR link. */
export function toQueryString(fields: CheckFields): string {
  return new URLSearchParams({
    i: fields.i,
    f: fields.f,
    s: fields.s,
    t: fields.t,
  }).toString();
}

/** Form value `YYYY-MM-DDTHH:mm:ss` of a QR time, for the date-time input. */
export function toInputDateTime(t: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$/.exec(t);
  if (!match) return "";
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? "00"}`;
}

function isAboveMax(sum: string): boolean {
  const [whole = "0", fraction = "0"] = sum.split(".");
  const tenge = BigInt(whole);
  return tenge > MAX_TENGE || (tenge === MAX_TENGE && Number(fraction) > 0);
}

/** Milliseconds of a real date-time read as UTC, or null. */
function startOf(t: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$/.exec(t);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(match[6] ?? "0");
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    year >= 2000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  return valid ? Date.UTC(year, month - 1, day, hour, minute, second) : null;
}
