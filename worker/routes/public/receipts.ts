/** The buyer's receipt check, the target of every receipt's QR link. */
import { createRoute } from "@hono/zod-openapi";
import { drizzle } from "drizzle-orm/d1";
import type { PublicReceipt } from "../../../durable/kkm/public-receipt";
import { checkReceipt } from "../../domain/receipt-check";
import { kkmSession } from "../../domain/kkm-session-stub";
import { AppError } from "../../errors";
import { createRouter } from "../../openapi";
import { receiptCheckRateLimit } from "./rate-limit";
import {
  CheckQuerySchema,
  ErrorSchema,
  PublicReceiptSchema,
} from "./receipt-schemas";

/**
 * The one answer to every miss, so a caller cannot learn which field was
 * wrong (for example that a KGD number exists) by trying variations.
 */
export const RECEIPT_NOT_FOUND =
  "receipt not found: check the fiscal sign, KGD number, sum and date";

export const publicReceipts = createRouter();

const errorContent = { "application/json": { schema: ErrorSchema } };

// Counted before validation, so malformed requests use up the budget too.
publicReceipts.use("/check", receiptCheckRateLimit());

publicReceipts.openapi(
  createRoute({
    method: "get",
    path: "/check",
    tags: ["public"],
    summary: "Check a receipt by the fields of its QR link",
    description:
      "Finds a receipt by fiscal sign (or autonomous number), KGD number, total and local date-time, as printed in the receipt's QR link. Needs no sign-in; at most 60 checks per minute per client address.",
    request: { query: CheckQuerySchema },
    responses: {
      200: {
        description: "The receipt, as the buyer's check page shows it",
        content: { "application/json": { schema: PublicReceiptSchema } },
      },
      400: {
        description: "A field is missing or malformed; the message names it",
        content: errorContent,
      },
      404: {
        description: `No such receipt; always the message "${RECEIPT_NOT_FOUND}"`,
        content: errorContent,
      },
      429: {
        description:
          "Too many checks from this address; the retry-after header gives the seconds to wait",
        content: errorContent,
      },
    },
  }),
  async (c) => {
    const params = c.req.valid("query");

    const result = await checkReceipt(
      drizzle(c.env.DB),
      async (kkmId, query) =>
        (await kkmSession(c.env, kkmId).findReceipt(
          query,
        )) as PublicReceipt | null,
      params,
      new Date(),
    );

    switch (result.reason) {
      case "found":
        return c.json(result.receipt, 200);
      case "invalid":
        throw new AppError(
          "BAD_REQUEST",
          `Invalid request. ${result.field}: ${result.message}`,
        );
      case "unknown_kgd_number":
      case "no_matching_receipt":
        c.get("log").info("receipt check missed", {
          reason: result.reason,
          kgdNumber: params.f,
        });
        throw new AppError("NOT_FOUND", RECEIPT_NOT_FOUND);
    }
  },
);
