/** Reads the receipt of an entry request: a QR link or the four fields. */
import type { z } from "@hono/zod-openapi";
import type { ReceiptInput } from "../../domain/lottery/receipt-input";
import { invalidField } from "./errors";
import type { EntrySchema } from "./schemas";

const FIELDS = ["i", "f", "s", "t"] as const;

/** Returns the receipt input of a valid body; throws a 400 naming the fields. */
export function receiptInputOf(
  body: z.infer<typeof EntrySchema>,
): ReceiptInput {
  const givenFields = FIELDS.filter((key) => body[key] !== undefined);
  const qrUrl = body.qrUrl?.trim() ?? "";

  if (qrUrl !== "") {
    if (givenFields.length > 0) {
      throw invalidField(
        "qrUrl",
        `give either qrUrl or the fields i, f, s and t, not both (got ${givenFields.join(", ")} too)`,
      );
    }
    return { qrUrl };
  }

  const missing = FIELDS.filter((key) => body[key] === undefined);
  if (missing.length > 0) {
    throw invalidField(
      missing.join(", "),
      "missing; give the receipt's QR link as qrUrl, or all of i (fiscal sign), f (KGD number), s (total) and t (date-time)",
    );
  }
  return { i: body.i!, f: body.f!, s: body.s!, t: body.t! };
}
