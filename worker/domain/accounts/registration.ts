/**
 * Registration wizard step 1: the account of the person responsible for
 * the organisation. It creates the organisation row (its IIN/BIN is the
 * login), an Administrators group with every right, the user, a session and
 * an e-mail confirmation link.
 */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { RIGHTS } from "../../auth/rights";
import { organisations } from "../../db/schema";
import {
  groupRights,
  groups,
  userGroups,
  users,
} from "../../db/schema-accounts";
import { AppError } from "../../errors";
import type { Mailer } from "../mail/mailer";
import { newId } from "../ids";
import { hashPassword } from "../password";
import { newAccountId } from "./ids";
import { portalLink } from "./links";
import { createSession, type NewSession } from "./sessions";
import { issueToken } from "./tokens";

/** Name of the group every new organisation starts with. */
export const ADMINISTRATORS_GROUP = "Administrators";

export interface NewAccount {
  iinBin: string;
  email: string;
  password: string;
}

/** Creates the account, signs it in and mails the confirmation link. */
export async function registerTaxpayer(
  db: DrizzleD1Database,
  mailer: Mailer,
  input: NewAccount,
  now: Date,
  origin: string,
): Promise<{ user: typeof users.$inferSelect; session: NewSession }> {
  await assertIinBinFree(db, input.iinBin);

  const organisationId = newId("org");
  const userId = newAccountId("user", now);
  const groupId = newAccountId("grp", now);
  const passwordHash = await hashPassword(input.password);

  // NOTE: the registry requires a title, address and regime, which step 2
  // fills in. Until then the row carries placeholders and the API shows
  // the organisation as null.
  try {
    await db.batch([
      db.insert(organisations).values({
        id: organisationId,
        iinBin: input.iinBin,
        title: "",
        legalAddress: "",
        taxationRegime: "general",
      }),
      ...ownerAccountWrites(
        db,
        {
          userId,
          groupId,
          organisationId,
          iinBin: input.iinBin,
          email: input.email,
          emailConfirmed: false,
          passwordHash,
        },
        now,
      ),
    ]);
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed")) {
      throw iinBinTaken(input.iinBin);
    }
    throw error;
  }

  await sendEmailConfirmation(db, mailer, userId, input.email, now, origin);
  const session = await createSession(db, userId, now);
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return { user: user!, session };
}

/** The owner of a new organisation, as `ownerAccountWrites` stores it. */
export interface OwnerAccount {
  userId: string;
  groupId: string;
  organisationId: string;
  iinBin: string;
  email: string;
  emailConfirmed: boolean;
  passwordHash: string;
}

/**
 * Builds the statements that create the owner: the user, an Administrators
 * group with every right and the owner's membership, for one D1 batch.
 */
export function ownerAccountWrites(
  db: DrizzleD1Database,
  owner: OwnerAccount,
  now: Date,
) {
  const { userId, groupId, organisationId } = owner;
  return [
    db.insert(users).values({
      id: userId,
      kind: "taxpayer",
      organisationId,
      iinBin: owner.iinBin,
      email: owner.email,
      emailConfirmed: owner.emailConfirmed,
      passwordHash: owner.passwordHash,
      createdAt: now.toISOString(),
    }),
    db.insert(groups).values({
      id: groupId,
      organisationId,
      name: ADMINISTRATORS_GROUP,
    }),
    db.insert(groupRights).values(RIGHTS.map((right) => ({ groupId, right }))),
    db.insert(userGroups).values({ userId, groupId }),
  ] as const;
}

/** Mails a 48-hour e-mail confirmation link to `email`. */
export async function sendEmailConfirmation(
  db: DrizzleD1Database,
  mailer: Mailer,
  userId: string,
  email: string,
  now: Date,
  origin: string,
): Promise<void> {
  const token = await issueToken(
    db,
    { purpose: "email_confirm", userId, email },
    now,
  );
  const link = portalLink(origin, "email_confirm", token);
  await mailer.sendMail({
    to: email,
    subject: "Confirm your e-mail for the OFD portal",
    text: `Open this link within 48 hours to confirm your e-mail address: ${link}`,
    link,
  });
}

/** Raises CONFLICT when a user or organisation already has `iinBin`. */
export async function assertIinBinFree(
  db: DrizzleD1Database,
  iinBin: string,
): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.iinBin, iinBin));
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.iinBin, iinBin));
  if (user || organisation) throw iinBinTaken(iinBin);
}

function iinBinTaken(iinBin: string): AppError {
  return new AppError(
    "CONFLICT",
    `iinBin: an account with IIN/BIN ${iinBin} already exists; sign in or reset the password`,
  );
}
