/** Password reset and e-mail confirmation through single-use links. */
import { and, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { users } from "../../db/schema-accounts";
import type { Mailer } from "../mail/mailer";
import { hashPassword } from "../password";
import { portalLink } from "./links";
import { endUserSessions } from "./sessions";
import { issueToken, spendToken } from "./tokens";

/**
 * Mails a 1-hour reset link to the account's e-mail. An unknown IIN/BIN
 * sends nothing, and the caller answers 202 either way, so the route does
 * not reveal which accounts exist.
 */
export async function requestPasswordReset(
  db: DrizzleD1Database,
  mailer: Mailer,
  iinBin: string,
  now: Date,
  origin: string,
): Promise<void> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.iinBin, iinBin), eq(users.kind, "taxpayer")));
  if (!user || !user.email) return;

  const token = await issueToken(
    db,
    { purpose: "password_reset", userId: user.id, email: user.email },
    now,
  );
  const link = portalLink(origin, "password_reset", token);
  await mailer.sendMail({
    to: user.email,
    subject: "Reset your OFD portal password",
    text: `Open this link within 1 hour to set a new password: ${link}\nIf you did not ask for it, ignore this message.`,
    link,
  });
}

/** Sets a new password with a reset token and ends the user's sessions. */
export async function confirmPasswordReset(
  db: DrizzleD1Database,
  token: string,
  password: string,
  now: Date,
): Promise<void> {
  const spent = await spendToken(db, token, "password_reset", now);
  const userId = spent.userId!;

  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, userId));
  await endUserSessions(db, userId);
}

/** Marks the user's e-mail confirmed with a confirmation token. */
export async function confirmEmail(
  db: DrizzleD1Database,
  token: string,
  now: Date,
): Promise<void> {
  const spent = await spendToken(db, token, "email_confirm", now);

  // The link confirms the address it was sent to; if the user changed the
  // e-mail since, the old link confirms nothing.
  await db
    .update(users)
    .set({ emailConfirmed: true })
    .where(and(eq(users.id, spent.userId!), eq(users.email, spent.email)));
}
