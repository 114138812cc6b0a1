/** Liveness of the Worker and its D1 database. */
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../openapi";

export const health = createRouter();

const HealthSchema = z
  .object({
    status: z.literal("ok"),
    time: z.string().openapi({ example: "2026-12-04T12:00:00.000Z" }),
  })
  .openapi("Health");

health.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["service"],
    summary: "Check that the API and its database answer",
    responses: {
      200: {
        description: "The API and D1 are up",
        content: { "application/json": { schema: HealthSchema } },
      },
    },
  }),
  async (c) => {
    await c.env.DB.prepare("SELECT 1").first();
    return c.json(
      { status: "ok" as const, time: new Date().toISOString() },
      200,
    );
  },
);
