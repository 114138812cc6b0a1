/**
 * Request field rules shared by the portal routes; each failure message
 * names the rule, and the router's hook prefixes the field name.
 */
import { z } from "@hono/zod-openapi";
import { isValidIinBin } from "../../../durable/fiscal/validate-iin-bin";
import { RIGHTS } from "../../auth/rights";
import { TAXATION_REGIMES } from "../../domain/accounts/classifiers";

/** Symbols of which a password needs at least one. */
export const PASSWORD_SYMBOLS = "-!%*^&#()_+~=";

/** A 12-digit IIN or BIN with a valid check digit. */
export const iinBinField = z
  .string()
  .superRefine((value, ctx) => {
    if (!/^\d{12}$/.test(value)) {
      ctx.addIssue({ code: "custom", message: "must be exactly 12 digits" });
    } else if (!isValidIinBin(value)) {
      ctx.addIssue({ code: "custom", message: "check digit does not match" });
    }
  })
  .openapi({ example: "960624350642" });

/** An e-mail address. */
export const emailField = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be a valid e-mail address, e.g. name@example.kz"))
  .openapi({ example: "owner@example.kz" });

/** A new password with the registration rules. */
export const passwordField = z
  .string()
  .superRefine((value, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message });
    if (value.length < 6) fail("must be at least 6 characters");
    if (value.length > 128) fail("must be at most 128 characters");
    if (!/[a-z]/.test(value)) fail("must contain a Latin lowercase letter");
    if (!/[A-Z]/.test(value)) fail("must contain a Latin uppercase letter");
    if (!/\d/.test(value)) fail("must contain a digit");
    if (![...PASSWORD_SYMBOLS].some((symbol) => value.includes(symbol))) {
      fail(`must contain one of the symbols ${PASSWORD_SYMBOLS}`);
    }
  })
  .openapi({ example: "Secret-1" });

/** A required one-line text, trimmed. */
export const textField = (max = 300) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

/** A phone in international format: +, country code, 8 to 15 digits. */
export const phoneField = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const digits = value.replace(/\D/g, "").length;
    if (!/^\+\d[\d ()-]*$/.test(value) || digits < 8 || digits > 15) {
      ctx.addIssue({
        code: "custom",
        message:
          "must be in international format: + then 8 to 15 digits, spaces, hyphens or brackets, e.g. +7 7172 123456",
      });
    }
  })
  .openapi({ example: "+7 7172 123456" });

/** A calendar date YYYY-MM-DD, not in the future. */
export const pastDateField = z
  .string()
  .superRefine((value, ctx) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = new Date(`${value}T00:00:00Z`);
    if (
      !match ||
      Number.isNaN(date.getTime()) ||
      date.toISOString().slice(0, 10) !== value
    ) {
      ctx.addIssue({
        code: "custom",
        message: "must be a real date in the form YYYY-MM-DD",
      });
    } else if (date.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", message: "must not be in the future" });
    }
  })
  .openapi({ example: "2020-03-15" });

/** A taxation regime code. */
export const taxationRegimeField = z.enum(
  TAXATION_REGIMES.map((regime) => regime.code) as [string, ...string[]],
  {
    error: `must be one of ${TAXATION_REGIMES.map((r) => r.code).join(", ")}`,
  },
);

/** A 5-digit OKED code; the domain checks it against the classifier. */
export const okedField = z
  .string()
  .regex(/^\d{5}$/, "must be 5 digits, e.g. 47190")
  .openapi({ example: "47190" });

/** One right of RIGHTS. */
export const rightField = z.enum(RIGHTS, {
  error: `must be one of ${RIGHTS.join(", ")}`,
});

/** Paging query of list routes. */
export const pageQuery = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(20),
});

/** The error envelope, for the OpenAPI document. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
    }),
  })
  .openapi("Error");

/** Error responses every portal route may return. */
export const errorResponses = {
  400: {
    description: "Invalid request; the message names the field and rule",
    content: { "application/json": { schema: ErrorSchema } },
  },
  401: {
    description: "Not signed in",
    content: { "application/json": { schema: ErrorSchema } },
  },
  403: {
    description: "Missing right or CSRF header",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

/** The `:id` path parameter of a user, group, application or organisation. */
export const IdParam = z.object({ id: z.string().min(1).max(100) });
