/**
 * Single-use links: password reset, e-mail confirmation and invitations.
 * The link carries a random token; D1 stores only its SHA-256, so a copy of
 * the table opens nothing.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { singleUseTokens } from "../../db/schema-accounts";
import { AppError } from "../../errors";
import { randomHex, sha256Hex } from "./ids";

export type TokenPurpose = "password_reset" | "email_confirm" | "invitation";

/** How long each kind of link stays valid, in milliseconds. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  password_reset: 60 * 60 * 1000,
  email_confirm: 48 * 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
};

export interface NewToken {
  purpose: TokenPurpose;
  email: string;
  userId?: string;
  organisationId?: string;
  groupIds?: string[];
}

/** Stores a new token's hash and returns the token for the link. */
export async function issueToken(
  db: DrizzleD1Database,
  input: NewToken,
  now: Date,
): Promise<string> {
  const token = randomHex(32);
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);

  await db.insert(singleUseTokens).values({
    tokenHash: await sha256Hex(token),
    purpose: input.purpose,
    userId: input.userId ?? null,
    organisationId: input.organisationId ?? null,
    email: input.email,
    groupIds: input.groupIds ? JSON.stringify(input.groupIds) : null,
    expiresAt: expiresAt.toISOString(),
    createdAt: now.toISOString(),
  });
  return token;
}

/** A spent token's stored data. */
export interface SpentToken {
  userId: string | null;
  organisationId: string | null;
  email: string;
  groupIds: string[];
}

/**
 * Returns a valid token's data without spending it, so a request that
 * fails a later check leaves the link usable. An unknown, used or expired
 * token raises BAD_REQUEST.
 */
export async function peekToken(
  db: DrizzleD1Database,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<SpentToken> {
  const [row] = await db
    .select()
    .from(singleUseTokens)
    .where(
      and(
        eq(singleUseTokens.tokenHash, await sha256Hex(token)),
        eq(singleUseTokens.purpose, purpose),
      ),
    );
  if (!row) {
    throw new AppError(
      "BAD_REQUEST",
      "token: the link is invalid; request a new one",
    );
  }
  if (row.usedAt) throw alreadyUsed();
  if (row.expiresAt <= now.toISOString()) {
    throw new AppError(
      "BAD_REQUEST",
      "token: the link has expired; request a new one",
    );
  }

  return {
    userId: row.userId,
    organisationId: row.organisationId,
    email: row.email,
    groupIds: row.groupIds ? (JSON.parse(row.groupIds) as string[]) : [],
  };
}

/**
 * Marks a valid token used and returns its data; raises as `peekToken`
 * does. The update requires `used_at IS NULL`, so two requests with one
 * token cannot both spend it.
 */
export async function spendToken(
  db: DrizzleD1Database,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<SpentToken> {
  const data = await peekToken(db, token, purpose, now);

  const spent = await db
    .update(singleUseTokens)
    .set({ usedAt: now.toISOString() })
    .where(
      and(
        eq(singleUseTokens.tokenHash, await sha256Hex(token)),
        isNull(singleUseTokens.usedAt),
      ),
    )
    .returning({ tokenHash: singleUseTokens.tokenHash });
  if (spent.length === 0) throw alreadyUsed();
  return data;
}

function alreadyUsed(): AppError {
  return new AppError(
    "BAD_REQUEST",
    "token: the link was already used; request a new one",
  );
}
