/**
 * Keeps an organisation administrable: a change to groups or memberships
 * that would leave no user with manage_users is rejected with CONFLICT.
 */
import { eq, inArray } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import {
  groupRights,
  groups,
  userGroups,
  users,
} from "../../db/schema-accounts";
import { AppError } from "../../errors";

/** Who is in which group, and which rights each group grants. */
export interface Membership {
  userGroups: Map<string, Set<string>>;
  groupRights: Map<string, Set<string>>;
}

/** Loads the organisation's memberships and group rights. */
export async function loadMembership(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<Membership> {
  const orgUsers = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.organisationId, organisationId));
  const orgGroups = await db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.organisationId, organisationId));
  const groupIds = orgGroups.map((group) => group.id);

  const membership: Membership = {
    userGroups: new Map(orgUsers.map((user) => [user.id, new Set<string>()])),
    groupRights: new Map(groupIds.map((id) => [id, new Set<string>()])),
  };
  if (groupIds.length === 0) return membership;

  const members = await db
    .select()
    .from(userGroups)
    .where(inArray(userGroups.groupId, groupIds));
  for (const row of members)
    membership.userGroups.get(row.userId)?.add(row.groupId);
  const rights = await db
    .select()
    .from(groupRights)
    .where(inArray(groupRights.groupId, groupIds));
  for (const row of rights)
    membership.groupRights.get(row.groupId)?.add(row.right);
  return membership;
}

/**
 * Applies `change` to the loaded membership and raises CONFLICT when no
 * user would hold manage_users afterwards.
 */
export async function assertAdministratorRemains(
  db: DrizzleD1Database,
  organisationId: string,
  change: (membership: Membership) => void,
): Promise<void> {
  const membership = await loadMembership(db, organisationId);
  change(membership);

  for (const groupIds of membership.userGroups.values()) {
    for (const groupId of groupIds) {
      if (membership.groupRights.get(groupId)?.has("manage_users")) return;
    }
  }
  throw new AppError(
    "CONFLICT",
    "this change would leave the organisation without a user holding manage_users; give that right to another user first",
  );
}
