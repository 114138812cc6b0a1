/**
 * The Worker: the register transport under /kkm, the portal API under
 * /api, and the portal's static files for everything else.
 */
import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { envelope, handleError } from "./errors";
import { logger } from "./log";
import { demo } from "./routes/demo";
import { health } from "./routes/health";
import { kkmTransport } from "./routes/kkm-transport";

export { KkmSession } from "../durable/kkm-session";

const app = new Hono<AppEnv>();

app.use(async (c, next) => {
  const requestId = c.req.header("x-request-id") ?? crypto.randomUUID();
  c.set("requestId", requestId);
  c.set("log", logger({ requestId }));
  await next();
  c.header("x-request-id", requestId);
});

app.route("/kkm", kkmTransport);
app.route("/api/health", health);
app.route("/api/demo", demo);

app.all("/api/*", (c) =>
  envelope(c, "NOT_FOUND", `no API route ${c.req.method} ${c.req.path}`),
);
app.all("/kkm/*", (c) =>
  envelope(
    c,
    "NOT_FOUND",
    `no KKM transport route ${c.req.method} ${c.req.path}`,
  ),
);
app.onError(handleError);

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
