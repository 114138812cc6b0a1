import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { sessions, users } from "../../../worker/db/schema-accounts";
import { sha256Hex } from "../../../worker/domain/accounts/ids";
import {
  confirmEmail,
  confirmPasswordReset,
} from "../../../worker/domain/accounts/recovery";
import {
  createSession,
  resolveSession,
} from "../../../worker/domain/accounts/sessions";
import { issueToken } from "../../../worker/domain/accounts/tokens";
import {
  call,
  lastMailTo,
  PASSWORD,
  sessionOf,
  signUp,
  tokenOf,
} from "./client";

const db = drizzle(env.DB);

describe("POST /api/auth/login", () => {
  it("signs in with the right password", async () => {
    const account = await signUp();

    const result = await call("POST", "/api/auth/login", {
      body: { iinBin: account.iinBin, password: PASSWORD },
      headers: { "cf-connecting-ip": "10.0.0.1" },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.user.id).toBe(account.userId);
    expect(sessionOf(result).cookie).not.toBe(account.cookie);
  });

  it("rejects a wrong password", async () => {
    const account = await signUp();

    const result = await call("POST", "/api/auth/login", {
      body: { iinBin: account.iinBin, password: "Wrong-1" },
      headers: { "cf-connecting-ip": "10.0.0.2" },
    });

    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe("UNAUTHORIZED");
    expect(result.body.error.message).toBe(
      "wrong IIN/BIN or password; check both and retry, or reset the password",
    );
  });

  it("locks an account after 5 failures", async () => {
    const account = await signUp();
    for (let i = 0; i < 5; i++) {
      const failed = await call("POST", "/api/auth/login", {
        body: { iinBin: account.iinBin, password: "Wrong-1" },
        headers: { "cf-connecting-ip": `10.1.0.${i}` },
      });
      expect(failed.status, `attempt ${i + 1}`).toBe(401);
    }

    const locked = await call("POST", "/api/auth/login", {
      body: { iinBin: account.iinBin, password: PASSWORD },
      headers: { "cf-connecting-ip": "10.1.1.1" },
    });

    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("RATE_LIMITED");
    expect(locked.body.error.message).toBe(
      "too many failed logins; try again in 15 minutes",
    );
    expect(locked.setCookie).toBeNull();
  });

  it("locks an address after 5 failures", async () => {
    const victims = [await signUp(), await signUp()];
    for (let i = 0; i < 5; i++) {
      await call("POST", "/api/auth/login", {
        body: { iinBin: victims[0]!.iinBin, password: `Wrong-${i}` },
        headers: { "cf-connecting-ip": "10.2.0.1" },
      });
      // A success from another address clears only the account's count.
      await call("POST", "/api/auth/login", {
        body: { iinBin: victims[0]!.iinBin, password: PASSWORD },
        headers: { "cf-connecting-ip": "10.2.0.2" },
      });
    }

    const locked = await call("POST", "/api/auth/login", {
      body: { iinBin: victims[1]!.iinBin, password: PASSWORD },
      headers: { "cf-connecting-ip": "10.2.0.1" },
    });

    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe(
      "too many failed logins; try again in 15 minutes",
    );
  });

  it.each([
    [
      { iinBin: "960624350643", password: "x" },
      "iinBin: check digit does not match",
    ],
    [{ iinBin: "960624350642", password: "" }, "password: must not be empty"],
    [{ password: "x" }, "iinBin:"],
  ])("rejects the body %o", async (body, message) => {
    const result = await call("POST", "/api/auth/login", { body });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(message);
  });
});

describe("sessions", () => {
  it("returns 401 without a session", async () => {
    const result = await call("GET", "/api/auth/me");

    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe("UNAUTHORIZED");
  });

  it("returns 401 for an unknown cookie", async () => {
    const result = await call("GET", "/api/auth/me", {
      session: { cookie: "ab".repeat(32), csrf: "x" },
    });

    expect(result.status).toBe(401);
  });

  it.each([
    ["missing", null],
    ["wrong", "0".repeat(48)],
  ])("rejects a %s CSRF header", async (_case, csrf) => {
    const account = await signUp();

    const result = await call("PUT", "/api/me", {
      session: account,
      csrf,
      body: { fullName: "Changed" },
    });
    const me = await call("GET", "/api/me", { session: account });

    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe("FORBIDDEN");
    expect(result.body.error.message).toBe(
      "missing or invalid x-csrf-token header; reload the page",
    );
    expect(me.body.user.fullName).toBe("");
  });

  it("stores only the cookie's hash", async () => {
    const account = await signUp();

    const [byHash] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, await sha256Hex(account.cookie)));
    const [byValue] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, account.cookie));

    expect(byHash?.userId).toBe(account.userId);
    expect(byValue).toBeUndefined();
  });

  it("expires after 12 idle hours", async () => {
    const account = await signUp();
    const start = new Date("2026-12-04T08:00:00Z");
    const session = await createSession(db, account.userId, start);

    const later = await resolveSession(
      db,
      session.cookieValue,
      new Date("2026-12-04T19:00:00Z"),
    );
    const slid = await resolveSession(
      db,
      session.cookieValue,
      new Date("2026-12-05T06:59:00Z"),
    );
    const expired = await resolveSession(
      db,
      session.cookieValue,
      new Date("2026-12-05T19:00:01Z"),
    );

    expect(later?.user.id).toBe(account.userId);
    expect(slid?.user.id, "expiry slid with the 19:00 request").toBe(
      account.userId,
    );
    expect(expired).toBeNull();
  });

  it("logs out and forgets the session", async () => {
    const account = await signUp();

    const out = await call("POST", "/api/auth/logout", { session: account });
    const me = await call("GET", "/api/auth/me", { session: account });

    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(me.status).toBe(401);
  });
});

