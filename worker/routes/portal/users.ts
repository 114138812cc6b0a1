/** The organisation's users and invitations. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireTaxpayerCaller } from "../../auth/guards";
import {
  acceptInvitation,
  deleteMember,
  inviteUser,
  listMembers,
  setMemberGroups,
} from "../../domain/accounts/members";
import { userView } from "../../domain/accounts/views";
import { outboxMailer } from "../../domain/mail/mailer";
import { requireRight } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database, portalOrigin, setSessionCookie } from "./context";
import {
  emailField,
  errorResponses,
  IdParam,
  iinBinField,
  pageQuery,
  passwordField,
  textField,
} from "./fields";
import { json, pageOf, SignedInSchema, UserSchema } from "./views";

export const users = createRouter();
export const invitations = createRouter();

const GroupIds = z
  .array(z.string().min(1).max(100))
  .max(50, "must list at most 50 groups");

const MemberSchema = UserSchema.extend({
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  rights: z.array(z.string()),
}).openapi("Member");

users.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["users"],
    summary: "Users of the organisation with their groups and rights",
    middleware: [requireRight("manage_users")] as const,
    request: { query: pageQuery },
    responses: {
      200: json(pageOf(MemberSchema), "A page of users"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const page = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const result = await listMembers(database(c), caller.organisationId, page);

    return c.json(result, 200);
  },
);

users.openapi(
  createRoute({
    method: "post",
    path: "/invitations",
    tags: ["users"],
    summary: "Mail a 7-day invitation link that joins the given groups",
    middleware: [requireRight("manage_users")] as const,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ email: emailField, groupIds: GroupIds }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({
          invitation: z.object({
            email: z.string(),
            groupIds: z.array(z.string()),
            expiresAt: z.string(),
          }),
        }),
        "Invitation mailed",
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));
    const now = new Date();

    const db = database(c);
    const invitation = await inviteUser(
      db,
      outboxMailer(db, now),
      caller.userId,
      caller.organisationId,
      input,
      now,
      portalOrigin(c),
    );

    return c.json({ invitation }, 201);
  },
);

users.openapi(
  createRoute({
    method: "put",
    path: "/{id}/groups",
    tags: ["users"],
    summary: "Replace a user's groups",
    middleware: [requireRight("manage_users")] as const,
    request: {
      params: IdParam,
      body: {
        required: true,
        content: {
          "application/json": { schema: z.object({ groupIds: GroupIds }) },
        },
      },
    },
    responses: {
      200: json(z.object({ user: MemberSchema }), "Changed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { groupIds } = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const user = await setMemberGroups(
      database(c),
      caller.userId,
      caller.organisationId,
      id,
      groupIds,
      new Date(),
    );

    return c.json({ user }, 200);
  },
);

users.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["users"],
    summary: "Remove a user from the organisation",
    middleware: [requireRight("manage_users")] as const,
    request: { params: IdParam },
    responses: {
      200: json(z.object({ deleted: z.literal(true) }), "Removed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    await deleteMember(
      database(c),
      caller.userId,
      caller.organisationId,
      id,
      new Date(),
    );

    return c.json({ deleted: true as const }, 200);
  },
);

invitations.openapi(
  createRoute({
    method: "post",
    path: "/accept",
    tags: ["users"],
    summary: "Create the invited user and sign in",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              token: z
                .string()
                .trim()
                .regex(
                  /^[0-9a-f]{64}$/,
                  "must be the 64-character token from the link",
                ),
              iinBin: iinBinField,
              fullName: textField(200),
              password: passwordField,
            }),
          },
        },
      },
    },
    responses: {
      201: json(SignedInSchema, "User created; the session cookie is set"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");

    const { user, session } = await acceptInvitation(
      database(c),
      input,
      new Date(),
    );

    setSessionCookie(c, session.cookieValue);
    return c.json({ user: userView(user), csrfToken: session.csrfToken }, 201);
  },
);
