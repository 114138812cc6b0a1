/** Request and response schemas of the lottery routes. */
import { z } from "@hono/zod-openapi";
import { isCalendarDate } from "../../domain/lottery/period";

/** Maximum length of a draw's rules text, in characters. */
export const MAX_RULES_LENGTH = 10_000;

/** Largest minimum receipt total, in tiyn (10^12 tenge, the check's maximum). */
export const MAX_MIN_TOTAL = 100_000_000_000_000;

export const DrawIdParam = z.object({
  id: z
    .string()
    .regex(/^draw_[0-9a-f]{24}$/, "must be a draw id like draw_4f1c…")
    .openapi({ example: "draw_0123456789abcdef01234567" }),
});

const calendarDate = z
  .string({ error: "is required: a date YYYY-MM-DD" })
  .refine(isCalendarDate, "must be a real date in the form YYYY-MM-DD")
  .openapi({ example: "2026-12-31" });

export const NewDrawSchema = z.object({
  title: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters"),
  rulesText: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_RULES_LENGTH, `must be at most ${MAX_RULES_LENGTH} characters`),
  periodFrom: calendarDate.openapi({
    description: "First day of the period, Asia/Almaty, inclusive",
  }),
  periodTo: calendarDate.openapi({
    description: "Last day of the period, Asia/Almaty, inclusive",
  }),
  prizeCount: z
    .number({ error: "must be a number from 1 to 1000" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000"),
  minReceiptTotal: z
    .number({ error: "must be a number of tiyn" })
    .int("must be a whole number of tiyn")
    .min(0, "must not be negative")
    .max(MAX_MIN_TOTAL, `must be at most ${MAX_MIN_TOTAL} tiyn`)
    .openapi({ description: "Smallest receipt total that may enter, in tiyn" }),
});

export const CommitSchema = z.object({
  seedHash: z
    .string({ error: "is required: the hex SHA-256 of the secret seed" })
    .regex(
      /^[0-9a-fA-F]{64}$/,
      "must be 64 hex digits, the SHA-256 of the seed",
    )
    .transform((value) => value.toLowerCase())
    .openapi({
      description:
        "Hex SHA-256 of the UTF-8 bytes of the secret seed; the seed itself is sent only at the draw",
    }),
});

export const SeedSchema = z.object({
  seed: z
    .string({ error: "is required: the secret seed committed earlier" })
    .regex(
      /^[\x21-\x7e]{16,256}$/,
      "must be 16 to 256 printable ASCII characters without spaces",
    ),
});

const field = (pattern: RegExp, expected: string) =>
  z
    .string()
    .trim()
    .regex(pattern, `invalid value; expected ${expected}`)
    .optional();

export const EntrySchema = z.object({
  qrUrl: z
    .string()
    .max(2000, "must be at most 2000 characters")
    .optional()
    .openapi({
      description: "The receipt's QR link, pasted whole; or give i, f, s and t",
    }),
  i: field(/^\d{1,19}$/, "1 to 19 digits, the fiscal sign").openapi({
    description: "Fiscal sign (or autonomous number)",
  }),
  f: field(/^\d{12}$/, "the 12-digit KGD registration number").openapi({
    description: "KGD registration number of the KKM",
  }),
  s: field(
    /^\d{1,16}(\.\d{1,2})?$/,
    "the total in tenge with up to 2 decimals after a dot, e.g. 696.90",
  ).openapi({ description: "Receipt total in tenge" }),
  t: field(
    /^\d{8}T\d{4}(\d{2})?$/,
    "the local date and time as yyyyMMddTHHmmss, e.g. 20261204T123000",
  ).openapi({ description: "Local date-time of the receipt" }),
  contact: z
    .string({ error: "is required: a phone +7… or an e-mail address" })
    .max(300, "must be at most 300 characters")
    .openapi({ example: "+7 701 234 5678" }),
});

export const ContactSchema = z.object({
  contact: z
    .string({ error: "is required: a phone +7… or an e-mail address" })
    .max(300, "must be at most 300 characters"),
});

export const TokenQuery = z.object({
  token: z
    .string({ error: "is required: the token of the link you received" })
    .regex(
      /^[0-9a-f]{64}$/,
      "must be the 64 hex digits of the link you received",
    ),
});

export const DrawSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    rulesText: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    prizeCount: z.number().int(),
    minReceiptTotal: z.number().int(),
    status: z.enum(["upcoming", "open", "closed", "drawn"]),
    seedHash: z.string().nullable(),
    committedAt: z.string().nullable(),
    seed: z.string().nullable().openapi({
      description: "The secret seed, published once the draw has run",
    }),
    listDigest: z.string().nullable(),
    entryCount: z.number().int(),
    drawnAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("LotteryDraw");

export const EntryViewSchema = z
  .object({
    id: z.number().int(),
    drawId: z.string(),
    kgdNumber: z.string(),
    fiscalSign: z.string(),
    receiptDateTime: z.string(),
    receiptTotal: z.number().int(),
    contactMasked: z.string(),
    keyHash: z.string(),
    createdAt: z.string(),
  })
  .openapi("LotteryEntry");

const PublicEntrySchema = z.object({
  index: z.number().int(),
  keyHash: z.string().openapi({
    description: "Hex SHA-256 of `<KGD number>:<fiscal sign>`",
  }),
  kgdNumberMasked: z.string(),
  fiscalSignMasked: z.string(),
  contactMasked: z.string(),
});

export const ResultsSchema = z
  .object({
    draw: DrawSchema,
    entries: z.array(PublicEntrySchema),
    winners: z.array(PublicEntrySchema.extend({ place: z.number().int() })),
  })
  .openapi("LotteryResults");

export const MyEntriesSchema = z
  .object({
    contactMasked: z.string(),
    entries: z.array(
      z.object({
        drawId: z.string(),
        drawTitle: z.string(),
        drawStatus: z.enum(["upcoming", "open", "closed", "drawn"]),
        kgdNumber: z.string(),
        fiscalSign: z.string(),
        receiptDateTime: z.string(),
        receiptTotal: z.number().int(),
        keyHash: z.string(),
        place: z.number().int().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi("LotteryMyEntries");