describe("password reset", () => {
  it("sets a new password once", async () => {
    const account = await signUp();
    const requested = await call("POST", "/api/auth/password-reset/request", {
      body: { iinBin: account.iinBin },
    });
    const mail = await lastMailTo(`${account.iinBin}@example.kz`);
    const token = tokenOf(mail.link);

    const first = await call("POST", "/api/auth/password-reset/confirm", {
      body: { token, password: "Newpass-2" },
    });
    const second = await call("POST", "/api/auth/password-reset/confirm", {
      body: { token, password: "Other-3x" },
    });
    const login = await call("POST", "/api/auth/login", {
      body: { iinBin: account.iinBin, password: "Newpass-2" },
    });
    const oldSession = await call("GET", "/api/auth/me", { session: account });

    expect(requested.status).toBe(202);
    expect(mail.link).toMatch(
      /^https:\/\/ofd\.example\/reset-password\?token=[0-9a-f]{64}$/,
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(second.status).toBe(400);
    expect(second.body.error.message).toBe(
      "token: the link was already used; request a new one",
    );
    expect(login.status).toBe(200);
    expect(oldSession.status, "reset ends old sessions").toBe(401);
  });

  it("answers 202 for an unknown account", async () => {
    const result = await call("POST", "/api/auth/password-reset/request", {
      body: { iinBin: "250140000013" },
    });

    expect(result.status).toBe(202);
  });

  it("rejects a link after 1 hour", async () => {
    const account = await signUp();
    const issued = new Date("2026-12-04T08:00:00Z");
    const token = await issueToken(
      db,
      { purpose: "password_reset", userId: account.userId, email: "a@b.kz" },
      issued,
    );

    const late = confirmPasswordReset(
      db,
      token,
      "Newpass-2",
      new Date("2026-12-04T09:00:00Z"),
    );

    await expect(late).rejects.toThrow(
      "token: the link has expired; request a new one",
    );
  });

  it.each([
    [
      { token: "abc", password: "Newpass-2" },
      "token: must be the 64-character token from the link",
    ],
    [
      { token: "a".repeat(64), password: "short" },
      "password: must be at least 6 characters",
    ],
  ])("rejects the body %o", async (body, message) => {
    const result = await call("POST", "/api/auth/password-reset/confirm", {
      body,
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(message);
  });

  it("rejects an unknown token", async () => {
    const result = await call("POST", "/api/auth/password-reset/confirm", {
      body: { token: "b".repeat(64), password: "Newpass-2" },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "token: the link is invalid; request a new one",
    );
  });
});

describe("e-mail confirmation", () => {
  it("confirms the e-mail once", async () => {
    const account = await signUp();
    const mail = await lastMailTo(`${account.iinBin}@example.kz`);
    const token = tokenOf(mail.link);

    const first = await call("POST", "/api/auth/email/confirm", {
      body: { token },
    });
    const second = await call("POST", "/api/auth/email/confirm", {
      body: { token },
    });
    const me = await call("GET", "/api/auth/me", { session: account });

    expect(mail.link).toContain("/confirm-email?token=");
    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(second.body.error.message).toContain("already used");
    expect(me.body.user.emailConfirmed).toBe(true);
  });

  it("rejects a link after 48 hours", async () => {
    const account = await signUp();
    const token = await issueToken(
      db,
      { purpose: "email_confirm", userId: account.userId, email: "x@b.kz" },
      new Date("2026-12-01T08:00:00Z"),
    );

    const late = confirmEmail(db, token, new Date("2026-12-03T08:00:00Z"));
    await expect(late).rejects.toThrow("token: the link has expired");

    const inTime = confirmEmail(db, token, new Date("2026-12-03T07:59:59Z"));
    await expect(inTime, "expiry must not spend the link").resolves.toBe(
      undefined,
    );
  });
});

describe("GET /api/dev/mail", () => {
  it("lists the outbox newest first", async () => {
    const first = await signUp();
    const second = await signUp();

    const result = await call("GET", "/api/dev/mail?limit=2");

    expect(result.status).toBe(200);
    expect(result.body.items.map((m: { to: string }) => m.to)).toEqual([
      `${second.iinBin}@example.kz`,
      `${first.iinBin}@example.kz`,
    ]);
    expect(result.body.nextCursor).not.toBeNull();
  });

  it("rejects a limit over 100", async () => {
    const result = await call("GET", "/api/dev/mail?limit=101");

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("limit: must be at most 100");
  });
});

describe("user rows", () => {
  it("keep only a PBKDF2 hash", async () => {
    const account = await signUp();

    const [row] = await db
      .select()
      .from(users)
      .where(eq(users.id, account.userId));

    expect(row?.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$/);
  });
});
