/** Groups of the organisation's users and their rights (manage_users). */
import { createRoute, z } from "@hono/zod-openapi";
import { requireTaxpayerCaller } from "../../auth/guards";
import {
  createGroup,
  deleteGroup,
  listGroups,
  updateGroup,
} from "../../domain/accounts/groups";
import { requireRight } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "./context";
import {
  errorResponses,
  IdParam,
  pageQuery,
  rightField,
  textField,
} from "./fields";
import { json, pageOf } from "./views";

export const groups = createRouter();

const GroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    rights: z.array(z.string()),
    memberCount: z.number(),
  })
  .openapi("Group");

const GroupBody = z.object({
  name: textField(100),
  rights: z.array(rightField).max(10),
});

groups.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["users"],
    summary: "Groups of the organisation with their rights",
    middleware: [requireRight("manage_users")] as const,
    request: { query: pageQuery },
    responses: {
      200: json(pageOf(GroupSchema), "A page of groups"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const page = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const result = await listGroups(database(c), caller.organisationId, page);

    return c.json(result, 200);
  },
);

groups.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["users"],
    summary: "Create a group with rights",
    middleware: [requireRight("manage_users")] as const,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: GroupBody } },
      },
    },
    responses: {
      201: json(z.object({ group: GroupSchema }), "Created"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const group = await createGroup(
      database(c),
      caller.userId,
      caller.organisationId,
      input,
      new Date(),
    );

    return c.json({ group }, 201);
  },
);

groups.openapi(
  createRoute({
    method: "put",
    path: "/{id}",
    tags: ["users"],
    summary: "Rename a group and replace its rights",
    middleware: [requireRight("manage_users")] as const,
    request: {
      params: IdParam,
      body: {
        required: true,
        content: { "application/json": { schema: GroupBody } },
      },
    },
    responses: {
      200: json(z.object({ group: GroupSchema }), "Changed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const group = await updateGroup(
      database(c),
      caller.userId,
      caller.organisationId,
      id,
      input,
      new Date(),
    );

    return c.json({ group }, 200);
  },
);

groups.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["users"],
    summary: "Delete a group",
    middleware: [requireRight("manage_users")] as const,
    request: { params: IdParam },
    responses: {
      200: json(z.object({ deleted: z.literal(true) }), "Deleted"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    await deleteGroup(
      database(c),
      caller.userId,
      caller.organisationId,
      id,
      new Date(),
    );

    return c.json({ deleted: true as const }, 200);
  },
);
