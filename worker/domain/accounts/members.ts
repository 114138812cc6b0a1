/** The organisation's users: listing, invitations, groups and removal. */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { groups, userGroups, users } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import type { Mailer } from "../mail/mailer";
import { hashPassword } from "../password";
import { loadActor } from "./actor";
import { assertAdministratorRemains } from "./admin-guard";
import { auditInsert } from "./audit";
import { rightsOfUsers } from "./caller";
import { assertOwnGroups } from "./groups";
import { newAccountId } from "./ids";
import { portalLink } from "./links";
import { createSession, type NewSession } from "./sessions";
import { issueToken, peekToken, spendToken, TOKEN_LIFETIME_MS } from "./tokens";
import { userView, type UserView } from "./views";

/** A user of the organisation with groups and effective rights. */
export interface MemberView extends UserView {
  groups: { id: string; name: string }[];
  rights: string[];
}

/** Lists the organisation's users by creation, `limit` after `cursor`. */
export async function listMembers(
  db: DrizzleD1Database,
  organisationId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: MemberView[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        page.cursor ? gt(users.id, page.cursor) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const items = await describeMembers(db, shown);
  const last = shown.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? last.id : null,
  };
}

/** Mails a 7-day invitation link that joins `groupIds` on acceptance. */
export async function inviteUser(
  db: DrizzleD1Database,
  mailer: Mailer,
  actorId: string,
  organisationId: string,
  input: { email: string; groupIds: string[] },
  now: Date,
  origin: string,
): Promise<{ email: string; groupIds: string[]; expiresAt: string }> {
  await assertOwnGroups(db, organisationId, input.groupIds);
  const actor = await loadActor(db, actorId);

  const token = await issueToken(
    db,
    {
      purpose: "invitation",
      organisationId,
      email: input.email,
      groupIds: input.groupIds,
    },
    now,
  );
  const link = portalLink(origin, "invitation", token);
  await mailer.sendMail({
    to: input.email,
    subject: "You are invited to an organisation on the OFD portal",
    text: `${actor.name} invited you to their organisation's cabinet. Open this link within 7 days to create your account: ${link}`,
    link,
  });
  await auditInsert(
    db,
    {
      organisationId,
      actor,
      action: "user.invite",
      targetType: "user",
      targetId: input.email,
      changes: { groupIds: { from: null, to: input.groupIds } },
    },
    now,
  );

  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS.invitation);
  return { ...input, expiresAt: expiresAt.toISOString() };
}

export interface Acceptance {
  token: string;
  iinBin: string;
  fullName: string;
  password: string;
}

/** Creates the invited user in the inviting organisation and signs in. */
export async function acceptInvitation(
  db: DrizzleD1Database,
  input: Acceptance,
  now: Date,
): Promise<{ user: typeof users.$inferSelect; session: NewSession }> {
  await peekToken(db, input.token, "invitation", now);
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.iinBin, input.iinBin));
  if (taken) {
    throw new AppError(
      "CONFLICT",
      `iinBin: an account with IIN ${input.iinBin} already exists; sign in with it or ask for an invitation to another IIN`,
    );
  }
  const passwordHash = await hashPassword(input.password);

  const invitation = await spendToken(db, input.token, "invitation", now);
  const organisationId = invitation.organisationId!;
  const userId = newAccountId("user", now);
  // Groups deleted since the invitation was sent are skipped.
  const live = invitation.groupIds.length
    ? await db
        .select({ id: groups.id })
        .from(groups)
        .where(
          and(
            eq(groups.organisationId, organisationId),
            inArray(groups.id, invitation.groupIds),
          ),
        )
    : [];

  const insertUser = db.insert(users).values({
    id: userId,
    kind: "taxpayer",
    organisationId,
    iinBin: input.iinBin,
    email: invitation.email,
    // The link reached this address, which confirms it.
    emailConfirmed: true,
    fullName: input.fullName,
    passwordHash,
    createdAt: now.toISOString(),
  });
  const audit = auditInsert(
    db,
    {
      organisationId,
      actor: { id: userId, kind: "taxpayer", name: input.fullName },
      action: "user.join",
      targetType: "user",
      targetId: userId,
      changes: { groupIds: { from: null, to: live.map((g) => g.id) } },
    },
    now,
  );
  if (live.length > 0) {
    await db.batch([
      insertUser,
      db
        .insert(userGroups)
        .values(live.map((group) => ({ userId, groupId: group.id }))),
      audit,
    ]);
  } else {
    await db.batch([insertUser, audit]);
  }

  const session = await createSession(db, userId, now);
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return { user: user!, session };
}

/** Replaces the user's groups, keeping a manage_users holder. */
export async function setMemberGroups(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  userId: string,
  groupIds: string[],
  now: Date,
): Promise<MemberView> {
  await requireMember(db, organisationId, userId);
  await assertOwnGroups(db, organisationId, groupIds);
  await assertAdministratorRemains(db, organisationId, (membership) => {
    membership.userGroups.set(userId, new Set(groupIds));
  });
  const actor = await loadActor(db, actorId);
  const before = await db
    .select({ groupId: userGroups.groupId })
    .from(userGroups)
    .where(eq(userGroups.userId, userId));
  const unique = [...new Set(groupIds)].sort();

  const statements = [
    db.delete(userGroups).where(eq(userGroups.userId, userId)),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "user.groups",
        targetType: "user",
        targetId: userId,
        changes: {
          groupIds: {
            from: before.map((row) => row.groupId).sort(),
            to: unique,
          },
        },
      },
      now,
    ),
  ] as const;
  if (unique.length > 0) {
    await db.batch([
      ...statements,
      db
        .insert(userGroups)
        .values(unique.map((groupId) => ({ userId, groupId }))),
    ]);
  } else {
    await db.batch(statements);
  }

  const [row] = await db.select().from(users).where(eq(users.id, userId));
  const [member] = await describeMembers(db, row ? [row] : []);
  return member!;
}

/** Removes a user from the organisation, keeping a manage_users holder. */
export async function deleteMember(
  db: DrizzleD1Database,
  actorId: string,
  organisationId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const member = await requireMember(db, organisationId, userId);
  await assertAdministratorRemains(db, organisationId, (membership) => {
    membership.userGroups.delete(userId);
  });
  const actor = await loadActor(db, actorId);

  // Sessions, tokens and memberships go with the row (ON DELETE CASCADE).
  await db.batch([
    db.delete(users).where(eq(users.id, userId)),
    auditInsert(
      db,
      {
        organisationId,
        actor,
        action: "user.delete",
        targetType: "user",
        targetId: userId,
        changes: {
          iinBin: { from: member.iinBin, to: null },
          fullName: { from: member.fullName, to: null },
        },
      },
      now,
    ),
  ]);
}

async function requireMember(
  db: DrizzleD1Database,
  organisationId: string,
  userId: string,
): Promise<UserView> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      `user ${userId} is not a user of your organisation`,
    );
  }
  return userView(row);
}

async function describeMembers(
  db: DrizzleD1Database,
  rows: (typeof users.$inferSelect)[],
): Promise<MemberView[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const memberships = await db
    .select({ userId: userGroups.userId, id: groups.id, name: groups.name })
    .from(userGroups)
    .innerJoin(groups, eq(groups.id, userGroups.groupId))
    .where(inArray(userGroups.userId, ids));
  const rights = await rightsOfUsers(db, ids);

  return rows.map((row) => ({
    ...userView(row),
    groups: memberships
      .filter((m) => m.userId === row.id)
      .map((m) => ({ id: m.id, name: m.name })),
    rights: [...(rights.get(row.id) ?? [])].sort(),
  }));
}
