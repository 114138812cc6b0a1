/**
 * Goods list look-ups of a KKM's object, read from D1 for
 * COMMAND_NOMENCLATURE. Writes go through `worker/domain/nomenclature.ts`.
 */
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { kkms } from "../../../worker/db/schema";
import {
  nationalCatalogue,
  nomenclatureElements,
  nomenclatureVersions,
} from "../../../worker/db/schema-catalog";

export type ElementRow = typeof nomenclatureElements.$inferSelect;
export type CatalogueEntry = typeof nationalCatalogue.$inferSelect;

/** An organisation's goods list at one version. */
export interface GoodsList {
  version: number;
  /** UTC ISO time of the change that made this version. */
  createdAt: string;
  elements: ElementRow[];
}

/** Reads the organisation that owns `kkmId`, or null if D1 has no such KKM. */
export async function organisationOfKkm(
  db: D1Database,
  kkmId: number,
): Promise<string | null> {
  const [row] = await drizzle(db)
    .select({ organisationId: kkms.organisationId })
    .from(kkms)
    .where(eq(kkms.id, kkmId));
  return row?.organisationId ?? null;
}

/** Reads the organisation's current list version, 0 when it has no list. */
export async function currentVersion(
  db: D1Database,
  organisationId: string,
): Promise<number> {
  const [row] = await drizzle(db)
    .select({ version: nomenclatureVersions.version })
    .from(nomenclatureVersions)
    .where(eq(nomenclatureVersions.organisationId, organisationId));
  return row?.version ?? 0;
}

/**
 * Reads the organisation's list with its version, or null when it has
 * none. Both reads run in one batch, so the elements match the version.
 */
export async function loadGoodsList(
  db: D1Database,
  organisationId: string,
): Promise<GoodsList | null> {
  const orm = drizzle(db);
  const [versions, elements] = await orm.batch([
    orm
      .select()
      .from(nomenclatureVersions)
      .where(eq(nomenclatureVersions.organisationId, organisationId)),
    orm
      .select()
      .from(nomenclatureElements)
      .where(eq(nomenclatureElements.organisationId, organisationId))
      .orderBy(asc(nomenclatureElements.id)),
  ]);
  const version = versions[0];
  if (!version) return null;
  return { version: version.version, createdAt: version.createdAt, elements };
}

/** Reads the National Catalogue record of `barcode`, or null. */
export async function findInNationalCatalogue(
  db: D1Database,
  barcode: string,
): Promise<CatalogueEntry | null> {
  const [row] = await drizzle(db)
    .select()
    .from(nationalCatalogue)
    .where(eq(nationalCatalogue.barcode, barcode));
  return row ?? null;
}
