/** Liveness of the Worker and its D1 database. */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";

export const health = new Hono<AppEnv>();

health.get("/", async (c) => {
  await c.env.DB.prepare("SELECT 1").first();
  return c.json({ status: "ok", time: new Date().toISOString() });
});
