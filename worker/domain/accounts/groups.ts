/** Groups of an organisation's users and the rights each group grants. */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { Right } from "../../auth/rights";
import { groupRights, groups, userGroups } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { loadActor } from "./actor";
import { assertAdministratorRemains } from "./admin-guard";
import { auditInsert, diffFields } from "./audit";
import { newAccountId } from "./ids";

/** A group as the API returns it. */
export interface GroupView {
  id: string;
  name: string;
  rights: Right[];
  memberCount: number;
}

export interface GroupInput {
  name: string;
  rights: Right[];
}

/** Lists the organisation's groups by creation, `limit` after `cursor`. */
export async function listGroups(
  db: DrizzleD1Database,
  organisationId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: GroupView[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(groups)
    .where(
      and(
        eq(groups.organisationId, organisationId),
        page.cursor ? gt(groups.id, page.cursor) : undefined,
      ),
    )
    .orderBy(asc(groups.id))
    .limit(page.limit + 1);

  const shown = rows.slice(0, page.limit);
  const items = await describeGroups(db, shown);
  const last = shown.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? last.id : null,
  };
}

/** Creates a group; raises CONFLICT when the name is taken. */
export async function createGroup(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  input: GroupInput,
  now: Date,
): Promise<GroupView> {
  await assertNameFree(db, organisationId, input.name, null);
  const id = newAccountId("grp", now);
  const actor = await loadActor(db, actorId);

  const writes = [
    db.insert(groups).values({ id, organisationId, name: input.name }),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "group.create",
        targetType: "group",
        targetId: id,
        changes: {
          name: { from: null, to: input.name },
          rights: { from: null, to: input.rights },
        },
      },
      now,
    ),
  ] as const;
  if (input.rights.length > 0) {
    await db.batch([
      ...writes,
      db
        .insert(groupRights)
        .values(input.rights.map((right) => ({ groupId: id, right }))),
    ]);
  } else {
    await db.batch(writes);
  }
  return (await loadGroup(db, organisationId, id))!;
}

/** Renames a group and replaces its rights. */
export async function updateGroup(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  groupId: string,
  input: GroupInput,
  now: Date,
): Promise<GroupView> {
  const before = await requireGroup(db, organisationId, groupId);
  await assertNameFree(db, organisationId, input.name, groupId);
  await assertAdministratorRemains(db, organisationId, (membership) => {
    membership.groupRights.set(groupId, new Set(input.rights));
  });
  const actor = await loadActor(db, actorId);
  const rights = [...new Set(input.rights)].sort();

  const changes = diffFields(
    { name: before.name, rights: before.rights },
    { name: input.name, rights },
  );
  const statements = [
    db.update(groups).set({ name: input.name }).where(eq(groups.id, groupId)),
    db.delete(groupRights).where(eq(groupRights.groupId, groupId)),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "group.update",
        targetType: "group",
        targetId: groupId,
        changes,
      },
      now,
    ),
  ] as const;
  if (rights.length > 0) {
    await db.batch([
      ...statements,
      db
        .insert(groupRights)
        .values(rights.map((right) => ({ groupId, right }))),
    ]);
  } else {
    await db.batch(statements);
  }
  return (await loadGroup(db, organisationId, groupId))!;
}

/** Deletes a group; its members lose the rights it granted. */
export async function deleteGroup(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  groupId: string,
  now: Date,
): Promise<void> {
  const before = await requireGroup(db, organisationId, groupId);
  await assertAdministratorRemains(db, organisationId, (membership) => {
    membership.groupRights.delete(groupId);
    for (const groupIds of membership.userGroups.values()) {
      groupIds.delete(groupId);
    }
  });
  const actor = await loadActor(db, actorId);

  await db.batch([
    db.delete(groups).where(eq(groups.id, groupId)),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "group.delete",
        targetType: "group",
        targetId: groupId,
        changes: {
          name: { from: before.name, to: null },
          rights: { from: before.rights, to: null },
        },
      },
      now,
    ),
  ]);
}

/** Raises BAD_REQUEST naming ids that are not groups of the organisation. */
export async function assertOwnGroups(
  db: DrizzleD1Database,
  organisationId: string,
  groupIds: string[],
): Promise<void> {
  if (groupIds.length === 0) return;
  const found = await db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.organisationId, organisationId),
        inArray(groups.id, groupIds),
      ),
    );
  const known = new Set(found.map((row) => row.id));
  const unknown = groupIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `groupIds: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a group" : "are not groups"} of your organisation; list groups with GET /api/groups`,
    );
  }
}

/** Loads one group of the organisation, or null. */
export async function loadGroup(
  db: DrizzleD1Database,
  organisationId: string,
  groupId: string,
): Promise<GroupView | null> {
  const rows = await db
    .select()
    .from(groups)
    .where(
      and(eq(groups.organisationId, organisationId), eq(groups.id, groupId)),
    );
  const [view] = await describeGroups(db, rows);
  return view ?? null;
}

async function requireGroup(
  db: DrizzleD1Database,
  organisationId: string,
  groupId: string,
): Promise<GroupView> {
  const group = await loadGroup(db, organisationId, groupId);
  if (!group) {
    throw new AppError(
      "NOT_FOUND",
      `group ${groupId} is not a group of your organisation`,
    );
  }
  return group;
}

async function assertNameFree(
  db: DrizzleD1Database,
  organisationId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  const [row] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(eq(groups.organisationId, organisationId), eq(groups.name, name)),
    );
  if (row && row.id !== exceptId) {
    throw new AppError(
      "CONFLICT",
      `name: a group named "${name}" already exists; choose another name`,
    );
  }
}

async function describeGroups(
  db: DrizzleD1Database,
  rows: (typeof groups.$inferSelect)[],
): Promise<GroupView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const rights = await db
    .select()
    .from(groupRights)
    .where(inArray(groupRights.groupId, ids));
  const members = await db
    .select({ groupId: userGroups.groupId })
    .from(userGroups)
    .where(inArray(userGroups.groupId, ids));

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    rights: rights
      .filter((r) => r.groupId === row.id)
      .map((r) => r.right as Right)
      .sort(),
    memberCount: members.filter((m) => m.groupId === row.id).length,
  }));
}
