/** The operator cabinet: sign-in, organisations and the audit log. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireOperatorCaller } from "../../auth/guards";
import { listAudit } from "../../domain/accounts/audit";
import { login } from "../../domain/accounts/login";
import { userView } from "../../domain/accounts/views";
import {
  searchOrganisations,
  setOrganisationBlocked,
} from "../../domain/operator/organisations";
import { requireOperator } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database, setSessionCookie } from "./context";
import { auditCursor } from "./cursors";
import { errorResponses, IdParam, pageQuery, textField } from "./fields";
import {
  AuditEntrySchema,
  json,
  OfferStateSchema,
  pageOf,
  SignedInSchema,
} from "./views";

export const operator = createRouter();

const OrganisationSummarySchema = z
  .object({
    id: z.string(),
    iinBin: z.string(),
    fullName: z.string(),
    status: z.enum(["active", "blocked"]),
    blockReason: z.string().nullable(),
    kkmCount: z.number(),
    offer: OfferStateSchema,
    createdAt: z.string(),
  })
  .openapi("OrganisationSummary");

const BlockResultSchema = z.object({
  organisation: z.object({
    id: z.string(),
    status: z.enum(["active", "blocked"]),
    blockReason: z.string().nullable(),
    kkmIds: z.array(z.number()),
  }),
});

operator.openapi(
  createRoute({
    method: "post",
    path: "/login",
    tags: ["operator"],
    summary: "Sign in as OFD staff",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              login: textField(100),
              password: z.string().min(1, "must not be empty").max(128),
            }),
          },
        },
      },
    },
    responses: {
      200: json(SignedInSchema, "Signed in; the session cookie is set"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");

    const { user, session } = await login(
      database(c),
      {
        kind: "operator",
        login: input.login,
        password: input.password,
        address: c.req.header("cf-connecting-ip") ?? null,
      },
      new Date(),
    );

    setSessionCookie(c, session.cookieValue);
    return c.json({ user: userView(user), csrfToken: session.csrfToken }, 200);
  },
);

operator.openapi(
  createRoute({
    method: "get",
    path: "/organisations",
    tags: ["operator"],
    summary: "Find organisations by IIN/BIN prefix or part of the name",
    middleware: [requireOperator()] as const,
    request: {
      query: pageQuery.extend({
        query: z.string().trim().max(200).default(""),
      }),
    },
    responses: {
      200: json(pageOf(OrganisationSummarySchema), "A page of organisations"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { query, cursor, limit } = c.req.valid("query");

    const page = await searchOrganisations(database(c), query, {
      cursor,
      limit,
    });

    return c.json(page, 200);
  },
);

operator.openapi(
  createRoute({
    method: "post",
    path: "/organisations/{id}/block",
    tags: ["operator"],
    summary: "Block an organisation; its KKMs get result 15 with the reason",
    middleware: [requireOperator()] as const,
    request: {
      params: IdParam,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ reason: textField(200) }),
          },
        },
      },
    },
    responses: {
      200: json(BlockResultSchema, "Blocked"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const caller = requireOperatorCaller(c.get("caller"));

    const organisation = await setOrganisationBlocked(
      database(c),
      c.env,
      caller.userId,
      id,
      { reason },
      new Date(),
    );

    c.get("log").info("organisation blocked", {
      organisationId: id,
      kkmIds: organisation.kkmIds,
    });
    return c.json({ organisation }, 200);
  },
);

operator.openapi(
  createRoute({
    method: "post",
    path: "/organisations/{id}/unblock",
    tags: ["operator"],
    summary: "Unblock an organisation and its KKMs",
    middleware: [requireOperator()] as const,
    request: { params: IdParam },
    responses: {
      200: json(BlockResultSchema, "Unblocked"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireOperatorCaller(c.get("caller"));

    const organisation = await setOrganisationBlocked(
      database(c),
      c.env,
      caller.userId,
      id,
      null,
      new Date(),
    );

    c.get("log").info("organisation unblocked", {
      organisationId: id,
      kkmIds: organisation.kkmIds,
    });
    return c.json({ organisation }, 200);
  },
);

operator.openapi(
  createRoute({
    method: "get",
    path: "/audit",
    tags: ["operator"],
    summary: "Actions of OFD operators, newest first",
    middleware: [requireOperator()] as const,
    request: { query: pageQuery },
    responses: {
      200: json(pageOf(AuditEntrySchema), "A page of entries"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { cursor, limit } = c.req.valid("query");

    const page = await listAudit(
      database(c),
      { actorKind: "operator" },
      { cursor: auditCursor(cursor), limit },
    );

    return c.json(page, 200);
  },
);
