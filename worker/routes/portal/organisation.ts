/** The organisation's requisites and its audit log. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireTaxpayerCaller } from "../../auth/guards";
import { listAudit } from "../../domain/accounts/audit";
import {
  getOrganisation,
  updateOrganisation,
} from "../../domain/accounts/organisation";
import { pushOrganisationKkms } from "../../domain/operator/organisations";
import { requireRight, requireTaxpayer } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "./context";
import { errorResponses, pageQuery } from "./fields";
import { RequisitesSchema } from "./requisites";
import { AuditEntrySchema, json, OrganisationSchema, pageOf } from "./views";
import { auditCursor } from "./cursors";

export const organisation = createRouter();

organisation.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["organisation"],
    summary: "The caller's organisation (null before wizard step 2)",
    middleware: [requireTaxpayer()] as const,
    responses: {
      200: json(
        z.object({ organisation: OrganisationSchema.nullable() }),
        "The organisation",
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const caller = requireTaxpayerCaller(c.get("caller"));

    const found = await getOrganisation(database(c), caller.organisationId);

    return c.json({ organisation: found }, 200);
  },
);

organisation.openapi(
  createRoute({
    method: "put",
    path: "/",
    tags: ["organisation"],
    summary: "Change some of the organisation's requisites",
    middleware: [requireRight("manage_users")] as const,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: RequisitesSchema.partial().refine(
              (value) => Object.keys(value).length > 0,
              "must contain at least one requisite to change",
            ),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ organisation: OrganisationSchema }), "Changed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const db = database(c);
    const updated = await updateOrganisation(
      db,
      caller.userId,
      caller.organisationId,
      input,
      new Date(),
    );
    // KKM objects print the organisation's name and address on receipts.
    await pushOrganisationKkms(db, c.env, caller.organisationId);

    return c.json({ organisation: updated }, 200);
  },
);

organisation.openapi(
  createRoute({
    method: "get",
    path: "/audit",
    tags: ["organisation"],
    summary: "Who changed what in the organisation, newest first",
    middleware: [requireRight("manage_users")] as const,
    request: { query: pageQuery },
    responses: {
      200: json(pageOf(AuditEntrySchema), "A page of entries"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const page = await listAudit(
      database(c),
      { organisationId: caller.organisationId },
      { cursor: auditCursor(cursor), limit },
    );

    return c.json(page, 200);
  },
);
