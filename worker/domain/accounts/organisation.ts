/**
 * Organisation requisites: stored at registration step 2, edited later by
 * users with manage_users; every change is audit-logged.
 */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { organisations } from "../../db/schema";
import { organisationProfiles } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { loadActor } from "./actor";
import { auditInsert, diffFields } from "./audit";
import { loadOfferState } from "./caller";
import { isKnownOked } from "./classifiers";
import { organisationView, type OrganisationView } from "./views";

/** Requisites of registration step 2. */
export interface Requisites {
  registrationCertificateNumber: string;
  registrationCertificateDate: string;
  fullName: string;
  legalAddress: string;
  actualAddress: string;
  taxationRegime: string;
  okedCode: string;
  directorFullName: string;
  phone: string;
}

/** Loads the organisation's view; null before step 2. */
export async function getOrganisation(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<OrganisationView | null> {
  const [row] = await db
    .select({ organisation: organisations, profile: organisationProfiles })
    .from(organisations)
    .leftJoin(
      organisationProfiles,
      eq(organisationProfiles.organisationId, organisations.id),
    )
    .where(eq(organisations.id, organisationId));
  if (!row) throw new Error(`organisation ${organisationId} is missing`);
  return organisationView(row.organisation, row.profile);
}

/**
 * Stores all requisites at step 2; allowed until the offer is accepted, so
 * the wizard's back link can correct them.
 */
export async function saveRegistrationRequisites(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  requisites: Requisites,
  now: Date,
): Promise<OrganisationView> {
  const offer = await loadOfferState(db, organisationId);
  if (offer.status === "accepted") {
    throw new AppError(
      "CONFLICT",
      "registration is complete; edit the organisation with PUT /api/organisation",
    );
  }
  return writeRequisites(db, actorId, organisationId, requisites, now);
}

/** Changes some requisites of a registered organisation. */
export async function updateOrganisation(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  changes: Partial<Requisites>,
  now: Date,
): Promise<OrganisationView> {
  const current = await getOrganisation(db, organisationId);
  if (!current) {
    throw new AppError(
      "CONFLICT",
      "the organisation has no requisites yet; finish registration step 2 with PUT /api/registration/organisation",
    );
  }
  return writeRequisites(
    db,
    actorId,
    organisationId,
    { ...current, ...changes },
    now,
  );
}

async function writeRequisites(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  next: Requisites,
  now: Date,
): Promise<OrganisationView> {
  if (!(await isKnownOked(db, next.okedCode))) {
    throw new AppError(
      "BAD_REQUEST",
      `okedCode: ${next.okedCode} is not in the OKED classifier; pick a code from GET /api/classifiers`,
    );
  }

  const before = await getOrganisation(db, organisationId);
  const changes = diffFields(
    (before ?? {}) as unknown as Record<string, unknown>,
    next as unknown as Record<string, unknown>,
  );
  const actor = await loadActor(db, actorId);
  const profile = {
    registrationCertificateNumber: next.registrationCertificateNumber,
    registrationCertificateDate: next.registrationCertificateDate,
    actualAddress: next.actualAddress,
    directorFullName: next.directorFullName,
    phone: next.phone,
    updatedAt: now.toISOString(),
  };

  const audit = auditInsert(
    db,
    {
      organisationId,
      actor,
      action: before ? "organisation.update" : "organisation.register",
      targetType: "organisation",
      targetId: organisationId,
      changes,
    },
    now,
  );
  const writes = [
    db
      .update(organisations)
      .set({
        title: next.fullName,
        legalAddress: next.legalAddress,
        taxationRegime: next.taxationRegime,
        okved: next.okedCode,
      })
      .where(eq(organisations.id, organisationId)),
    db
      .insert(organisationProfiles)
      .values({ organisationId, ...profile })
      .onConflictDoUpdate({
        target: organisationProfiles.organisationId,
        set: profile,
      }),
  ] as const;
  if (Object.keys(changes).length > 0) await db.batch([...writes, audit]);
  else await db.batch(writes);

  const saved = await getOrganisation(db, organisationId);
  return saved!;
}
