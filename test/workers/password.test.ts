import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../worker/domain/password";

function base64Length(text: string): number {
  return atob(text).length;
}

describe("hashPassword", () => {
  it("stores scheme, iterations, salt and hash", async () => {
    const stored = await hashPassword("secret1");
    const [scheme, iterations, salt = "", hash = "", ...rest] =
      stored.split("$");

    expect(scheme).toBe("pbkdf2-sha256");
    expect(iterations).toBe("100000");
    expect(base64Length(salt)).toBe(16);
    expect(base64Length(hash)).toBe(32);
    expect(rest).toEqual([]);
  });

  it("gives one password two different hashes", async () => {
    const first = await hashPassword("secret1");
    const second = await hashPassword("secret1");

    expect(first).not.toBe(second);
    expect(await verifyPassword("secret1", first)).toBe(true);
    expect(await verifyPassword("secret1", second)).toBe(true);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password", async () => {
    const stored = await hashPassword("Пароль-1 ✓");
    expect(await verifyPassword("Пароль-1 ✓", stored)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("secret1");
    expect(await verifyPassword("secret2", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("rejects tampered stored text", async () => {
    const stored = await hashPassword("secret1");
    const [scheme, iterations, salt = "", hash = ""] = stored.split("$");
    const flipped = atob(hash);
    const flippedHash = btoa(
      String.fromCharCode(flipped.charCodeAt(0) ^ 1) + flipped.slice(1),
    );

    const cases: [string, string][] = [
      ["empty", ""],
      ["plain text", "secret1"],
      ["other scheme", `pbkdf2-sha1$${iterations}$${salt}$${hash}`],
      ["fewer iterations", `${scheme}$99999$${salt}$${hash}`],
      ["zero iterations", `${scheme}$0$${salt}$${hash}`],
      ["too many iterations", `${scheme}$100001$${salt}$${hash}`],
      ["text iterations", `${scheme}$abc$${salt}$${hash}`],
      ["invalid salt", `${scheme}$${iterations}$%%%$${hash}`],
      ["empty salt", `${scheme}$${iterations}$$${hash}`],
      ["short hash", `${scheme}$${iterations}$${salt}$${hash.slice(0, 8)}`],
      ["flipped hash bit", `${scheme}$${iterations}$${salt}$${flippedHash}`],
      ["extra field", `${stored}$x`],
    ];
    for (const [name, text] of cases) {
      expect(await verifyPassword("secret1", text), name).toBe(false);
    }
  });
});
