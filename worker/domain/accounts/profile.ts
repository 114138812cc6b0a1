/** The signed-in user's own data: name, e-mail, phone and password. */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { users } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import type { Mailer } from "../mail/mailer";
import { hashPassword, verifyPassword } from "../password";
import { auditInsert, diffFields } from "./audit";
import { sendEmailConfirmation } from "./registration";
import { userView, type UserView } from "./views";

export interface ProfileChanges {
  fullName?: string;
  email?: string;
  phone?: string;
  /** Required with `newPassword`. */
  currentPassword?: string;
  newPassword?: string;
}

/** Loads the user's own view. */
export async function getOwnUser(
  db: DrizzleD1Database,
  userId: string,
): Promise<UserView> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} is missing`);
  return userView(user);
}

/**
 * Changes the user's own data. A new e-mail is unconfirmed until its new
 * link is opened; a new password needs the current one. The password never
 * appears in the audit log, only the fact that it changed.
 */
export async function updateOwnUser(
  db: DrizzleD1Database,
  mailer: Mailer,
  userId: string,
  input: ProfileChanges,
  now: Date,
  origin: string,
): Promise<UserView> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} is missing`);

  let passwordHash: string | undefined;
  if (input.newPassword !== undefined) {
    const current = input.currentPassword ?? "";
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new AppError(
        "BAD_REQUEST",
        "currentPassword: does not match the current password; type it again",
      );
    }
    passwordHash = await hashPassword(input.newPassword);
  }

  const next = {
    fullName: input.fullName,
    email: input.email,
    phone: input.phone,
  };
  const changes = diffFields(
    userView(user) as unknown as Record<string, unknown>,
    next,
  );
  if (passwordHash) changes.password = { from: "***", to: "***" };
  const emailChanged = "email" in changes;
  if (Object.keys(changes).length === 0) return userView(user);

  await db.batch([
    db
      .update(users)
      .set({
        ...next,
        ...(emailChanged ? { emailConfirmed: false } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where(eq(users.id, userId)),
    auditInsert(
      db,
      {
        organisationId: user.organisationId,
        actor: {
          id: user.id,
          kind: user.kind,
          name: user.fullName || user.iinBin || user.login || user.id,
        },
        action: "user.update",
        targetType: "user",
        targetId: user.id,
        changes,
      },
      now,
    ),
  ]);

  if (emailChanged && input.email) {
    await sendEmailConfirmation(db, mailer, userId, input.email, now, origin);
  }
  return getOwnUser(db, userId);
}
