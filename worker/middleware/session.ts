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

/** Compares in time that does not depend on where the texts differ. */
function sameText(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  if (left.length !== right.length) return false;
  return crypto.subtle.timingSafeEqual(left, right);
}
