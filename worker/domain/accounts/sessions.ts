/**
 * Cookie sessions: the cookie holds a random id, D1 holds its SHA-256, the
 * user and a CSRF token. A session ends 12 hours after its last request.
 */
import { eq, lt } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { sessions, users } from "../../db/schema-accounts";
import { randomHex, sha256Hex } from "./ids";

/** Idle time after which a session expires, in milliseconds. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/**
 * A request moves the expiry only when it is this much older than a full
 * window, so a burst of requests costs one write, not one each.
 */
const SLIDE_STEP_MS = 60 * 1000;

/** A new session's cookie value and CSRF token. */
export interface NewSession {
  cookieValue: string;
  csrfToken: string;
}

/** Starts a session for `userId`. */
export async function createSession(
  db: DrizzleD1Database,
  userId: string,
  now: Date,
): Promise<NewSession> {
  const cookieValue = randomHex(32);
  const csrfToken = randomHex(24);

  await db.insert(sessions).values({
    idHash: await sha256Hex(cookieValue),
    userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    createdAt: now.toISOString(),
  });
  return { cookieValue, csrfToken };
}

/** A live session and its user. */
export interface LiveSession {
  idHash: string;
  csrfToken: string;
  user: typeof users.$inferSelect;
}

/**
 * Finds the live session of `cookieValue` and slides its expiry; an
 * unknown or expired session gives null (an expired one is deleted).
 */
export async function resolveSession(
  db: DrizzleD1Database,
  cookieValue: string,
  now: Date,
): Promise<LiveSession | null> {
  const idHash = await sha256Hex(cookieValue);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.idHash, idHash));
  if (!row) return null;

  const expiresAt = Date.parse(row.session.expiresAt);
  if (expiresAt <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }

  const slid = now.getTime() + SESSION_IDLE_MS;
  if (slid - expiresAt >= SLIDE_STEP_MS) {
    await db
      .update(sessions)
      .set({ expiresAt: new Date(slid).toISOString() })
      .where(eq(sessions.idHash, idHash));
  }
  return { idHash, csrfToken: row.session.csrfToken, user: row.user };
}

/** Ends the session with this id hash. */
export async function endSession(
  db: DrizzleD1Database,
  idHash: string,
): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of `userId`, e.g. after a password reset. */
export async function endUserSessions(
  db: DrizzleD1Database,
  userId: string,
): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes sessions that expired before `now`. */
export async function purgeExpiredSessions(
  db: DrizzleD1Database,
  now: Date,
): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
}
