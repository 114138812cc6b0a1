/**
 * The API's router type: Hono with zod-validated, OpenAPI-described routes.
 * A request that fails its schema gets the one error envelope, with each
 * failing field and rule in the message.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { envelope } from "./errors";

/** A router whose invalid requests get BAD_REQUEST naming the fields. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const problems = result.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join(".") : "body";
        return `${field}: ${issue.message}`;
      });
      return envelope(
        c,
        "BAD_REQUEST",
        `Invalid request. ${problems.join("; ")}`,
      );
    },
  });
}
