/**
 * Receipt texts (ticket ads) per OFD, organisation, point of sale and KKM.
 * An edit raises the text's version and pushes the registration of every
 * KKM it reaches, so registers fetch the new text on their next request.
 */
import { eq, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { kkms } from "../db/schema";
import { ticketAds } from "../db/schema-reports";
import { AppError } from "../errors";
import { pushRegistration } from "./kkm-registry";

export type TicketAdScope = "ofd" | "organisation" | "point_of_sale" | "kkm";

/** Longest text a register is asked to print, in characters. */
export const MAX_TICKET_AD_LENGTH = 1000;

/**
 * Sets the text of one scope (`scopeId` empty for the OFD) and returns its
 * new version and how many KKMs were updated.
 */
export async function setTicketAd(
  db: DrizzleD1Database,
  env: Env,
  input: { scope: TicketAdScope; scopeId: string; text: string },
): Promise<{ version: number; kkmsUpdated: number }> {
  const text = input.text.trim();
  if (text.length === 0 || text.length > MAX_TICKET_AD_LENGTH) {
    throw new AppError(
      "BAD_REQUEST",
      `text: expected 1 to ${MAX_TICKET_AD_LENGTH} characters, got ${text.length}`,
    );
  }
  const scopeId = input.scope === "ofd" ? "" : input.scopeId;

  const [row] = await db
    .insert(ticketAds)
    .values({ scope: input.scope, scopeId, text, version: 1 })
    .onConflictDoUpdate({
      target: [ticketAds.scope, ticketAds.scopeId],
      set: {
        text,
        version: sql`${ticketAds.version} + 1`,
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      },
    })
    .returning({ version: ticketAds.version });
  if (!row) throw new Error("ticket ad upsert returned no row");

  const reached = await db
    .select({ id: kkms.id })
    .from(kkms)
    .where(scopeFilter(input.scope, scopeId));
  for (const kkm of reached) await pushRegistration(db, env, kkm.id);
  return { version: row.version, kkmsUpdated: reached.length };
}

function scopeFilter(scope: TicketAdScope, scopeId: string) {
  switch (scope) {
    case "ofd":
      return sql`1 = 1`;
    case "organisation":
      return eq(kkms.organisationId, scopeId);
    case "point_of_sale":
      return eq(kkms.pointOfSaleId, scopeId);
    case "kkm":
      return eq(kkms.id, Number(scopeId));
  }
}
