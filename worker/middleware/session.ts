/**
 * The session middleware: resolves the `ofd_session` cookie into the
 * caller, and rejects state-changing requests of a session that lack its
 * CSRF token. It runs once per request even when several routers use it.
 */
import { drizzle } from "drizzle-orm/d1";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { loadCaller } from "../domain/accounts/caller";
import { resolveSession, type LiveSession } from "../domain/accounts/sessions";
import { AppError } from "../errors";

/** Name of the session cookie. */
export const SESSION_COOKIE = "ofd_session";

/** Header that must carry the session's CSRF token. */
export const CSRF_HEADER = "x-csrf-token";

declare module "hono" {
  interface ContextVariableMap {
    /** The live session, null when none; unset before the middleware ran. */
    session: LiveSession | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Routes that prove the caller by what the request carries (credentials or
 * a single-use token from a mailed link), not by the session cookie. A
 * page may post to them before it has read the session's CSRF token, for
 * example a confirmation link opened in a browser that is signed in, so
 * they are checked by the Origin header instead.
 */
const TOKEN_ROUTES = new Set([
  "/api/auth/login",
  "/api/auth/register",
  "/api/auth/email/confirm",
  "/api/auth/password-reset/request",
  "/api/auth/password-reset/confirm",
  "/api/invitations/accept",
  "/api/operator/login",
]);

/** Sets `caller` and `session`, and checks the CSRF header. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("session") !== undefined) return next();

    const cookieValue = getCookie(c, SESSION_COOKIE);
    const db = drizzle(c.env.DB);
    const session = cookieValue
      ? await resolveSession(db, cookieValue, new Date())
      : null;
    c.set("session", session);
    c.set("caller", session ? await loadCaller(db, session.user) : null);

    if (!SAFE_METHODS.has(c.req.method) && TOKEN_ROUTES.has(c.req.path)) {
      requireSameOrigin(c.req.header("origin"), c.req.url);
      return next();
    }
    if (session && !SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER) ?? "";
      if (!sameText(sent, session.csrfToken)) {
        throw new AppError(
          "FORBIDDEN",
          `missing or invalid ${CSRF_HEADER} header; reload the page`,
        );
      }
    }
    return next();
  };
}

/**
 * Rejects a request whose Origin header names another site. Browsers send
 * Origin with every cross-site POST, so a form on another site cannot use
 * these routes; clients that send no Origin (scripts, tests) are allowed.
 */
function requireSameOrigin(origin: string | undefined, url: string): void {
  if (origin === undefined || origin === new URL(url).origin) return;
  throw new AppError(
    "FORBIDDEN",
    `cross-site request from ${origin} rejected; use this site's own pages`,
  );
}

/** Compares in time that does not depend on where the texts differ. */
function sameText(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  if (left.length !== right.length) return false;
  return crypto.subtle.timingSafeEqual(left, right);
}
