/** The operator's review of paper offer applications. */
import { and, asc, eq, gt } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { organisations } from "../../db/schema";
import { offerApplications } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { loadActor } from "../accounts/actor";
import { auditInsert } from "../accounts/audit";
import { nextOfferStatus, type OfferStatus } from "../offer/application";

/** An application as the operator cabinet shows it. */
export interface ApplicationView {
  id: string;
  organisationId: string;
  organisationIinBin: string;
  organisationName: string;
  method: "paper" | "signature";
  status: "paper_pending" | "accepted" | "rejected";
  fileName: string | null;
  contentType: string | null;
  signerSubject: string | null;
  rejectReason: string | null;
  reviewerId: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

/** Lists applications with `status`, oldest first, `limit` after `cursor`. */
export async function listApplications(
  db: DrizzleD1Database,
  status: ApplicationView["status"] | undefined,
  page: { cursor?: string; limit: number },
): Promise<{ items: ApplicationView[]; nextCursor: string | null }> {
  const rows = await db
    .select({ application: offerApplications, organisation: organisations })
    .from(offerApplications)
    .innerJoin(
      organisations,
      eq(organisations.id, offerApplications.organisationId),
    )
    .where(
      and(
        status ? eq(offerApplications.status, status) : undefined,
        page.cursor ? gt(offerApplications.id, page.cursor) : undefined,
      ),
    )
    .orderBy(asc(offerApplications.id))
    .limit(page.limit + 1);

  const items = rows
    .slice(0, page.limit)
    .map((row) => applicationView(row.application, row.organisation));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? last.id : null,
  };
}

/** The R2 key and name of a paper application's scan. */
export async function applicationFile(
  db: DrizzleD1Database,
  applicationId: string,
): Promise<{ key: string; fileName: string; contentType: string }> {
  const application = await requireApplication(db, applicationId);
  if (!application.fileKey) {
    const reason =
      application.method === "signature"
        ? "was signed with an EDS"
        : "was accepted without an upload";
    throw new AppError(
      "NOT_FOUND",
      `application ${applicationId} ${reason} and has no scan`,
    );
  }
  return {
    key: application.fileKey,
    fileName: application.fileName ?? `${applicationId}.bin`,
    contentType: application.contentType ?? "application/octet-stream",
  };
}

/**
 * Approves or rejects a pending paper application; a rejection's reason
 * is shown to the taxpayer.
 */
export async function reviewApplication(
  db: DrizzleD1Database,
  operatorId: string,
  applicationId: string,
  decision: { approve: true } | { approve: false; reason: string },
  now: Date,
): Promise<ApplicationView> {
  const application = await requireApplication(db, applicationId);
  const next = nextOfferStatus(
    application.status as OfferStatus,
    decision.approve ? "approve" : "reject",
  );
  if (!next.ok) throw new AppError("CONFLICT", next.message);
  const status = next.status as ApplicationView["status"];
  const rejectReason = decision.approve ? null : decision.reason;
  const actor = await loadActor(db, operatorId);

  await db.batch([
    db
      .update(offerApplications)
      .set({
        status,
        rejectReason,
        reviewerId: operatorId,
        reviewedAt: now.toISOString(),
      })
      .where(
        and(
          eq(offerApplications.id, applicationId),
          eq(offerApplications.status, "paper_pending"),
        ),
      ),
    auditInsert(
      db,
      {
        organisationId: application.organisationId,
        actor,
        action: decision.approve ? "application.approve" : "application.reject",
        targetType: "application",
        targetId: applicationId,
        changes: {
          status: { from: application.status, to: status },
          ...(rejectReason
            ? { rejectReason: { from: null, to: rejectReason } }
            : {}),
        },
      },
      now,
    ),
  ]);

  const [row] = await db
    .select({ application: offerApplications, organisation: organisations })
    .from(offerApplications)
    .innerJoin(
      organisations,
      eq(organisations.id, offerApplications.organisationId),
    )
    .where(eq(offerApplications.id, applicationId));
  return applicationView(row!.application, row!.organisation);
}

async function requireApplication(
  db: DrizzleD1Database,
  applicationId: string,
): Promise<typeof offerApplications.$inferSelect> {
  const [application] = await db
    .select()
    .from(offerApplications)
    .where(eq(offerApplications.id, applicationId));
  if (!application) {
    throw new AppError(
      "NOT_FOUND",
      `application ${applicationId} does not exist; list them with GET /api/operator/applications`,
    );
  }
  return application;
}

function applicationView(
  application: typeof offerApplications.$inferSelect,
  organisation: typeof organisations.$inferSelect,
): ApplicationView {
  return {
    id: application.id,
    organisationId: application.organisationId,
    organisationIinBin: organisation.iinBin,
    organisationName: organisation.title,
    method: application.method,
    status: application.status,
    fileName: application.fileName,
    contentType: application.contentType,
    signerSubject: application.signerSubject,
    rejectReason: application.rejectReason,
    reviewerId: application.reviewerId,
    reviewedAt: application.reviewedAt,
    createdAt: application.createdAt,
  };
}
