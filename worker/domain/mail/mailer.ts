/**
 * The one way the portal sends mail. Locally and in tests every message
 * goes to the D1 `mail_outbox` table, listed by `GET /api/dev/mail` when
 * DEMO_MODE is on.
 *
 * NOTE: production delivery is not wired yet. It belongs behind this same
 * interface, through a Cloudflare Email Workers `send_email` binding named
 * MAIL.
 */
import { desc, lt } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { mailOutbox } from "../../db/schema-accounts";

/** One plain-text message; `link` is the single action link it carries. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  link?: string;
}

/** Sends messages; domain functions take one instead of a binding. */
export interface Mailer {
  sendMail(message: MailMessage): Promise<void>;
}

/** A mailer that writes each message to the D1 outbox at `now`. */
export function outboxMailer(db: DrizzleD1Database, now: Date): Mailer {
  return {
    async sendMail(message) {
      await db.insert(mailOutbox).values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        link: message.link ?? null,
        createdAt: now.toISOString(),
      });
    },
  };
}

/** One stored message of the outbox. */
export interface OutboxMessage extends MailMessage {
  id: number;
  createdAt: string;
}

/** Lists the outbox newest first, `limit` messages before id `cursor`. */
export async function listOutbox(
  db: DrizzleD1Database,
  page: { cursor?: number; limit: number },
): Promise<{ items: OutboxMessage[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(
      page.cursor === undefined ? undefined : lt(mailOutbox.id, page.cursor),
    )
    .orderBy(desc(mailOutbox.id))
    .limit(page.limit + 1);

  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    link: row.link ?? undefined,
    createdAt: row.createdAt,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? String(last.id) : null,
  };
}
