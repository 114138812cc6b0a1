/**
 * The portal account of the demo organisation: an owner who signs in with
 * the BIN and a known password, the requisites of registration step 2 and
 * an accepted offer contract, so the demo KKMs show in the cabinet. Each
 * part is created only when missing, so a second seed changes nothing.
 */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { offerApplications, users } from "../db/schema-accounts";
import { auditInsert, type Actor } from "./accounts/audit";
import { loadOfferState } from "./accounts/caller";
import { newAccountId } from "./accounts/ids";
import {
  getOrganisation,
  saveRegistrationRequisites,
  type Requisites,
} from "./accounts/organisation";
import { ownerAccountWrites } from "./accounts/registration";
import { hashPassword } from "./password";

/** Password of the demo owner; it meets the registration rules. */
export const DEMO_PASSWORD = "Demo-2026!";

/** Confirmed e-mail of the demo owner. */
export const DEMO_EMAIL = "demo@example.kz";

/** Requisites of the demo organisation, as registration step 2 takes them. */
export const DEMO_REQUISITES: Requisites = {
  registrationCertificateNumber: "13-1901-01-TOO",
  registrationCertificateDate: "2025-01-14",
  fullName: "Demo Market LLP",
  legalAddress: "Astana, Kenesary 40",
  actualAddress: "Astana, Vasyutina 41",
  taxationRegime: "general",
  okedCode: "47190",
  directorFullName: "Aidana Demo",
  phone: "+7 7172 123456",
};

/**
 * The audit actor of the offer acceptance. Audit entries name only
 * taxpayers and operators, and the acceptance replaces an operator's
 * approval, so the entry is an operator's.
 */
const SEED_ACTOR: Actor = { id: "system", kind: "operator", name: "Demo seed" };

/** Credentials of the demo owner for the portal's sign-in form. */
export interface DemoSignIn {
  iinBin: string;
  password: string;
}

/**
 * Creates the missing parts of the demo organisation's account: the owner
 * in an Administrators group with every right, the requisites and an
 * accepted paper application.
 */
export async function ensureDemoAccount(
  db: DrizzleD1Database,
  organisation: { id: string; iinBin: string },
  now: Date,
): Promise<DemoSignIn> {
  const userId = await ensureOwner(db, organisation, now);

  if (!(await getOrganisation(db, organisation.id))) {
    await saveRegistrationRequisites(
      db,
      userId,
      organisation.id,
      DEMO_REQUISITES,
      now,
    );
  }

  const offer = await loadOfferState(db, organisation.id);
  if (offer.status !== "accepted") {
    await acceptOffer(db, organisation.id, userId, now);
  }

  // NOTE: an existing owner keeps its password, so the returned one is
  // wrong if someone changed it in the portal.
  return { iinBin: organisation.iinBin, password: DEMO_PASSWORD };
}

/** Returns the owner's user id, creating the owner when missing. */
async function ensureOwner(
  db: DrizzleD1Database,
  organisation: { id: string; iinBin: string },
  now: Date,
): Promise<string> {
  const [found] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.iinBin, organisation.iinBin));
  if (found) return found.id;

  const userId = newAccountId("user", now);
  await db.batch(
    ownerAccountWrites(
      db,
      {
        userId,
        groupId: newAccountId("grp", now),
        organisationId: organisation.id,
        iinBin: organisation.iinBin,
        email: DEMO_EMAIL,
        emailConfirmed: true,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      },
      now,
    ),
  );
  return userId;
}

/**
 * Stores a paper application as accepted, as if an operator had approved
 * it. The application has no scan because the seed uploads none.
 */
async function acceptOffer(
  db: DrizzleD1Database,
  organisationId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const id = newAccountId("app", now);
  await db.batch([
    db.insert(offerApplications).values({
      id,
      organisationId,
      method: "paper",
      status: "accepted",
      submittedBy: userId,
      reviewerId: SEED_ACTOR.id,
      reviewedAt: now.toISOString(),
      createdAt: now.toISOString(),
    }),
    auditInsert(
      db,
      {
        organisationId,
        actor: SEED_ACTOR,
        action: "application.approve",
        targetType: "application",
        targetId: id,
        changes: { status: { from: null, to: "accepted" } },
      },
      now,
    ),
  ]);
}
