/** The audit log: who changed which fields of what, from what to what. */
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { auditLog } from "../../db/schema-accounts";

/** One changed field. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** Who acted. */
export interface Actor {
  id: string;
  kind: "taxpayer" | "operator";
  name: string;
}

/** One audit entry to write. */
export interface AuditEntry {
  organisationId: string | null;
  actor: Actor;
  action: string;
  targetType: "user" | "organisation" | "group" | "application" | "oked";
  targetId: string;
  changes: Record<string, FieldChange>;
}

/** Fields of `next` that differ from `previous`, as from → to pairs. */
export function diffFields<T extends Record<string, unknown>>(
  previous: T,
  next: Partial<T>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const before = previous[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(value)) {
      changes[field] = { from: before, to: value };
    }
  }
  return changes;
}

/** The statement that writes `entry`, for use inside a D1 batch. */
export function auditInsert(
  db: DrizzleD1Database,
  entry: AuditEntry,
  now: Date,
) {
  return db.insert(auditLog).values({
    organisationId: entry.organisationId,
    actorId: entry.actor.id,
    actorKind: entry.actor.kind,
    actorName: entry.actor.name,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    changes: JSON.stringify(entry.changes),
    createdAt: now.toISOString(),
  });
}

/** One audit entry as the API returns it. */
export interface AuditView {
  id: number;
  at: string;
  actor: Actor;
  action: string;
  target: { type: string; id: string };
  organisationId: string | null;
  changes: Record<string, FieldChange>;
}

/** Lists entries newest first; `filter` narrows to an organisation or kind. */
export async function listAudit(
  db: DrizzleD1Database,
  filter: { organisationId?: string; actorKind?: "taxpayer" | "operator" },
  page: { cursor?: number; limit: number },
): Promise<{ items: AuditView[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.organisationId) {
    conditions.push(eq(auditLog.organisationId, filter.organisationId));
  }
  if (filter.actorKind)
    conditions.push(eq(auditLog.actorKind, filter.actorKind));
  if (page.cursor !== undefined) conditions.push(lt(auditLog.id, page.cursor));

  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1);

  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    at: row.createdAt,
    actor: { id: row.actorId, kind: row.actorKind, name: row.actorName },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    organisationId: row.organisationId,
    changes: JSON.parse(row.changes) as Record<string, FieldChange>,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? String(last.id) : null,
  };
}
