import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, sessionOf } from "./portal/client";

interface Demo {
  organisation: { id: string; iinBin: string };
  signIn: { iinBin: string; password: string };
  kkms: { kkmId: number; token: number; kgdNumber: string }[];
}

/** Counts rows of `table` whose iin_bin is the demo BIN. */
async function countByBin(table: "users" | "organisations"): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT COUNT(*) AS n FROM ${table} WHERE iin_bin = '250140000013'`,
  ).first<{ n: number }>();
  return row?.n ?? -1;
}

async function seed(query = ""): Promise<Response> {
  return SELF.fetch(`https://ofd.example/api/demo/seed${query}`, {
    method: "POST",
  });
}

describe("demo seed", () => {
  it("creates the two demo tills once", async () => {
    const first = (await (await seed()).json()) as Demo;
    const second = (await (await seed()).json()) as Demo;
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM kkms").first<{
      n: number;
    }>();

    expect(first.organisation.iinBin).toBe("250140000013");
    expect(first.kkms.map((kkm) => kkm.kgdNumber)).toEqual([
      "620300014538",
      "620300014539",
    ]);
    expect(second.kkms.map((kkm) => kkm.kkmId)).toEqual(
      first.kkms.map((kkm) => kkm.kkmId),
    );
    expect(count?.n).toBe(2);
  });

  it("signs the demo owner in", async () => {
    await seed();
    const demo = (await (await seed()).json()) as Demo;
    const login = await call("POST", "/api/auth/login", {
      body: { iinBin: "250140000013", password: "Demo-2026!" },
    });
    const session = sessionOf(login);
    const me = await call("GET", "/api/auth/me", { session });

    expect(demo.signIn).toEqual({
      iinBin: "250140000013",
      password: "Demo-2026!",
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(me.body.user.email).toBe("demo@example.kz");
    expect(me.body.user.emailConfirmed).toBe(true);
    expect(me.body.organisation.id).toBe(demo.organisation.id);
    expect(me.body.organisation.fullName).toBe("Demo Market LLP");
    expect(me.body.organisation.okedCode).toBe("47190");
    expect(me.body.registration).toEqual({
      step: 4,
      offer: { status: "accepted", method: "paper", rejectReason: null },
    });
    expect(me.body.rights).toEqual([
      "billing",
      "manage_kkms",
      "manage_users",
      "view_reports",
    ]);
  });

  it("lists demo tills under Shop 1", async () => {
    await seed();
    const login = await call("POST", "/api/auth/login", {
      body: { iinBin: "250140000013", password: "Demo-2026!" },
    });
    const list = await call("GET", "/api/kkms", { session: sessionOf(login) });
    const groups = list.body.groups as {
      pointOfSale: { title: string; city: string; address: string };
      kkms: { kgdNumber: string; internalName: string }[];
    }[];

    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(groups.map((group) => group.pointOfSale)).toMatchObject([
      { title: "Shop 1", city: "Astana", address: "Vasyutina 41" },
    ]);
    expect(groups[0]?.kkms.map((kkm) => kkm.kgdNumber)).toEqual([
      "620300014538",
      "620300014539",
    ]);
    expect(groups[0]?.kkms.map((kkm) => kkm.internalName)).toEqual([
      "Till 1",
      "Till 2",
    ]);
  });

  it("keeps one demo account", async () => {
    const hashQuery = env.DB.prepare(
      "SELECT password_hash AS hash FROM users WHERE iin_bin = '250140000013'",
    );
    await seed();
    const hashBefore = await hashQuery.first<{ hash: string }>();
    await seed();
    const hashAfter = await hashQuery.first<{ hash: string }>();
    const counts = await env.DB.prepare(
      `SELECT
         (SELECT COUNT(*) FROM groups) AS groups,
         (SELECT COUNT(*) FROM user_groups) AS memberships,
         (SELECT COUNT(*) FROM organisation_profiles) AS profiles,
         (SELECT COUNT(*) FROM offer_applications) AS applications,
         (SELECT COUNT(*) FROM audit_log) AS audit`,
    ).first();
    const actions = await env.DB.prepare(
      "SELECT action, actor_name FROM audit_log ORDER BY id",
    ).all();

    expect(hashAfter?.hash, "a second seed changed the password").toBe(
      hashBefore?.hash,
    );
    expect(await countByBin("users")).toBe(1);
    expect(await countByBin("organisations")).toBe(1);
    expect(counts).toEqual({
      groups: 1,
      memberships: 1,
      profiles: 1,
      applications: 1,
      audit: 2,
    });
    expect(actions.results).toEqual([
      { action: "organisation.register", actor_name: "250140000013" },
      { action: "application.approve", actor_name: "Demo seed" },
    ]);
  });

  it("adds numbered tills on request", async () => {
    const demo = (await (await seed("?kkms=5")).json()) as Demo;
    expect(demo.kkms).toHaveLength(5);
    expect(demo.kkms[4]?.kgdNumber).toBe("620300020005");
    expect(demo.kkms.every((kkm) => kkm.token > 0)).toBe(true);
  });

  it.each(["1", "201", "abc"])("rejects kkms=%s", async (value) => {
    const response = await seed(`?kkms=${value}`);
    const body = (await response.json()) as {
      error: { code: string; message: string };
    };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toBe(
      `kkms: expected a whole number from 2 to 200, got "${value}"`,
    );
  });
});
