/**
 * Request field rules of the KKM routes; each failure message names the
 * rule, and the router's hook prefixes the field name.
 */
import { z } from "@hono/zod-openapi";
import {
  CONNECTION_METHODS,
  DEVICE_TYPES,
  FILERS,
} from "../../domain/kkms/kkm-view";
import { textField } from "../portal/fields";

/** KKM statuses of the search filter. */
export const KKM_STATUSES = [
  "registered",
  "activated",
  "blocked",
  "deregistered",
] as const;

/** A KGD registration number: exactly 12 digits. */
export const kgdNumberField = z
  .string()
  .regex(
    /^\d{12}$/,
    "must be exactly 12 digits, as on the KGD registration card",
  )
  .openapi({ example: "620300012345" });

/** An IANA time zone name that the runtime supports, e.g. Asia/Almaty. */
export const timeZoneField = z
  .string()
  .refine(isTimeZone, {
    message: "must be an IANA time zone name, e.g. Asia/Almaty or Asia/Aqtobe",
  })
  .openapi({ example: "Asia/Almaty" });

/** A real calendar date `YYYY-MM-DD`. */
export const dateField = z
  .string()
  .refine(isDate, { message: "must be a real date in the form YYYY-MM-DD" })
  .openapi({ example: "2026-12-04" });

/** A KKM system id in the path. */
export const kkmIdParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,10}$/, "must be a KKM system id (digits)")
    .transform(Number)
    .openapi({ example: "100001" }),
});

/** A whole number of tiyn, shift or id in a query string. */
export const wholeQueryNumber = (max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d{1,16}$/, "must be a whole number")
    .transform(Number)
    .refine((value) => value <= max, { message: `must be at most ${max}` });

export const deviceTypeField = z.enum(DEVICE_TYPES, {
  error: `must be one of ${DEVICE_TYPES.join(", ")}`,
});
export const connectionMethodField = z.enum(CONNECTION_METHODS, {
  error: `must be one of ${CONNECTION_METHODS.join(", ")}`,
});
export const filedByField = z.enum(FILERS, {
  error: `must be one of ${FILERS.join(", ")}`,
});
export const statusField = z.enum(KKM_STATUSES, {
  error: `must be one of ${KKM_STATUSES.join(", ")}`,
});

/** Fields of a new point of sale. */
export const newPointOfSaleBody = z.object({
  title: textField(200),
  city: textField(100),
  address: textField(300),
  addressKz: textField(300).optional(),
});

/** A model id of GET /api/kkms/models. */
export const modelIdField = z
  .string()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

/** Paging query: an opaque cursor and 1..100 items, 20 by default. */
export const pagingQuery = {
  cursor: z.string().min(1).max(400).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "must be a whole number")
    .transform(Number)
    .refine((value) => value >= 1, { message: "must be at least 1" })
    .refine((value) => value <= 100, { message: "must be at most 100" })
    .default(20),
};

/** Adds an issue on `to` when both dates are set and `to` is before `from`. */
export function checkDateRange(
  value: { from?: string; to?: string },
  ctx: z.RefinementCtx,
  names: [string, string] = ["from", "to"],
): void {
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({
      code: "custom",
      path: [names[1]],
      message: `must not be before ${names[0]} (${value.from})`,
    });
  }
}

function isTimeZone(value: string): boolean {
  // Offsets like +05:00 are accepted by Intl but are not zone names.
  if (!/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    // Intl raises RangeError for a zone it does not know.
    return false;
  }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
