/**
 * The buyers' lottery routes under /api/public/lottery: draws and their
 * rules, entering a receipt, the published results, and one's own entries
 * through a single-use link. Rate-limited per client address.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { PublicReceipt } from "../../../durable/kkm/public-receipt";
import { kkmSession } from "../../domain/kkm-session-stub";
import { parseContact } from "../../domain/lottery/contact";
import { getDraw, listDraws } from "../../domain/lottery/draws";
import { enterReceipt } from "../../domain/lottery/entries";
import {
  openMyEntries,
  sendMyEntriesLink,
} from "../../domain/lottery/my-entries";
import { drawResults } from "../../domain/lottery/results";
import { outboxMailer } from "../../domain/mail/mailer";
import { AppError } from "../../errors";
import { createRouter } from "../../openapi";
import { database, portalOrigin } from "../portal/context";
import { ErrorSchema } from "../portal/fields";
import { json } from "../portal/views";
import { RECEIPT_NOT_FOUND } from "../public/receipts";
import { drawNotFound, invalidField } from "./errors";
import { receiptInputOf } from "./entry-input";
import { lotteryRateLimit } from "./rate-limit";
import {
  ContactSchema,
  DrawIdParam,
  DrawSchema,
  EntrySchema,
  EntryViewSchema,
  MyEntriesSchema,
  ResultsSchema,
  TokenQuery,
} from "./schemas";

export const publicLottery = createRouter();

const errorContent = { "application/json": { schema: ErrorSchema } };
const error = (description: string) => ({
  description,
  content: errorContent,
});
const rateLimited = error("Too many requests; retry-after gives the seconds");

// Counted before validation, so malformed requests use up the budget too.
publicLottery.use("*", lotteryRateLimit());

publicLottery.openapi(
  createRoute({
    method: "get",
    path: "/draws",
    tags: ["public", "lottery"],
    summary: "Draws with their rules and status, newest first (at most 100)",
    responses: {
      200: json(z.object({ items: z.array(DrawSchema) }), "The draws"),
      429: rateLimited,
    },
  }),
  async (c) => {
    const items = await listDraws(database(c), new Date());

    return c.json({ items }, 200);
  },
);

publicLottery.openapi(
  createRoute({
    method: "get",
    path: "/draws/{id}",
    tags: ["public", "lottery"],
    summary: "One draw with its rules",
    request: { params: DrawIdParam },
    responses: {
      200: json(z.object({ draw: DrawSchema }), "The draw"),
      400: error("Malformed draw id"),
      404: error("No such draw"),
      429: rateLimited,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");

    const draw = await getDraw(database(c), id, new Date());

    if (!draw) throw drawNotFound(id);
    return c.json({ draw }, 200);
  },
);

publicLottery.openapi(
  createRoute({
    method: "post",
    path: "/draws/{id}/entries",
    tags: ["public", "lottery"],
    summary: "Enter a receipt into a draw",
    description:
      "Give the receipt's QR link as qrUrl, or its four numbers as i, f, s and t (as in the link), plus a phone (+7…) or e-mail as contact. The receipt must exist, be a sale dated inside the period, reach the minimum total and not be entered yet. Nothing is stored on failure.",
    request: {
      params: DrawIdParam,
      body: { content: { "application/json": { schema: EntrySchema } } },
    },
    responses: {
      201: json(z.object({ entry: EntryViewSchema }), "The entry"),
      400: error(
        "A field is missing or invalid, or the receipt breaks a rule; the message names the field",
      ),
      404: error("No such draw, or no such receipt"),
      409: error("The draw is not open, or the receipt is already entered"),
      429: rateLimited,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const input = receiptInputOf(body);
    const contact = parseContact(body.contact);
    if ("problem" in contact) throw invalidField("contact", contact.problem);

    const result = await enterReceipt(
      database(c),
      async (kkmId, query) =>
        (await kkmSession(c.env, kkmId).findReceipt(
          query,
        )) as PublicReceipt | null,
      id,
      input,
      contact,
      new Date(),
    );

    if (result.reason !== "entered") {
      c.get("log").info("lottery entry rejected", {
        drawId: id,
        reason: result.reason,
      });
    }
    switch (result.reason) {
      case "entered":
        c.get("log").info("lottery entry accepted", {
          drawId: id,
          entryId: result.entry.id,
        });
        return c.json({ entry: result.entry }, 201);
      case "invalid":
        throw invalidField(result.field, result.message);
      case "draw_not_found":
        throw drawNotFound(id);
      case "receipt_not_found":
        throw new AppError("NOT_FOUND", RECEIPT_NOT_FOUND);
      case "draw_not_open":
      case "duplicate":
        throw new AppError("CONFLICT", result.message);
    }
  },
);

publicLottery.openapi(
  createRoute({
    method: "get",
    path: "/draws/{id}/results",
    tags: ["public", "lottery"],
    summary: "The published result: seed, hash, digest, masked list, winners",
    description:
      "Entries are sorted by key hash (hex SHA-256 of `<KGD number>:<fiscal sign>`); with the seed and these key hashes anyone can recompute the list digest and the winners.",
    request: { params: DrawIdParam },
    responses: {
      200: json(ResultsSchema, "The result"),
      400: error("Malformed draw id"),
      404: error("No such draw"),
      409: error("The draw has not been drawn yet"),
      429: rateLimited,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");

    const outcome = await drawResults(database(c), id, new Date());

    switch (outcome.reason) {
      case "ok":
        return c.json(outcome.results, 200);
      case "not_found":
        throw drawNotFound(id);
      case "not_drawn":
        throw new AppError("CONFLICT", outcome.message);
    }
  },
);

publicLottery.openapi(
  createRoute({
    method: "post",
    path: "/my-entries/link",
    tags: ["public", "lottery"],
    summary: "Send a single-use link to one's entries",
    description:
      "Always 202, whether or not the contact has entries. With entries, an e-mail or (for a phone) an SMS carries a link that opens once within 30 minutes.",
    request: {
      body: { content: { "application/json": { schema: ContactSchema } } },
    },
    responses: {
      202: json(z.object({ sent: z.literal(true) }), "Accepted"),
      400: error("The contact is not a phone +7… or an e-mail address"),
      429: rateLimited,
    },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const contact = parseContact(body.contact);
    if ("problem" in contact) throw invalidField("contact", contact.problem);

    const now = new Date();
    await sendMyEntriesLink(
      database(c),
      outboxMailer(database(c), now),
      contact,
      portalOrigin(c),
      now,
    );

    return c.json({ sent: true as const }, 202);
  },
);

publicLottery.openapi(
  createRoute({
    method: "get",
    path: "/my-entries",
    tags: ["public", "lottery"],
    summary: "One's entries, through the single-use link's token",
    request: { query: TokenQuery },
    responses: {
      200: json(MyEntriesSchema, "The entries of the link's contact"),
      400: error("Malformed token"),
      404: error("The link is unknown, used or expired"),
      429: rateLimited,
    },
  }),
  async (c) => {
    const { token } = c.req.valid("query");

    const outcome = await openMyEntries(database(c), token, new Date());

    if (outcome.reason === "invalid_link") {
      throw new AppError(
        "NOT_FOUND",
        "this link is unknown, already used or expired; ask for a new link on the my entries page",
      );
    }
    return c.json(
      { contactMasked: outcome.contactMasked, entries: outcome.entries },
      200,
    );
  },
);
