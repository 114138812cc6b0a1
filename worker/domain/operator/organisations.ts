/**
 * The operator's view of organisations: search, block and unblock. Blocking
 * pushes every KKM's registration, so each KKM returns result 15 with the
 * reason from its next request.
 */
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { kkms, organisations } from "../../db/schema";
import { AppError } from "../../errors";
import { loadActor } from "../accounts/actor";
import { auditInsert } from "../accounts/audit";
import { loadOfferState, type OfferState } from "../accounts/caller";
import { pushRegistration } from "../kkm-registry";

/** An organisation in the operator's search results. */
export interface OrganisationSummary {
  id: string;
  iinBin: string;
  fullName: string;
  status: "active" | "blocked";
  blockReason: string | null;
  kkmCount: number;
  offer: OfferState;
  createdAt: string;
}

/**
 * Finds organisations whose IIN/BIN starts with `query` or whose name
 * contains it, ordered by IIN/BIN, `limit` after `cursor` (an IIN/BIN).
 */
export async function searchOrganisations(
  db: DrizzleD1Database,
  query: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: OrganisationSummary[]; nextCursor: string | null }> {
  // instr() matches the text literally, so % and _ in a query are not
  // wildcards as they would be in LIKE.
  const rows = await db
    .select()
    .from(organisations)
    .where(
      and(
        query
          ? or(
              sql`instr(${organisations.iinBin}, ${query}) = 1`,
              sql`instr(${organisations.title}, ${query}) > 0`,
            )
          : undefined,
        page.cursor ? gt(organisations.iinBin, page.cursor) : undefined,
      ),
    )
    .orderBy(asc(organisations.iinBin))
    .limit(page.limit + 1);

  const shown = rows.slice(0, page.limit);
  const items: OrganisationSummary[] = [];
  for (const row of shown) {
    const registered = await db
      .select({ id: kkms.id })
      .from(kkms)
      .where(eq(kkms.organisationId, row.id));
    items.push({
      id: row.id,
      iinBin: row.iinBin,
      fullName: row.title,
      status: row.status,
      blockReason: row.blockReason,
      kkmCount: registered.length,
      offer: await loadOfferState(db, row.id),
      createdAt: row.createdAt,
    });
  }
  const last = shown.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? last.iinBin : null,
  };
}

/** Blocks or unblocks an organisation and pushes its KKMs' registrations. */
export async function setOrganisationBlocked(
  db: DrizzleD1Database,
  env: Env,
  operatorId: string,
  organisationId: string,
  block: { reason: string } | null,
  now: Date,
): Promise<{
  id: string;
  status: "active" | "blocked";
  blockReason: string | null;
  kkmIds: number[];
}> {
  const [before] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!before) {
    throw new AppError(
      "NOT_FOUND",
      `organisation ${organisationId} does not exist; find it with GET /api/operator/organisations`,
    );
  }
  const status = block ? "blocked" : "active";
  const blockReason = block ? block.reason : null;
  const actor = await loadActor(db, operatorId);

  await db.batch([
    db
      .update(organisations)
      .set({ status, blockReason })
      .where(eq(organisations.id, organisationId)),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: block ? "organisation.block" : "organisation.unblock",
        targetType: "organisation",
        targetId: organisationId,
        changes: {
          status: { from: before.status, to: status },
          blockReason: { from: before.blockReason, to: blockReason },
        },
      },
      now,
    ),
  ]);

  const kkmIds = await pushOrganisationKkms(db, env, organisationId);
  return { id: organisationId, status, blockReason, kkmIds };
}

/**
 * Sends the current registration to every KKM of the organisation, after
 * a change its KKM objects must see (block, unblock, new requisites).
 */
export async function pushOrganisationKkms(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
): Promise<number[]> {
  const rows = await db
    .select({ id: kkms.id })
    .from(kkms)
    .where(eq(kkms.organisationId, organisationId))
    .orderBy(asc(kkms.id));
  for (const row of rows) await pushRegistration(db, env, row.id);
  return rows.map((row) => row.id);
}
