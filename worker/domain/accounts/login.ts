/**
 * Password sign-in for taxpayers (by IIN/BIN) and operators (by login),
 * throttled per account and per client address.
 */
import { and, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { users } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { hashPassword, verifyPassword } from "../password";
import { createSession, type NewSession } from "./sessions";
import {
  assertLoginAllowed,
  clearAccountFailures,
  recordLoginFailure,
} from "./throttle";

export interface LoginInput {
  kind: "taxpayer" | "operator";
  /** IIN/BIN for taxpayers, the login name for operators. */
  login: string;
  password: string;
  /** The client address (cf-connecting-ip), when known. */
  address: string | null;
}

/** A hash of a random password, verified when the account is unknown. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks the password and starts a session. Raises RATE_LIMITED while the
 * account or address is locked and UNAUTHORIZED for a wrong login or
 * password, without saying which of the two was wrong.
 */
export async function login(
  db: DrizzleD1Database,
  input: LoginInput,
  now: Date,
): Promise<{ user: typeof users.$inferSelect; session: NewSession }> {
  const subjects = {
    account: `${input.kind}:${input.login}`,
    address: input.address,
  };
  await assertLoginAllowed(db, subjects, now);

  const column = input.kind === "operator" ? users.login : users.iinBin;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(column, input.login), eq(users.kind, input.kind)));

  // An unknown account costs the same PBKDF2 work as a known one, so the
  // response time does not reveal which accounts exist.
  dummyHash ??= hashPassword(crypto.randomUUID());
  const valid = await verifyPassword(
    input.password,
    user?.passwordHash ?? (await dummyHash),
  );
  if (!user || !valid) {
    await recordLoginFailure(db, subjects, now);
    const field = input.kind === "operator" ? "login" : "IIN/BIN";
    throw new AppError(
      "UNAUTHORIZED",
      `wrong ${field} or password; check both and retry, or reset the password`,
    );
  }

  await clearAccountFailures(db, subjects.account);
  const session = await createSession(db, user.id, now);
  return { user, session };
}
