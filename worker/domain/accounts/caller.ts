/** Builds the signed-in caller from a user row: rights and offer status. */
import { desc, eq, inArray } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { RIGHTS, type Caller, type Right } from "../../auth/rights";
import {
  groupRights,
  offerApplications,
  userGroups,
  users,
} from "../../db/schema-accounts";
import type { OfferStatus } from "../offer/application";

/** The organisation's latest offer application, as `/api/auth/me` shows it. */
export interface OfferState {
  status: OfferStatus;
  method: "paper" | "signature" | null;
  rejectReason: string | null;
}

/** Builds the Caller of `user`. */
export async function loadCaller(
  db: DrizzleD1Database,
  user: typeof users.$inferSelect,
): Promise<Caller> {
  if (user.kind === "operator" || !user.organisationId) {
    return { kind: "operator", userId: user.id };
  }

  const rights = await loadRights(db, user.id);
  const offer = await loadOfferState(db, user.organisationId);
  return {
    kind: "taxpayer",
    userId: user.id,
    organisationId: user.organisationId,
    rights,
    offerAccepted: offer.status === "accepted",
  };
}

/** The union of the rights of the user's groups. */
export async function loadRights(
  db: DrizzleD1Database,
  userId: string,
): Promise<Set<Right>> {
  const rows = await db
    .select({ right: groupRights.right })
    .from(userGroups)
    .innerJoin(groupRights, eq(groupRights.groupId, userGroups.groupId))
    .where(eq(userGroups.userId, userId));
  const known = new Set<string>(RIGHTS);
  return new Set(
    rows.map((row) => row.right).filter((r): r is Right => known.has(r)),
  );
}

/** The offer state of an organisation from its latest application. */
export async function loadOfferState(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<OfferState> {
  const [latest] = await db
    .select()
    .from(offerApplications)
    .where(eq(offerApplications.organisationId, organisationId))
    .orderBy(desc(offerApplications.id))
    .limit(1);
  if (!latest) return { status: "none", method: null, rejectReason: null };
  return {
    status: latest.status,
    method: latest.method,
    rejectReason: latest.status === "rejected" ? latest.rejectReason : null,
  };
}

/** Users of `userIds` mapped to their rights; for last-admin checks. */
export async function rightsOfUsers(
  db: DrizzleD1Database,
  userIds: string[],
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(
    userIds.map((id) => [id, new Set()]),
  );
  if (userIds.length === 0) return result;

  const rows = await db
    .select({ userId: userGroups.userId, right: groupRights.right })
    .from(userGroups)
    .innerJoin(groupRights, eq(groupRights.groupId, userGroups.groupId))
    .where(inArray(userGroups.userId, userIds));
  for (const row of rows) result.get(row.userId)?.add(row.right);
  return result;
}
