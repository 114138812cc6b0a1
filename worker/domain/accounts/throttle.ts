/**
 * Login throttling: 5 failed logins within 15 minutes, for one account or
 * from one client address, lock further attempts for 15 minutes after the
 * last failure. Failures are rows in D1, so every Worker instance sees them.
 */
import { and, desc, eq, lt } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { loginFailures } from "../../db/schema-accounts";
import { AppError } from "../../errors";

/** Failures that lock a subject. */
export const MAX_LOGIN_FAILURES = 5;

/** Window the failures must fall in, and the lock's length, in ms. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** What failures are counted for: the typed login and the client address. */
export interface LoginSubjects {
  account: string;
  address: string | null;
}

/**
 * Raises RATE_LIMITED "try again in N minutes" when the account or the
 * address is locked at `now`.
 */
export async function assertLoginAllowed(
  db: DrizzleD1Database,
  subjects: LoginSubjects,
  now: Date,
): Promise<void> {
  const locks = [await lockedUntil(db, "account", subjects.account, now)];
  if (subjects.address) {
    locks.push(await lockedUntil(db, "address", subjects.address, now));
  }

  const until = Math.max(...locks.map((lock) => lock ?? 0));
  if (until <= now.getTime()) return;

  const minutes = Math.ceil((until - now.getTime()) / 60_000);
  throw new AppError(
    "RATE_LIMITED",
    `too many failed logins; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`,
  );
}

/** Records one failed login for the account and the address. */
export async function recordLoginFailure(
  db: DrizzleD1Database,
  subjects: LoginSubjects,
  now: Date,
): Promise<void> {
  const failedAt = now.toISOString();
  const rows: (typeof loginFailures.$inferInsert)[] = [
    { scope: "account", subject: subjects.account, failedAt },
  ];
  if (subjects.address) {
    rows.push({ scope: "address", subject: subjects.address, failedAt });
  }
  await db.insert(loginFailures).values(rows);

  // Rows older than a window never count again.
  const stale = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, stale));
}

/** Forgets the account's failures after a successful login. */
export async function clearAccountFailures(
  db: DrizzleD1Database,
  account: string,
): Promise<void> {
  await db
    .delete(loginFailures)
    .where(
      and(
        eq(loginFailures.scope, "account"),
        eq(loginFailures.subject, account),
      ),
    );
}

async function lockedUntil(
  db: DrizzleD1Database,
  scope: "account" | "address",
  subject: string,
  now: Date,
): Promise<number | null> {
  const recent = await db
    .select({ failedAt: loginFailures.failedAt })
    .from(loginFailures)
    .where(
      and(eq(loginFailures.scope, scope), eq(loginFailures.subject, subject)),
    )
    .orderBy(desc(loginFailures.failedAt))
    .limit(MAX_LOGIN_FAILURES);
  if (recent.length < MAX_LOGIN_FAILURES) return null;

  const newest = Date.parse(recent[0]!.failedAt);
  const oldest = Date.parse(recent[MAX_LOGIN_FAILURES - 1]!.failedAt);
  if (newest - oldest > LOGIN_WINDOW_MS) return null;

  const until = newest + LOGIN_WINDOW_MS;
  return until > now.getTime() ? until : null;
}
