/** Schemas of the public receipt check: its query and the receipt it returns. */
import { z } from "@hono/zod-openapi";
import type { PublicReceipt } from "../../../durable/kkm/public-receipt";

/** Pattern of the `i` field: fiscal sign or autonomous number. */
export const SIGN_PATTERN = /^\d{1,19}$/;
/** Pattern of the `f` field: KGD registration number. */
export const KGD_NUMBER_PATTERN = /^\d{12}$/;
/** Pattern of the `s` field: tenge with up to 2 decimals after a dot. */
export const TOTAL_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
/** Pattern of the `t` field: local date-time, seconds optional. */
export const LOCAL_TIME_PATTERN = /^\d{8}T\d{4}(\d{2})?$/;

/** Builds a required query field matching `pattern`; errors name `expected`. */
function field(pattern: RegExp, expected: string) {
  return z
    .string({ error: `is required: ${expected}` })
    .regex(pattern, { error: `invalid value; expected ${expected}` });
}

export const CheckQuerySchema = z.object({
  i: field(
    SIGN_PATTERN,
    "1 to 19 digits, the fiscal sign or the autonomous number",
  ).openapi({
    description:
      "Fiscal sign the OFD issued, or the autonomous number printed on a receipt made offline",
    example: "4228143549",
  }),
  f: field(
    KGD_NUMBER_PATTERN,
    "the 12-digit KGD registration number of the KKM",
  ).openapi({
    description: "KGD registration number of the KKM",
    example: "620300014538",
  }),
  s: field(
    TOTAL_PATTERN,
    "the total in tenge with up to 2 decimals after a dot, e.g. 696.90",
  ).openapi({
    description:
      "Receipt total in tenge, dot decimal, up to 2 decimals (696.90, 13507.0 and 12 are accepted), at most 10^12 tenge",
    example: "696.90",
  }),
  t: field(
    LOCAL_TIME_PATTERN,
    "the local date and time as yyyyMMddTHHmmss, e.g. 20261204T123000",
  ).openapi({
    description:
      "Local date-time of the receipt, yyyyMMddTHHmmss. Without seconds (yyyyMMddTHHmm) any second of that minute matches. At most one day ahead of the server clock.",
    example: "20261204T123000",
  }),
});

const tiyn = z.number().int().openapi({ description: "Amount in tiyn" });
const vat = z
  .object({
    percent: z
      .number()
      .int()
      .openapi({ description: "VAT rate in thousandths (16000 is 16 %)" }),
    sum: tiyn,
  })
  .openapi("ReceiptVat");

const ReceiptLineSchema = z
  .object({
    kind: z.enum([
      "commodity",
      "storno_commodity",
      "markup",
      "storno_markup",
      "discount",
      "storno_discount",
    ]),
    name: z.string(),
    quantity: z.number().int().nullable().openapi({
      description:
        "Quantity in thousandths (1500 is 1.5); null for discounts and markups",
    }),
    unitPrice: tiyn.nullable(),
    sum: tiyn.openapi({ description: "Line amount in tiyn, taxes included" }),
    vat: vat.nullable(),
    measureUnitCode: z.string().nullable(),
    barcode: z.string().nullable(),
  })
  .openapi("ReceiptLine");

export const PublicReceiptSchema = z
  .object({
    seller: z.object({
      name: z.string(),
      iinBin: z.string().openapi({ example: "250140000013" }),
    }),
    pointOfSale: z.object({ name: z.string(), address: z.string() }),
    kkm: z.object({ kgdNumber: z.string(), serialNumber: z.string() }),
    operation: z.enum(["buy", "buy_return", "sell", "sell_return"]),
    fiscalSign: z.string(),
    autonomous: z.boolean().openapi({
      description: "True for a receipt made while the KKM worked offline",
    }),
    autonomousNumber: z.number().int().nullable(),
    dateTime: z.string().openapi({
      description: "Local date-time on the KKM, YYYY-MM-DDTHH:mm:ss",
      example: "2026-12-04T12:30:00",
    }),
    shiftNumber: z.number().int(),
    documentNumber: z.number().int().nullable(),
    lines: z.array(ReceiptLineSchema),
    discount: tiyn,
    markup: tiyn,
    payments: z.array(
      z.object({
        type: z.enum(["cash", "card", "credit", "tare", "mobile"]),
        sum: tiyn,
      }),
    ),
    vat: z.array(vat),
    total: tiyn,
    taken: tiyn.nullable(),
    change: tiyn.nullable(),
    ofdName: z.string(),
    qrUrl: z.string().openapi({
      example:
        "http://127.0.0.1:8787/check?i=4228143549&f=620300014538&s=696.90&t=20261204T123000",
    }),
  })
  .openapi("PublicReceipt");

/** The API's error envelope, described inline. */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
  }),
});

// The schema and the object's view must describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesView: Same<
  z.infer<typeof PublicReceiptSchema>,
  PublicReceipt
> = true;
void schemaMatchesView;
