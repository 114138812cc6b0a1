/** Sign-up (wizard step 1), sign-in, sign-out, `me`, reset and confirm. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignedInCaller } from "../../auth/guards";
import { login } from "../../domain/accounts/login";
import { describeMe } from "../../domain/accounts/me";
import {
  confirmEmail,
  confirmPasswordReset,
  requestPasswordReset,
} from "../../domain/accounts/recovery";
import { registerTaxpayer } from "../../domain/accounts/registration";
import { endSession } from "../../domain/accounts/sessions";
import { userView } from "../../domain/accounts/views";
import { outboxMailer } from "../../domain/mail/mailer";
import { createRouter } from "../../openapi";
import {
  clearSessionCookie,
  database,
  portalOrigin,
  setSessionCookie,
} from "./context";
import {
  emailField,
  errorResponses,
  iinBinField,
  passwordField,
} from "./fields";
import { json, MeSchema, SignedInSchema } from "./views";

export const auth = createRouter();

const TokenField = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{64}$/, "must be the 64-character token from the link");
const MessageSchema = z.object({ message: z.string() });

auth.openapi(
  createRoute({
    method: "post",
    path: "/register",
    tags: ["auth"],
    summary: "Create a taxpayer account (wizard step 1) and sign in",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              iinBin: iinBinField,
              email: emailField,
              password: passwordField,
            }),
          },
        },
      },
    },
    responses: {
      201: json(SignedInSchema, "Account created; the session cookie is set"),
      409: json(MessageSchema, "The IIN/BIN already has an account"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const now = new Date();

    const db = database(c);
    const { user, session } = await registerTaxpayer(
      db,
      outboxMailer(db, now),
      input,
      now,
      portalOrigin(c),
    );

    c.get("log").info("taxpayer registered", { userId: user.id });
    setSessionCookie(c, session.cookieValue);
    return c.json({ user: userView(user), csrfToken: session.csrfToken }, 201);
  },
);

auth.openapi(
  createRoute({
    method: "post",
    path: "/login",
    tags: ["auth"],
    summary: "Sign in with IIN/BIN and password",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              iinBin: iinBinField,
              password: z.string().min(1, "must not be empty").max(128),
            }),
          },
        },
      },
    },
    responses: {
      200: json(SignedInSchema, "Signed in; the session cookie is set"),
      429: json(MessageSchema, "Too many failed logins"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");

    const { user, session } = await login(
      database(c),
      {
        kind: "taxpayer",
        login: input.iinBin,
        password: input.password,
        address: c.req.header("cf-connecting-ip") ?? null,
      },
      new Date(),
    );

    setSessionCookie(c, session.cookieValue);
    return c.json({ user: userView(user), csrfToken: session.csrfToken }, 200);
  },
);

auth.openapi(
  createRoute({
    method: "post",
    path: "/logout",
    tags: ["auth"],
    summary: "End the session",
    responses: {
      200: json(z.object({ signedOut: z.literal(true) }), "Signed out"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const session = c.get("session");

    if (session) await endSession(database(c), session.idHash);

    clearSessionCookie(c);
    return c.json({ signedOut: true as const }, 200);
  },
);

auth.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["auth"],
    summary: "The signed-in user, organisation, rights and wizard step",
    responses: { 200: json(MeSchema, "The caller"), ...errorResponses },
  }),
  async (c) => {
    const caller = requireSignedInCaller(c.get("caller"));

    const me = await describeMe(
      database(c),
      caller,
      c.get("session")!.csrfToken,
    );

    return c.json(me, 200);
  },
);

auth.openapi(
  createRoute({
    method: "post",
    path: "/password-reset/request",
    tags: ["auth"],
    summary: "Mail a password reset link (always 202)",
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: z.object({ iinBin: iinBinField }) },
        },
      },
    },
    responses: {
      202: json(MessageSchema, "A link was mailed if the account exists"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { iinBin } = c.req.valid("json");
    const now = new Date();

    const db = database(c);
    await requestPasswordReset(
      db,
      outboxMailer(db, now),
      iinBin,
      now,
      portalOrigin(c),
    );

    return c.json(
      {
        message:
          "if an account with this IIN/BIN exists, a reset link was sent to its e-mail; it is valid for 1 hour",
      },
      202,
    );
  },
);

auth.openapi(
  createRoute({
    method: "post",
    path: "/password-reset/confirm",
    tags: ["auth"],
    summary: "Set a new password with a reset link's token",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ token: TokenField, password: passwordField }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ passwordChanged: z.literal(true) }), "Changed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { token, password } = c.req.valid("json");

    await confirmPasswordReset(database(c), token, password, new Date());

    return c.json({ passwordChanged: true as const }, 200);
  },
);

auth.openapi(
  createRoute({
    method: "post",
    path: "/email/confirm",
    tags: ["auth"],
    summary: "Confirm the e-mail with a confirmation link's token",
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: z.object({ token: TokenField }) },
        },
      },
    },
    responses: {
      200: json(z.object({ emailConfirmed: z.literal(true) }), "Confirmed"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { token } = c.req.valid("json");

    await confirmEmail(database(c), token, new Date());

    return c.json({ emailConfirmed: true as const }, 200);
  },
);
