/**
 * Registration step 3: the offer contract, a paper application (a scan an
 * operator reviews) or an EDS-signed application (accepted at once).
 */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { offerApplications } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { nextOfferStatus } from "../offer/application";
import { checkScan, MAX_SCAN_BYTES, scanKey, storeScan } from "../offer/scans";
import { verifyOfferSignature } from "../offer/verify-cms";
import { loadActor } from "./actor";
import { auditInsert } from "./audit";
import { loadOfferState, type OfferState } from "./caller";
import { newAccountId } from "./ids";
import { applicationText, OFFER_TEXT, OFFER_VERSION } from "./offer-text";
import { getOrganisation } from "./organisation";

/** What step 3 shows and what must be signed. */
export interface OfferDocument {
  text: string;
  version: string;
  applicationText: string;
  maxUploadBytes: number;
}

/** Builds the offer and the organisation's application text. */
export async function offerDocument(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<OfferDocument> {
  const organisation = await requireRequisites(db, organisationId);
  return {
    text: OFFER_TEXT,
    version: OFFER_VERSION,
    applicationText: applicationText(organisation),
    maxUploadBytes: MAX_SCAN_BYTES,
  };
}

/** Stores a scan of the signed paper application for operator review. */
export async function submitPaperApplication(
  db: DrizzleD1Database,
  bucket: R2Bucket,
  actorId: string,
  organisationId: string,
  file: { bytes: Uint8Array; fileName: string },
  now: Date,
): Promise<OfferState> {
  await requireRequisites(db, organisationId);
  await assertTransition(db, organisationId, "paper");
  const scan = checkScan(file.bytes, file.fileName);
  if (!scan.ok) throw new AppError("BAD_REQUEST", `file: ${scan.message}`);

  const id = newAccountId("app", now);
  const key = scanKey(organisationId, id, scan.extension);
  await storeScan(bucket, key, file.bytes, scan.contentType);

  const actor = await loadActor(db, actorId);
  await db.batch([
    db.insert(offerApplications).values({
      id,
      organisationId,
      method: "paper",
      status: "paper_pending",
      fileKey: key,
      fileName: file.fileName,
      contentType: scan.contentType,
      submittedBy: actorId,
      createdAt: now.toISOString(),
    }),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "application.paper",
        targetType: "application",
        targetId: id,
        changes: { status: { from: null, to: "paper_pending" } },
      },
      now,
    ),
  ]);
  return loadOfferState(db, organisationId);
}

/**
 * Checks a CMS signature of the application text and accepts the offer.
 * A failed check raises BAD_REQUEST naming what failed and stores nothing.
 */
export async function submitSignedApplication(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  cms: Uint8Array,
  trustedRoots: Uint8Array[],
  now: Date,
): Promise<OfferState> {
  const organisation = await requireRequisites(db, organisationId);
  await assertTransition(db, organisationId, "signature");

  const result = await verifyOfferSignature({
    cms,
    expectedText: applicationText(organisation),
    expectedIinBin: organisation.iinBin,
    trustedRoots,
    now,
  });
  if (!result.ok) {
    throw new AppError(
      "BAD_REQUEST",
      `cms: ${SIGNATURE_FAILURES[result.reason]}: ${result.message}`,
    );
  }

  const id = newAccountId("app", now);
  const actor = await loadActor(db, actorId);
  await db.batch([
    db.insert(offerApplications).values({
      id,
      organisationId,
      method: "signature",
      status: "accepted",
      signerSubject: result.signer.subject,
      signerSerialNumber: result.signer.serialNumber,
      signedAt: result.signedAt.toISOString(),
      submittedBy: actorId,
      createdAt: now.toISOString(),
    }),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "application.signature",
        targetType: "application",
        targetId: id,
        changes: {
          status: { from: null, to: "accepted" },
          signer: { from: null, to: result.signer.subject },
        },
      },
      now,
    ),
  ]);
  return loadOfferState(db, organisationId);
}

/** Words that lead the message of each failed signature check. */
const SIGNATURE_FAILURES = {
  format: "not a CMS signature",
  signature: "signature check failed",
  chain: "certificate chain check failed",
  validity: "certificate not valid at the signing time",
  iin_bin: "IIN/BIN mismatch",
} as const;

async function requireRequisites(
  db: DrizzleD1Database,
  organisationId: string,
) {
  const organisation = await getOrganisation(db, organisationId);
  if (!organisation) {
    throw new AppError(
      "CONFLICT",
      "the organisation has no requisites yet; finish registration step 2 with PUT /api/registration/organisation",
    );
  }
  return organisation;
}

async function assertTransition(
  db: DrizzleD1Database,
  organisationId: string,
  event: "paper" | "signature",
): Promise<void> {
  const current = await loadOfferState(db, organisationId);
  const next = nextOfferStatus(current.status, event);
  if (!next.ok) throw new AppError("CONFLICT", next.message);
}
