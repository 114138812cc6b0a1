/** Classifiers for the registration form and the local mail outbox. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  listOkedCodes,
  TAXATION_REGIMES,
} from "../../domain/accounts/classifiers";
import { listOutbox } from "../../domain/mail/mailer";
import { AppError } from "../../errors";
import { createRouter } from "../../openapi";
import { database } from "./context";
import { auditCursor } from "./cursors";
import { errorResponses, pageQuery } from "./fields";
import { json, pageOf } from "./views";

export const classifiers = createRouter();
export const devMail = createRouter();

const CodeName = z.object({ code: z.string(), name: z.string() });

classifiers.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["registration"],
    summary: "Taxation regimes and OKED codes",
    responses: {
      200: json(
        z.object({
          taxationRegimes: z.array(CodeName),
          oked: z.array(CodeName),
        }),
        "The classifiers",
      ),
    },
  }),
  async (c) => {
    const oked = await listOkedCodes(database(c));

    return c.json(
      { taxationRegimes: TAXATION_REGIMES.map((r) => ({ ...r })), oked },
      200,
    );
  },
);

devMail.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["dev"],
    summary: "The local mail outbox, newest first (DEMO_MODE on only)",
    request: { query: pageQuery },
    responses: {
      200: json(
        pageOf(
          z.object({
            id: z.number(),
            to: z.string(),
            subject: z.string(),
            text: z.string(),
            link: z.string().optional(),
            createdAt: z.string(),
          }),
        ),
        "A page of messages",
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { cursor, limit } = c.req.valid("query");
    if (c.env.DEMO_MODE !== "on") {
      throw new AppError(
        "NOT_FOUND",
        `no API route GET ${c.req.path}; the mail outbox is shown only with DEMO_MODE=on`,
      );
    }

    const page = await listOutbox(database(c), {
      cursor: auditCursor(cursor),
      limit,
    });

    return c.json(page, 200);
  },
);
