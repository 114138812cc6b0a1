/**
 * The Worker: the register transport under /kkm, the portal API under
 * /api, and the portal's static files for everything else.
 */
import { envelope, handleError } from "./errors";
import { logger } from "./log";
import { demo } from "./routes/demo";
import { health } from "./routes/health";
import { kkmTransport } from "./routes/kkm-transport";
import { portal } from "./routes/portal";
import { publicApi } from "./routes/public";
import { createRouter } from "./openapi";

export { KkmSession } from "../durable/kkm-session";
export { RateLimiter } from "../durable/rate-limiter";

const app = createRouter();

app.use(async (c, next) => {
  const requestId = c.req.header("x-request-id") ?? crypto.randomUUID();
  c.set("requestId", requestId);
  c.set("log", logger({ requestId }));
  c.set("caller", null);
  await next();
  c.header("x-request-id", requestId);
});

app.route("/kkm", kkmTransport);
app.route("/api/health", health);
app.route("/api/demo", demo);
app.route("/api", portal);
app.route("/api/public", publicApi);

app.doc31("/api/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "Open OFD API",
    version: "1.0.0",
    description:
      "Portal, operator and public receipt-check API of the Open OFD. Errors use one envelope: { error: { code, message, requestId } }.",
  },
});

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
