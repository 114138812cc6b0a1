/**
 * A buyer's own entries, shown through a single-use link sent to the
 * contact the entries were made with. A request for a link gets the same
 * response either way, so a caller cannot learn whether a contact has entries.
 */
import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import {
  lotteryAccessTokens,
  lotteryDraws,
  lotteryEntries,
  lotteryWinners,
} from "../../db/schema-lottery";
import type { Mailer } from "../mail/mailer";
import { maskContact, type Contact } from "./contact";
import { sha256Hex } from "./draw";
import { drawStatus, type DrawStatus } from "./period";

/** How long a link to one's entries opens, in milliseconds. */
export const MY_ENTRIES_LINK_LIFETIME_MS = 30 * 60 * 1000;

/** Prefix of outbox recipients that are phones: the text goes out as SMS. */
export const SMS_RECIPIENT_PREFIX = "sms:";

/** Maximum number of entries one link shows. */
export const MY_ENTRIES_LIMIT = 200;

/** One of the buyer's entries. */
export interface MyEntry {
  drawId: string;
  drawTitle: string;
  drawStatus: DrawStatus;
  kgdNumber: string;
  fiscalSign: string;
  receiptDateTime: string;
  receiptTotal: number;
  keyHash: string;
  /** The prize place when the entry won, null otherwise. */
  place: number | null;
  createdAt: string;
}

/**
 * Sends a link to the contact's entries when it has any: an e-mail, or an
 * SMS text written to the outbox with an `sms:` recipient.
 */
export async function sendMyEntriesLink(
  db: DrizzleD1Database,
  mailer: Mailer,
  contact: Contact,
  origin: string,
  now: Date,
): Promise<void> {
  const any = await db
    .select({ id: lotteryEntries.id })
    .from(lotteryEntries)
    .where(eq(lotteryEntries.contact, contact.value))
    .limit(1);
  if (any.length === 0) return;

  const token = randomToken();
  await db.insert(lotteryAccessTokens).values({
    tokenHash: await sha256Hex(token),
    contact: contact.value,
    expiresAt: new Date(
      now.getTime() + MY_ENTRIES_LINK_LIFETIME_MS,
    ).toISOString(),
    usedAt: null,
    createdAt: now.toISOString(),
  });

  const link = `${origin}/lottery/my-entries?token=${token}`;
  // NOTE: SMS delivery is not wired; like mail, the text goes to the outbox.
  await mailer.sendMail(
    contact.kind === "email"
      ? {
          to: contact.value,
          subject: "Your OFD lottery entries",
          text: `Open this link within 30 minutes to see your lottery entries. It opens once: ${link}\nIf you did not ask for it, ignore this message.`,
          link,
        }
      : {
          to: `${SMS_RECIPIENT_PREFIX}${contact.value}`,
          subject: "SMS",
          text: `OFD lottery: your entries, link opens once within 30 min: ${link}`,
          link,
        },
  );
}

/** Outcome of opening a link. */
export type MyEntriesOutcome =
  | { reason: "ok"; contactMasked: string; entries: MyEntry[] }
  | { reason: "invalid_link" };

/**
 * Opens a link: spends its token (it works once, before it expires) and
 * lists the contact's entries newest first, at most MY_ENTRIES_LIMIT.
 */
export async function openMyEntries(
  db: DrizzleD1Database,
  token: string,
  now: Date,
): Promise<MyEntriesOutcome> {
  const spent = await db
    .update(lotteryAccessTokens)
    .set({ usedAt: now.toISOString() })
    .where(
      and(
        eq(lotteryAccessTokens.tokenHash, await sha256Hex(token)),
        isNull(lotteryAccessTokens.usedAt),
        gt(lotteryAccessTokens.expiresAt, now.toISOString()),
      ),
    )
    .returning({ contact: lotteryAccessTokens.contact });
  const contact = spent[0]?.contact;
  if (contact === undefined) return { reason: "invalid_link" };

  const rows = await db
    .select({ entry: lotteryEntries, draw: lotteryDraws })
    .from(lotteryEntries)
    .innerJoin(lotteryDraws, eq(lotteryDraws.id, lotteryEntries.drawId))
    .where(eq(lotteryEntries.contact, contact))
    .orderBy(desc(lotteryEntries.id))
    .limit(MY_ENTRIES_LIMIT);
  const entryIds = rows.map((row) => row.entry.id);
  const wins =
    entryIds.length === 0
      ? []
      : await db
          .select()
          .from(lotteryWinners)
          .where(inArray(lotteryWinners.entryId, entryIds));
  const placeOf = new Map(wins.map((win) => [win.entryId, win.place]));

  const kind = contact.includes("@") ? "email" : "phone";
  return {
    reason: "ok",
    contactMasked: maskContact({ kind, value: contact }),
    entries: rows.map(({ entry, draw }) => ({
      drawId: draw.id,
      drawTitle: draw.title,
      drawStatus: drawStatus(draw, now),
      kgdNumber: entry.kgdNumber,
      fiscalSign: entry.fiscalSign,
      receiptDateTime: entry.receiptDateTime,
      receiptTotal: entry.receiptTotal,
      keyHash: entry.keyHash,
      place: placeOf.get(entry.id) ?? null,
      createdAt: entry.createdAt,
    })),
  };
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
