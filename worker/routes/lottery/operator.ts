/**
 * The operator's lottery routes under /api/operator/lottery: announce a
 * draw, commit to a seed hash, run the draw, and list draws.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireOperatorCaller } from "../../auth/guards";
import {
  commitSeedHash,
  createDraw,
  getDraw,
  listDraws,
  runDraw,
} from "../../domain/lottery/draws";
import { requireOperator } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "../portal/context";
import { ErrorSchema, errorResponses } from "../portal/fields";
import { json } from "../portal/views";
import { drawNotFound, drawOrThrow } from "./errors";
import {
  CommitSchema,
  DrawIdParam,
  DrawSchema,
  NewDrawSchema,
  SeedSchema,
} from "./schemas";

export const operatorLottery = createRouter();

const errorContent = { "application/json": { schema: ErrorSchema } };
const stateErrors = {
  ...errorResponses,
  404: { description: "No such draw", content: errorContent },
  409: {
    description:
      "The draw's state does not allow this; the message gives the reason",
    content: errorContent,
  },
} as const;
const DrawBody = z.object({ draw: DrawSchema });

operatorLottery.openapi(
  createRoute({
    method: "post",
    path: "/draws",
    tags: ["operator", "lottery"],
    summary: "Announce a draw",
    middleware: [requireOperator()] as const,
    request: {
      body: { content: { "application/json": { schema: NewDrawSchema } } },
    },
    responses: { 201: json(DrawBody, "The new draw"), ...errorResponses },
  }),
  async (c) => {
    const fields = c.req.valid("json");
    const caller = requireOperatorCaller(c.get("caller"));

    const result = await createDraw(
      database(c),
      caller.userId,
      fields,
      new Date(),
    );

    const draw = drawOrThrow(result, "new");
    c.get("log").info("lottery draw created", { drawId: draw.id });
    return c.json({ draw }, 201);
  },
);

operatorLottery.openapi(
  createRoute({
    method: "get",
    path: "/draws",
    tags: ["operator", "lottery"],
    summary: "Draws, newest first (at most 100)",
    middleware: [requireOperator()] as const,
    responses: {
      200: json(z.object({ items: z.array(DrawSchema) }), "The draws"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const items = await listDraws(database(c), new Date());

    return c.json({ items }, 200);
  },
);

operatorLottery.openapi(
  createRoute({
    method: "get",
    path: "/draws/{id}",
    tags: ["operator", "lottery"],
    summary: "One draw",
    middleware: [requireOperator()] as const,
    request: { params: DrawIdParam },
    responses: { 200: json(DrawBody, "The draw"), ...stateErrors },
  }),
  async (c) => {
    const { id } = c.req.valid("param");

    const draw = await getDraw(database(c), id, new Date());

    if (!draw) throw drawNotFound(id);
    return c.json({ draw }, 200);
  },
);

operatorLottery.openapi(
  createRoute({
    method: "post",
    path: "/draws/{id}/commit",
    tags: ["operator", "lottery"],
    summary: "Commit to the SHA-256 of the secret seed, before the period ends",
    middleware: [requireOperator()] as const,
    request: {
      params: DrawIdParam,
      body: { content: { "application/json": { schema: CommitSchema } } },
    },
    responses: { 200: json(DrawBody, "The committed draw"), ...stateErrors },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { seedHash } = c.req.valid("json");

    const result = await commitSeedHash(database(c), id, seedHash, new Date());

    const draw = drawOrThrow(result, id);
    c.get("log").info("lottery seed hash committed", { drawId: id });
    return c.json({ draw }, 200);
  },
);

operatorLottery.openapi(
  createRoute({
    method: "post",
    path: "/draws/{id}/draw",
    tags: ["operator", "lottery"],
    summary: "Run the draw with the committed seed, after the period ends",
    middleware: [requireOperator()] as const,
    request: {
      params: DrawIdParam,
      body: { content: { "application/json": { schema: SeedSchema } } },
    },
    responses: {
      200: json(DrawBody, "The drawn draw, with the seed published"),
      ...stateErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { seed } = c.req.valid("json");

    const result = await runDraw(database(c), id, seed, new Date());

    const draw = drawOrThrow(result, id);
    c.get("log").info("lottery draw run", {
      drawId: id,
      entries: draw.entryCount,
    });
    return c.json({ draw }, 200);
  },
);
