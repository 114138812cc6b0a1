/**
 * KKM registry routes of the cabinet: models, points of sale, activation,
 * search, details, edits, token reset, blocking and deregistration.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../app-env";
import { requireOfferAccepted, requireTaxpayerCaller } from "../../auth/guards";
import { activateKkm } from "../../domain/kkms/activation";
import {
  createPointOfSale,
  listModels,
  listPointsOfSale,
} from "../../domain/kkms/catalog";
import {
  deregisterKkm,
  resetKkmToken,
  setKkmBlocked,
  updateKkm,
} from "../../domain/kkms/changes";
import { kkmDetails } from "../../domain/kkms/details";
import { searchKkms } from "../../domain/kkms/search";
import { requireRight } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "../portal/context";
import { errorResponses, textField } from "../portal/fields";
import { json } from "../portal/views";
import {
  checkDateRange,
  connectionMethodField,
  dateField,
  deviceTypeField,
  filedByField,
  kgdNumberField,
  kkmIdParam,
  modelIdField,
  newPointOfSaleBody,
  pagingQuery,
  statusField,
  timeZoneField,
} from "./fields";
import {
  KkmDetailsSchema,
  KkmModelSchema,
  KkmSchema,
  PointOfSaleSchema,
} from "./schemas";

export const kkmRegistry = createRouter();

/** Rejects activation before the body is read until the offer is accepted. */
const requireOffer: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireOfferAccepted(c.get("caller"));
  await next();
};

const notFound = {
  404: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "No such KKM in the caller's organisation",
  ),
};
const conflict = {
  409: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "KGD number in use, or the KKM is deregistered",
  ),
};

const ActivationBody = z
  .object({
    kgdNumber: kgdNumberField,
    serialNumber: textField(64),
    modelId: modelIdField,
    internalName: textField(100),
    pointOfSaleId: z.string().min(1).max(100).optional(),
    newPointOfSale: newPointOfSaleBody.optional(),
    timeZone: timeZoneField,
    deviceType: deviceTypeField,
    connectionMethod: connectionMethodField,
    operatingSystem: textField(100),
    filedBy: filedByField,
  })
  .superRefine((value, ctx) => {
    const given = [value.pointOfSaleId, value.newPointOfSale].filter(
      (field) => field !== undefined,
    ).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["pointOfSaleId"],
        message:
          "give exactly one of pointOfSaleId (an existing point of sale) or newPointOfSale",
      });
    }
  });

const ChangesBody = z
  .object({
    internalName: textField(100).optional(),
    pointOfSaleId: z.string().min(1).max(100).optional(),
    kgdNumber: kgdNumberField.optional(),
    serialNumber: textField(64).optional(),
    modelId: modelIdField.optional(),
    timeZone: timeZoneField.optional(),
    deviceType: deviceTypeField.optional(),
    connectionMethod: connectionMethodField.optional(),
    operatingSystem: textField(100).optional(),
    filedBy: filedByField.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    message: "give at least one field to change",
  });

const ReasonBody = z.object({ reason: textField(500) });

const SearchQuery = z
  .object({
    query: z
      .string()
      .trim()
      .max(100, "must be at most 100 characters")
      .optional(),
    pointOfSaleId: z.string().min(1).max(100).optional(),
    status: statusField.optional(),
    registeredFrom: dateField.optional(),
    registeredTo: dateField.optional(),
    deviceType: deviceTypeField.optional(),
    kgdNumber: z
      .string()
      .regex(/^\d{1,12}$/, "must be 1 to 12 digits of a KGD number")
      .optional(),
    ...pagingQuery,
  })
  .superRefine((value, ctx) =>
    checkDateRange(
      { from: value.registeredFrom, to: value.registeredTo },
      ctx,
      ["registeredFrom", "registeredTo"],
    ),
  );

