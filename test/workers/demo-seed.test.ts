import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

interface Demo {
  organisation: { iinBin: string };
  kkms: { kkmId: number; token: number; kgdNumber: string }[];
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
