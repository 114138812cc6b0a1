/** Loads the audit actor of a user id. */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { users } from "../../db/schema-accounts";
import type { Actor } from "./audit";

/** The actor of `userId`, named by full name, else IIN/BIN or login. */
export async function loadActor(
  db: DrizzleD1Database,
  userId: string,
): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} of a live session is missing`);
  return {
    id: user.id,
    kind: user.kind,
    name: user.fullName || user.iinBin || user.login || user.id,
  };
}
