/** Request helpers of the portal routes: database, clock, cookie, links. */
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../../app-env";
import { SESSION_COOKIE } from "../../middleware/session";

/** The drizzle handle of the request's D1 binding. */
export function database(c: Context<AppEnv>): DrizzleD1Database {
  return drizzle(c.env.DB);
}

/** The portal origin that mailed links point to. */
export function portalOrigin(c: Context<AppEnv>): string {
  return new URL(c.req.url).origin;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over https. */
export function setSessionCookie(c: Context<AppEnv>, value: string): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
    path: "/",
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: "/",
    secure: new URL(c.req.url).protocol === "https:",
  });
}
