/** Classifiers the registration form offers: taxation regimes and OKED. */
import { asc, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { okedCodes } from "../../db/schema-accounts";

/** Taxation regimes, with the names the form shows. */
export const TAXATION_REGIMES = [
  { code: "general", name: "Общеустановленный режим" },
  { code: "simplified", name: "Упрощённая декларация" },
  { code: "farm", name: "Крестьянское или фермерское хозяйство" },
  { code: "patent", name: "Патент" },
] as const;

export type TaxationRegime = (typeof TAXATION_REGIMES)[number]["code"];

/** Every OKED code of the D1 classifier, ordered by code. */
export async function listOkedCodes(
  db: DrizzleD1Database,
): Promise<{ code: string; name: string }[]> {
  return db.select().from(okedCodes).orderBy(asc(okedCodes.code));
}

/** True when `code` is in the D1 OKED classifier. */
export async function isKnownOked(
  db: DrizzleD1Database,
  code: string,
): Promise<boolean> {
  const [row] = await db
    .select({ code: okedCodes.code })
    .from(okedCodes)
    .where(eq(okedCodes.code, code));
  return row !== undefined;
}
