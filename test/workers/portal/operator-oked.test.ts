import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { organisations } from "../../../worker/db/schema";
import { auditLog, okedCodes } from "../../../worker/db/schema-accounts";
import {
  call,
  operatorSession,
  registeredTaxpayer,
  type Session,
} from "./client";

const db = drizzle(env.DB);

let nextCode = 99000;

/** Returns a code the seed does not list, new on every call. */
function freshCode(): string {
  nextCode += 1;
  return String(nextCode);
}

/** Adds `code` as `operator` and expects 201. */
async function addCode(operator: Session, code: string, name = "Test") {
  const result = await call("POST", "/api/operator/oked", {
    session: operator,
    body: { code, name },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result;
}

/** Reads the classifier row of `code`, or undefined. */
async function storedCode(code: string) {
  const [row] = await db
    .select()
    .from(okedCodes)
    .where(eq(okedCodes.code, code));
  return row;
}

/** Audit rows about `code`, oldest first. */
async function auditOf(code: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "oked"), eq(auditLog.targetId, code)))
    .orderBy(auditLog.id);
}

describe("OKED search", () => {
  it("finds seeded codes by name", async () => {
    const operator = await operatorSession();

    const result = await call(
      "GET",
      "/api/operator/oked?query=" + encodeURIComponent("ХЛЕБОБУЛОЧНЫМИ"),
      { session: operator },
    );

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.items).toEqual([
      {
        code: "47241",
        name: "Розничная торговля хлебобулочными изделиями в специализированных магазинах",
      },
    ]);
    expect(result.body.nextCursor).toBeNull();
  });

  it("finds codes by prefix", async () => {
    const operator = await operatorSession();

    const result = await call("GET", "/api/operator/oked?query=4722", {
      session: operator,
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(
      result.body.items.map((item: { code: string }) => item.code),
    ).toEqual(["47220"]);
  });

  it("pages with the cursor", async () => {
    const operator = await operatorSession();

    const first = await call("GET", "/api/operator/oked?query=472&limit=2", {
      session: operator,
    });
    const second = await call(
      "GET",
      `/api/operator/oked?query=472&limit=2&cursor=${first.body.nextCursor}`,
      { session: operator },
    );

    const codes = (page: { items: { code: string }[] }) =>
      page.items.map((item) => item.code);
    expect(codes(first.body), "first page").toEqual(["47210", "47220"]);
    expect(first.body.nextCursor, "first cursor").toBe("47220");
    expect(codes(second.body), "second page").toEqual(["47241", "47250"]);
  });

  it("rejects a foreign cursor", async () => {
    const operator = await operatorSession();

    const result = await call("GET", "/api/operator/oked?cursor=abc", {
      session: operator,
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. cursor: must be the nextCursor of the previous page",
    );
  });
});

describe("OKED add", () => {
  it("adds a code with audit row", async () => {
    const operator = await operatorSession();
    const code = freshCode();

    const result = await addCode(operator, code, "  Тестовая деятельность ");
    const listed = await call("GET", "/api/classifiers");
    const audit = await auditOf(code);

    expect(result.body.oked).toEqual({ code, name: "Тестовая деятельность" });
    expect(
      listed.body.oked.some((item: { code: string }) => item.code === code),
      "code offered at registration",
    ).toBe(true);
    expect(audit.length, "audit rows").toBe(1);
    expect(audit[0]).toMatchObject({
      actorId: operator.userId,
      actorKind: "operator",
      action: "oked.create",
      organisationId: null,
      changes: JSON.stringify({
        name: { from: null, to: "Тестовая деятельность" },
      }),
    });
  });

  it("shows in the operator audit", async () => {
    const operator = await operatorSession();
    const code = freshCode();
    await addCode(operator, code);

    const audit = await call("GET", "/api/operator/audit?limit=1", {
      session: operator,
    });

    expect(audit.body.items[0].action).toBe("oked.create");
    expect(audit.body.items[0].target).toEqual({ type: "oked", id: code });
  });

  it("rejects a duplicate code", async () => {
    const operator = await operatorSession();

    const result = await call("POST", "/api/operator/oked", {
      session: operator,
      body: { code: "47190", name: "Другое имя" },
    });
    const stored = await storedCode("47190");

    expect(result.status, JSON.stringify(result.body)).toBe(409);
    expect(result.body.error.code).toBe("CONFLICT");
    expect(result.body.error.message).toBe(
      'code: 47190 is already in the classifier as "Прочая розничная торговля в неспециализированных магазинах"; rename that code instead',
    );
    expect(stored?.name, "name unchanged").toBe(
      "Прочая розничная торговля в неспециализированных магазинах",
    );
    expect((await auditOf("47190")).length, "audit rows").toBe(0);
  });

  describe.each([
    [{ code: "4719", name: "X" }, "code: must be 5 digits, e.g. 47190"],
    [{ code: "4719a", name: "X" }, "code: must be 5 digits, e.g. 47190"],
    [{ name: "X" }, "code: Invalid input: expected string, received undefined"],
    [{ code: "99990", name: "  " }, "name: must not be empty"],
    [
      { code: "99990", name: "x".repeat(501) },
      "name: must be at most 500 characters",
    ],
  ])("body %j", (body, problem) => {
    it("is rejected naming the field", async () => {
      const operator = await operatorSession();

      const result = await call("POST", "/api/operator/oked", {
        session: operator,
        body,
      });

      expect(result.status, JSON.stringify(result.body)).toBe(400);
      expect(result.body.error.code).toBe("BAD_REQUEST");
      expect(result.body.error.message).toBe(`Invalid request. ${problem}`);
      expect(await storedCode("99990"), "row written").toBeUndefined();
    });
  });
});

describe("OKED rename", () => {
  it("renames with audit row", async () => {
    const operator = await operatorSession();
    const code = freshCode();
    await addCode(operator, code, "Old");

    const result = await call("PUT", `/api/operator/oked/${code}`, {
      session: operator,
      body: { name: "New" },
    });
    const audit = await auditOf(code);

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.oked).toEqual({ code, name: "New" });
    expect((await storedCode(code))?.name).toBe("New");
    expect(audit.map((row) => row.action)).toEqual([
      "oked.create",
      "oked.rename",
    ]);
    expect(audit[1]?.changes).toBe(
      JSON.stringify({ name: { from: "Old", to: "New" } }),
    );
  });

  it("rejects an empty name", async () => {
    const operator = await operatorSession();
    const code = freshCode();
    await addCode(operator, code, "Kept");

    const result = await call("PUT", `/api/operator/oked/${code}`, {
      session: operator,
      body: { name: "" },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. name: must not be empty",
    );
    expect((await storedCode(code))?.name).toBe("Kept");
  });

  it("rejects a malformed code", async () => {
    const operator = await operatorSession();

    const result = await call("PUT", "/api/operator/oked/123", {
      session: operator,
      body: { name: "New" },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. code: must be 5 digits, e.g. 47190",
    );
  });

  it("returns 404 for unknown code", async () => {
    const operator = await operatorSession();

    const result = await call("PUT", "/api/operator/oked/99999", {
      session: operator,
      body: { name: "New" },
    });

    expect(result.status).toBe(404);
    expect(result.body.error.message).toBe(
      "code: 99999 is not in the OKED classifier; find codes with GET /api/operator/oked",
    );
    expect(await storedCode("99999"), "row written").toBeUndefined();
  });
});

describe("OKED remove", () => {
  it("removes an unused code", async () => {
    const operator = await operatorSession();
    const code = freshCode();
    await addCode(operator, code, "Gone");

    const result = await call("DELETE", `/api/operator/oked/${code}`, {
      session: operator,
    });
    const audit = await auditOf(code);

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.oked).toEqual({ code, name: "Gone" });
    expect(await storedCode(code), "row left").toBeUndefined();
    expect(audit.map((row) => row.action)).toEqual([
      "oked.create",
      "oked.delete",
    ]);
    expect(audit[1]?.changes).toBe(
      JSON.stringify({ name: { from: "Gone", to: null } }),
    );
  });

  it("rejects a code in use", async () => {
    const operator = await operatorSession();
    const code = freshCode();
    await addCode(operator, code, "Used");
    for (let i = 0; i < 2; i += 1) {
      const taxpayer = await registeredTaxpayer();
      await db
        .update(organisations)
        .set({ okved: code })
        .where(eq(organisations.id, taxpayer.organisationId));
    }

    const result = await call("DELETE", `/api/operator/oked/${code}`, {
      session: operator,
    });

    expect(result.status, JSON.stringify(result.body)).toBe(409);
    expect(result.body.error.code).toBe("CONFLICT");
    expect(result.body.error.message).toBe(
      `code: ${code} is the OKED code of 2 organisation(s), so it cannot be removed; rename it instead, or remove it after they change their code`,
    );
    expect((await storedCode(code))?.name, "row kept").toBe("Used");
    expect((await auditOf(code)).length, "audit rows").toBe(1);
  });

  it("returns 404 for unknown code", async () => {
    const operator = await operatorSession();

    const result = await call("DELETE", "/api/operator/oked/99998", {
      session: operator,
    });

    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("NOT_FOUND");
  });
});

describe("OKED access", () => {
  it.each([
    ["GET", "/api/operator/oked"],
    ["POST", "/api/operator/oked"],
    ["PUT", "/api/operator/oked/47190"],
    ["DELETE", "/api/operator/oked/47190"],
  ])("taxpayer gets 403 on %s", async (method, path) => {
    const taxpayer = await registeredTaxpayer();

    const result = await call(method, path, {
      session: taxpayer,
      body: method === "GET" ? undefined : { code: "99997", name: "X" },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(403);
    expect(result.body.error.code).toBe("FORBIDDEN");
    expect((await storedCode("47190"))?.name, "row changed").toBe(
      "Прочая розничная торговля в неспециализированных магазинах",
    );
    expect(await storedCode("99997"), "row written").toBeUndefined();
  });

  it.each([
    ["GET", "/api/operator/oked"],
    ["POST", "/api/operator/oked"],
    ["DELETE", "/api/operator/oked/47190"],
  ])("no session gets 401 on %s", async (method, path) => {
    const result = await call(method, path, {
      body: method === "POST" ? { code: "99996", name: "X" } : undefined,
    });

    expect(result.status, JSON.stringify(result.body)).toBe(401);
    expect(result.body.error.code).toBe("UNAUTHORIZED");
    expect(await storedCode("99996"), "row written").toBeUndefined();
    expect(await storedCode("47190"), "row removed").toBeDefined();
  });
});