kkmRegistry.openapi(
  createRoute({
    method: "get",
    path: "/models",
    tags: ["kkms"],
    summary: "Approved KKM models",
    middleware: [requireRight("view_reports")] as const,
    responses: {
      200: json(z.object({ items: z.array(KkmModelSchema) }), "Models"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const items = await listModels(database(c));

    return c.json({ items }, 200);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "get",
    path: "/points-of-sale",
    tags: ["kkms"],
    summary: "The organisation's points of sale",
    middleware: [requireRight("view_reports")] as const,
    responses: {
      200: json(z.object({ items: z.array(PointOfSaleSchema) }), "Points"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const caller = requireTaxpayerCaller(c.get("caller"));

    const items = await listPointsOfSale(database(c), caller.organisationId);

    return c.json({ items }, 200);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "post",
    path: "/points-of-sale",
    tags: ["kkms"],
    summary: "Add a point of sale",
    middleware: [requireRight("manage_kkms")] as const,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: newPointOfSaleBody } },
      },
    },
    responses: {
      201: json(z.object({ pointOfSale: PointOfSaleSchema }), "Created"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const pointOfSale = await createPointOfSale(
      database(c),
      caller.organisationId,
      input,
    );

    return c.json({ pointOfSale }, 201);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["kkms"],
    summary: "Activate a KKM; the answer carries its token, shown only once",
    middleware: [requireRight("manage_kkms"), requireOffer] as const,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: ActivationBody } },
      },
    },
    responses: {
      201: json(
        z.object({ kkm: KkmSchema, token: z.number() }),
        "Activated; enter the system id and token into the KKM",
      ),
      ...errorResponses,
      ...conflict,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireOfferAccepted(c.get("caller"));

    const activated = await activateKkm(
      database(c),
      c.env,
      caller.organisationId,
      input,
      new Date(),
    );

    c.get("log").info("kkm activated", {
      kkmId: activated.kkm.id,
      organisationId: caller.organisationId,
    });
    return c.json(activated, 201);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["kkms"],
    summary: "Search KKMs, grouped by point of sale",
    middleware: [requireRight("view_reports")] as const,
    request: { query: SearchQuery },
    responses: {
      200: json(
        z.object({
          groups: z.array(
            z.object({
              pointOfSale: PointOfSaleSchema,
              kkms: z.array(KkmSchema),
            }),
          ),
          nextCursor: z.string().nullable(),
        }),
        "A page of KKMs",
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const search = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const result = await searchKkms(
      database(c),
      c.env,
      caller.organisationId,
      search,
      c.get("log"),
    );

    return c.json(result, 200);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    tags: ["kkms"],
    summary: "A KKM with its point of sale and live state",
    middleware: [requireRight("view_reports")] as const,
    request: { params: kkmIdParam },
    responses: {
      200: json(KkmDetailsSchema, "The KKM"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const details = await kkmDetails(
      database(c),
      c.env,
      caller.organisationId,
      id,
      c.get("log"),
    );

    return c.json(details, 200);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "put",
    path: "/{id}",
    tags: ["kkms"],
    summary: "Edit a KKM; a new KGD number keeps the old one as previous",
    middleware: [requireRight("manage_kkms")] as const,
    request: {
      params: kkmIdParam,
      body: {
        required: true,
        content: { "application/json": { schema: ChangesBody } },
      },
    },
    responses: {
      200: json(z.object({ kkm: KkmSchema }), "The changed KKM"),
      ...errorResponses,
      ...notFound,
      ...conflict,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const changes = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const kkm = await updateKkm(
      database(c),
      c.env,
      caller.organisationId,
      id,
      changes,
      new Date(),
    );

    return c.json({ kkm }, 200);
  },
);

kkmRegistry.openapi(
  createRoute({
    method: "post",
    path: "/{id}/token",
    tags: ["kkms"],
    summary: "Issue a new token; the old one stops working at once",
    middleware: [requireRight("manage_kkms")] as const,
    request: { params: kkmIdParam },
    responses: {
      200: json(z.object({ token: z.number() }), "The new token, shown once"),
      ...errorResponses,
      ...notFound,
      ...conflict,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const result = await resetKkmToken(
      database(c),
      c.env,
      caller.organisationId,
      id,
      new Date(),
    );

    c.get("log").info("kkm token reset", { kkmId: id });
    return c.json(result, 200);
  },
);

for (const [path, summary] of [
  ["deregister", "Deregister a KKM; its receipts and reports are kept"],
  ["block", "Block a KKM; the register gets result 15 with the reason"],
] as const) {
  kkmRegistry.openapi(
    createRoute({
      method: "post",
      path: `/{id}/${path}`,
      tags: ["kkms"],
      summary,
      middleware: [requireRight("manage_kkms")] as const,
      request: {
        params: kkmIdParam,
        body: {
          required: true,
          content: { "application/json": { schema: ReasonBody } },
        },
      },
      responses: {
        200: json(z.object({ kkm: KkmSchema }), "The changed KKM"),
        ...errorResponses,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { reason } = c.req.valid("json");
      const caller = requireTaxpayerCaller(c.get("caller"));

      const db = database(c);
      const kkm =
        path === "deregister"
          ? await deregisterKkm(
              db,
              c.env,
              caller.organisationId,
              id,
              reason,
              new Date(),
            )
          : await setKkmBlocked(db, c.env, caller.organisationId, id, reason);

      c.get("log").info(`kkm ${path}`, { kkmId: id });
      return c.json({ kkm }, 200);
    },
  );
}

kkmRegistry.openapi(
  createRoute({
    method: "post",
    path: "/{id}/unblock",
    tags: ["kkms"],
    summary: "Unblock a blocked KKM",
    middleware: [requireRight("manage_kkms")] as const,
    request: { params: kkmIdParam },
    responses: {
      200: json(z.object({ kkm: KkmSchema }), "The changed KKM"),
      ...errorResponses,
      ...notFound,
      ...conflict,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const kkm = await setKkmBlocked(
      database(c),
      c.env,
      caller.organisationId,
      id,
      null,
    );

    c.get("log").info("kkm unblock", { kkmId: id });
    return c.json({ kkm }, 200);
  },
);
