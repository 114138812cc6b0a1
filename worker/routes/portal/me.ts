/** The signed-in user's own data. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignedInCaller } from "../../auth/guards";
import { getOwnUser, updateOwnUser } from "../../domain/accounts/profile";
import { outboxMailer } from "../../domain/mail/mailer";
import { requireSignedIn } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database, portalOrigin } from "./context";
import {
  emailField,
  errorResponses,
  passwordField,
  phoneField,
  textField,
} from "./fields";
import { json, UserSchema } from "./views";

export const me = createRouter();

me.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["me"],
    summary: "The signed-in user's own data",
    middleware: [requireSignedIn()] as const,
    responses: {
      200: json(z.object({ user: UserSchema }), "The user"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const caller = requireSignedInCaller(c.get("caller"));

    const user = await getOwnUser(database(c), caller.userId);

    return c.json({ user }, 200);
  },
);

me.openapi(
  createRoute({
    method: "put",
    path: "/",
    tags: ["me"],
    summary:
      "Change own name, e-mail or phone; a new password needs currentPassword",
    middleware: [requireSignedIn()] as const,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z
              .object({
                fullName: textField(200).optional(),
                email: emailField.optional(),
                phone: phoneField.optional(),
                currentPassword: z.string().max(128).optional(),
                newPassword: passwordField.optional(),
              })
              .refine((value) => !value.newPassword || value.currentPassword, {
                message: "is required to set newPassword",
                path: ["currentPassword"],
              }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ user: UserSchema }), "Changed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireSignedInCaller(c.get("caller"));
    const now = new Date();

    const db = database(c);
    const user = await updateOwnUser(
      db,
      outboxMailer(db, now),
      caller.userId,
      input,
      now,
      portalOrigin(c),
    );

    return c.json({ user }, 200);
  },
);
