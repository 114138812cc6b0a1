/**
 * Cashiers of a KKM. The KKM's object reads them from D1 to check
 * COMMAND_AUTH logins (see `durable/kkm/catalog/cashiers.ts`). Passwords
 * are stored only as PBKDF2 hashes.
 */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { z } from "zod";
import { cashiers } from "../db/schema-catalog";
import { AppError } from "../errors";
import { hashPassword } from "./password";

export const newCashierSchema = z.object({
  kkmId: z.number().int().min(1).max(0xffffffff),
  login: z.string().min(1).max(64),
  password: z.string().min(6),
  /** Operator code the register sends in documents; an int32 in the portal. */
  operatorCode: z.number().int().min(1).max(2_147_483_647),
  name: z.string().min(1).max(200),
  /** UserRoleEnum values: 1 paymaster, 2 chief paymaster, 3 administrator. */
  roles: z.array(z.literal([1, 2, 3])).min(1),
});

export type NewCashier = z.input<typeof newCashierSchema>;

/**
 * Validates and adds a cashier, storing a hash of the password. Throws an
 * AppError: BAD_REQUEST on invalid input, CONFLICT when the login is taken.
 */
export async function addCashier(
  db: DrizzleD1Database,
  input: NewCashier,
): Promise<{ id: number }> {
  const parsed = newCashierSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "BAD_REQUEST",
      `invalid cashier: ${z.prettifyError(parsed.error)}`,
    );
  }
  const cashier = parsed.data;
  const passwordHash = await hashPassword(cashier.password);

  let row: { id: number } | undefined;
  try {
    [row] = await db
      .insert(cashiers)
      .values({
        kkmId: cashier.kkmId,
        login: cashier.login,
        operatorCode: cashier.operatorCode,
        name: cashier.name,
        roles: [...new Set(cashier.roles)],
        passwordHash,
      })
      .returning({ id: cashiers.id });
  } catch (error) {
    const failed = failedConstraint(error);
    if (failed === "UNIQUE") {
      throw new AppError(
        "CONFLICT",
        `login "${cashier.login}" is already used on KKM ${cashier.kkmId}`,
      );
    }
    if (failed === "FOREIGN KEY") {
      throw new AppError(
        "NOT_FOUND",
        `KKM ${cashier.kkmId} is not in the registry`,
      );
    }
    throw error;
  }
  if (!row) throw new Error("cashier insert returned no row");
  return row;
}

/** D1 names a failed constraint only in the message, which drizzle wraps. */
function failedConstraint(error: unknown): "UNIQUE" | "FOREIGN KEY" | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause.message.includes("UNIQUE constraint failed")) return "UNIQUE";
    if (cause.message.includes("FOREIGN KEY constraint failed")) {
      return "FOREIGN KEY";
    }
  }
  return null;
}
