import { describe, expect, it } from "vitest";
import { call, lastMailTo, PASSWORD, signUp, tokenOf } from "./client";

describe("routes proven by their own token", () => {
  it("confirm e-mail while signed in", async () => {
    const account = await signUp();
    const mail = await lastMailTo(`${account.iinBin}@example.kz`);

    // The browser that registered still has the session cookie, but the
    // confirmation page has not read the CSRF token yet.
    const result = await call("POST", "/api/auth/email/confirm", {
      session: account,
      csrf: null,
      body: { token: tokenOf(mail.link) },
      headers: { origin: "https://ofd.example" },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toEqual({ emailConfirmed: true });
  });

  it("rejects a cross-site login", async () => {
    const account = await signUp();

    const result = await call("POST", "/api/auth/login", {
      body: { iinBin: account.iinBin, password: PASSWORD },
      headers: { origin: "https://attacker.example" },
    });

    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe("FORBIDDEN");
    expect(result.body.error.message).toBe(
      "cross-site request from https://attacker.example rejected; use this site's own pages",
    );
  });

  it("still checks CSRF elsewhere", async () => {
    const account = await signUp();

    const result = await call("POST", "/api/auth/logout", {
      session: account,
      csrf: null,
    });

    expect(result.status).toBe(403);
    expect(result.body.error.message).toBe(
      "missing or invalid x-csrf-token header; reload the page",
    );
  });
});
