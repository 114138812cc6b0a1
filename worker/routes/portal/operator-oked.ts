/** The operator's edits of the OKED classifier used at registration. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireOperatorCaller } from "../../auth/guards";
import {
  addOkedCode,
  removeOkedCode,
  renameOkedCode,
  searchOkedCodes,
} from "../../domain/operator/oked";
import { requireOperator } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "./context";
import {
  errorResponses,
  ErrorSchema,
  okedField,
  pageQuery,
  textField,
} from "./fields";
import { json, pageOf } from "./views";

export const operatorOked = createRouter();

/** Maximum length of an activity name, in characters. */
const MAX_NAME_LENGTH = 500;

const OkedSchema = z
  .object({ code: z.string(), name: z.string() })
  .openapi("OkedCode");

const CodeParam = z.object({ code: okedField });

const SearchQuery = pageQuery.extend({
  query: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .default(""),
  cursor: z
    .string()
    .regex(/^\d{5}$/, "must be the nextCursor of the previous page")
    .optional(),
});

const conflict = {
  409: json(ErrorSchema, "The code is listed already, or is in use"),
};
const notFound = {
  404: json(ErrorSchema, "No such code in the classifier"),
};

operatorOked.openapi(
  createRoute({
    method: "get",
    path: "/oked",
    tags: ["operator"],
    summary: "Find OKED codes by code prefix or part of the name",
    middleware: [requireOperator()] as const,
    request: { query: SearchQuery },
    responses: {
      200: json(pageOf(OkedSchema), "A page of codes"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { query, cursor, limit } = c.req.valid("query");

    const page = await searchOkedCodes(database(c), query, { cursor, limit });

    return c.json(page, 200);
  },
);

operatorOked.openapi(
  createRoute({
    method: "post",
    path: "/oked",
    tags: ["operator"],
    summary: "Add an OKED code",
    middleware: [requireOperator()] as const,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              code: okedField,
              name: textField(MAX_NAME_LENGTH),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ oked: OkedSchema }), "Added"),
      ...errorResponses,
      ...conflict,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireOperatorCaller(c.get("caller"));

    const oked = await addOkedCode(
      database(c),
      caller.userId,
      input,
      new Date(),
    );

    c.get("log").info("oked code added", { code: oked.code });
    return c.json({ oked }, 201);
  },
);

operatorOked.openapi(
  createRoute({
    method: "put",
    path: "/oked/{code}",
    tags: ["operator"],
    summary: "Rename an OKED code",
    middleware: [requireOperator()] as const,
    request: {
      params: CodeParam,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ name: textField(MAX_NAME_LENGTH) }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ oked: OkedSchema }), "Renamed"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { code } = c.req.valid("param");
    const { name } = c.req.valid("json");
    const caller = requireOperatorCaller(c.get("caller"));

    const oked = await renameOkedCode(
      database(c),
      caller.userId,
      code,
      name,
      new Date(),
    );

    c.get("log").info("oked code renamed", { code });
    return c.json({ oked }, 200);
  },
);

operatorOked.openapi(
  createRoute({
    method: "delete",
    path: "/oked/{code}",
    tags: ["operator"],
    summary: "Remove an OKED code that no organisation has",
    middleware: [requireOperator()] as const,
    request: { params: CodeParam },
    responses: {
      200: json(z.object({ oked: OkedSchema }), "Removed; the old entry"),
      ...errorResponses,
      ...notFound,
      ...conflict,
    },
  }),
  async (c) => {
    const { code } = c.req.valid("param");
    const caller = requireOperatorCaller(c.get("caller"));

    const oked = await removeOkedCode(
      database(c),
      caller.userId,
      code,
      new Date(),
    );

    c.get("log").info("oked code removed", { code });
    return c.json({ oked }, 200);
  },
);
