/**
 * Transport of register frames to the KKM's Durable Object, routed by the
 * system id. The TCP gateway and registers that speak HTTP or WebSocket use
 * these routes; the frame bytes are passed on unchanged.
 */
import { Hono } from "hono";
import {
  checkHeader,
  describeHeaderProblem,
  HEADER_SIZE,
  MAX_FRAME_SIZE,
  readHeader,
} from "../../proto/frame";
import type { AppEnv } from "../app-env";
import { AppError } from "../errors";
import { kkmSession } from "../domain/kkm-session-stub";

export const kkmTransport = new Hono<AppEnv>();

/** One frame per request: the body is the frame, the answer is the frame. */
kkmTransport.post("/frame", async (c) => {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_FRAME_SIZE) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `frame of ${declared} bytes is larger than ${MAX_FRAME_SIZE} bytes`,
    );
  }
  const frame = new Uint8Array(await c.req.arrayBuffer());
  if (frame.length < HEADER_SIZE) {
    throw new AppError(
      "BAD_REQUEST",
      describeHeaderProblem({ reason: "short", length: frame.length }),
    );
  }
  const header = readHeader(frame);
  const problem = checkHeader(header);
  if (problem)
    throw new AppError("BAD_REQUEST", describeHeaderProblem(problem));
  if (header.size !== frame.length) {
    throw new AppError(
      "BAD_REQUEST",
      `frame SIZE ${header.size} does not match the ${frame.length} bytes sent`,
    );
  }

  const answer = await kkmSession(c.env, header.kkmId).handleFrame(
    header.kkmId,
    frame,
  );
  if (!answer) throw new AppError("BAD_REQUEST", "frame could not be read");
  // A copy gives Hono a plain ArrayBuffer-backed body.
  return c.body(new Uint8Array(answer), 200, {
    "content-type": "application/octet-stream",
  });
});

/** A WebSocket for one KKM: each binary message is one frame. */
kkmTransport.get("/ws/:kkmId", async (c) => {
  const kkmId = Number(c.req.param("kkmId"));
  if (!Number.isInteger(kkmId) || kkmId < 1 || kkmId > 0xffffffff) {
    throw new AppError(
      "BAD_REQUEST",
      `invalid KKM id "${c.req.param("kkmId")}"; use the system id, 1 to 4294967295`,
    );
  }
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError("BAD_REQUEST", "this route needs a WebSocket upgrade");
  }

  const url = new URL(c.req.url);
  url.searchParams.set("kkmId", String(kkmId));
  return kkmSession(c.env, kkmId).fetch(new Request(url, c.req.raw));
});
