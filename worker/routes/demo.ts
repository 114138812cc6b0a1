/**
 * Demo data for local runs, enabled only when DEMO_MODE is "on" (the start
 * script sets it); elsewhere the route does not exist.
 */
import { drizzle } from "drizzle-orm/d1";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { AppError } from "../errors";
import { MAX_DEMO_KKMS, seedDemo } from "../domain/demo-seed";

export const demo = new Hono<AppEnv>();

demo.post("/seed", async (c) => {
  if (c.env.DEMO_MODE !== "on") {
    throw new AppError(
      "NOT_FOUND",
      "demo data is off; start with DEMO_MODE=on",
    );
  }
  const count = Number(c.req.query("kkms") ?? "2");
  if (!Number.isInteger(count) || count < 2 || count > MAX_DEMO_KKMS) {
    throw new AppError(
      "BAD_REQUEST",
      `kkms: expected a whole number from 2 to ${MAX_DEMO_KKMS}, got "${c.req.query("kkms")}"`,
    );
  }
  const data = await seedDemo(drizzle(c.env.DB), c.env, new Date(), count);
  c.get("log").info("demo data seeded", {
    organisationId: data.organisation.id,
    kkmIds: data.kkms.map((kkm) => kkm.kkmId),
  });
  return c.json(data);
});
