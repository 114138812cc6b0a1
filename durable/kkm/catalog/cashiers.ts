/** Cashier look-ups of a KKM's object, read from D1 for COMMAND_AUTH. */
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { cashiers } from "../../../worker/db/schema-catalog";

/** A cashier as COMMAND_AUTH needs it. */
export interface StoredCashier {
  operatorCode: number;
  name: string;
  /** UserRoleEnum numbers. */
  roles: number[];
  passwordHash: string;
}

/** Reads the cashier of `kkmId` with `login`, or null. */
export async function findCashier(
  db: D1Database,
  kkmId: number,
  login: string,
): Promise<StoredCashier | null> {
  const [row] = await drizzle(db)
    .select({
      operatorCode: cashiers.operatorCode,
      name: cashiers.name,
      roles: cashiers.roles,
      passwordHash: cashiers.passwordHash,
    })
    .from(cashiers)
    .where(and(eq(cashiers.kkmId, kkmId), eq(cashiers.login, login)))
    .limit(1);
  return row ?? null;
}
