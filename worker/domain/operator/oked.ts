/**
 * The operator's edits of the OKED classifier that the registration wizard
 * checks codes against: search, add, rename and remove. Every change is
 * written to the audit log in the same D1 batch.
 */
import { asc, count, eq, gt } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { organisations } from "../../db/schema";
import { okedCodes } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { loadActor } from "../accounts/actor";
import { auditInsert } from "../accounts/audit";
import { isUniqueViolation } from "../kkms/activation";

/** One code of the classifier. */
export interface OkedCode {
  code: string;
  name: string;
}

/**
 * Finds codes that start with `query` or whose name contains it, ignoring
 * case, ordered by code, `limit` after `cursor` (a code).
 */
export async function searchOkedCodes(
  db: DrizzleD1Database,
  query: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: OkedCode[]; nextCursor: string | null }> {
  // SQLite's lower() folds only ASCII letters, so names are matched in
  // JavaScript, which folds Cyrillic too. This reads the whole table, which
  // stays small: the official classifier has roughly a thousand codes
  // (an estimate).
  const rows = await db
    .select()
    .from(okedCodes)
    .where(page.cursor ? gt(okedCodes.code, page.cursor) : undefined)
    .orderBy(asc(okedCodes.code));
  const needle = query.toLocaleLowerCase("ru");
  const matching = needle
    ? rows.filter(
        (row) =>
          row.code.startsWith(needle) ||
          row.name.toLocaleLowerCase("ru").includes(needle),
      )
    : rows;

  const items = matching.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: matching.length > page.limit && last ? last.code : null,
  };
}

/** Adds a code. Raises CONFLICT when the code is already listed. */
export async function addOkedCode(
  db: DrizzleD1Database,
  operatorId: string,
  input: OkedCode,
  now: Date,
): Promise<OkedCode> {
  const existing = await findOkedCode(db, input.code);
  if (existing) throw duplicateCode(existing);
  const actor = await loadActor(db, operatorId);

  try {
    await db.batch([
      db.insert(okedCodes).values(input),
      auditInsert(
        db,
        {
          organisationId: null,
          actor,
          action: "oked.create",
          targetType: "oked",
          targetId: input.code,
          changes: { name: { from: null, to: input.name } },
        },
        now,
      ),
    ]);
  } catch (error) {
    // Another operator added the same code after the check above.
    if (isUniqueViolation(error)) throw duplicateCode(input);
    throw error;
  }
  return input;
}

/** Renames a code. An unchanged name writes nothing. */
export async function renameOkedCode(
  db: DrizzleD1Database,
  operatorId: string,
  code: string,
  name: string,
  now: Date,
): Promise<OkedCode> {
  const before = await requireOkedCode(db, code);
  if (before.name === name) return before;
  const actor = await loadActor(db, operatorId);

  await db.batch([
    db.update(okedCodes).set({ name }).where(eq(okedCodes.code, code)),
    auditInsert(
      db,
      {
        organisationId: null,
        actor,
        action: "oked.rename",
        targetType: "oked",
        targetId: code,
        changes: { name: { from: before.name, to: name } },
      },
      now,
    ),
  ]);
  return { code, name };
}

/**
 * Removes a code. Raises CONFLICT while organisations have it, because
 * their requisites would then name a code the classifier no longer lists.
 */
export async function removeOkedCode(
  db: DrizzleD1Database,
  operatorId: string,
  code: string,
  now: Date,
): Promise<OkedCode> {
  const before = await requireOkedCode(db, code);
  // NOTE: organisations.okved has no index, so this count scans the table.
  // Removals are rare operator actions. An organisation that saves this
  // code between the count and the delete keeps it.
  const [usage] = await db
    .select({ total: count() })
    .from(organisations)
    .where(eq(organisations.okved, code));
  const total = usage?.total ?? 0;
  if (total > 0) {
    throw new AppError(
      "CONFLICT",
      `code: ${code} is the OKED code of ${total} organisation(s), so it cannot be removed; rename it instead, or remove it after they change their code`,
    );
  }
  const actor = await loadActor(db, operatorId);

  await db.batch([
    db.delete(okedCodes).where(eq(okedCodes.code, code)),
    auditInsert(
      db,
      {
        organisationId: null,
        actor,
        action: "oked.delete",
        targetType: "oked",
        targetId: code,
        changes: { name: { from: before.name, to: null } },
      },
      now,
    ),
  ]);
  return before;
}

async function findOkedCode(
  db: DrizzleD1Database,
  code: string,
): Promise<OkedCode | undefined> {
  const [row] = await db
    .select()
    .from(okedCodes)
    .where(eq(okedCodes.code, code));
  return row;
}

async function requireOkedCode(
  db: DrizzleD1Database,
  code: string,
): Promise<OkedCode> {
  const row = await findOkedCode(db, code);
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      `code: ${code} is not in the OKED classifier; find codes with GET /api/operator/oked`,
    );
  }
  return row;
}

function duplicateCode(existing: OkedCode): AppError {
  return new AppError(
    "CONFLICT",
    `code: ${existing.code} is already in the classifier as "${existing.name}"; rename that code instead`,
  );
}
