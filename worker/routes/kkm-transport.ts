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

/** One frame per request: the request body and the response body are frames. */
kkmTransport.post("/frame", async (c) => {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_FRAME_SIZE) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `frame of ${declared} bytes is larger than ${MAX_FRAME_SIZE} bytes`,
    );
  }
  const frame = await readLimited(c.req.raw, MAX_FRAME_SIZE);
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
  // Plain decimal only: Number() would also take "1e5" or "0x186a1". Id 0
  // is passed on, so an unregistered id gets result 1 from the object.
  const text = c.req.param("kkmId");
  const kkmId = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(kkmId <= 0xffffffff)) {
    throw new AppError(
      "BAD_REQUEST",
      `invalid KKM id "${text}"; use the system id, a decimal number from 0 to 4294967295`,
    );
  }
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError("BAD_REQUEST", "this route needs a WebSocket upgrade");
  }

  const url = new URL(c.req.url);
  url.searchParams.set("kkmId", String(kkmId));
  return kkmSession(c.env, kkmId).fetch(new Request(url, c.req.raw));
});

/**
 * Reads a request body of at most `limit` bytes. A body sent without
 * Content-Length (chunked) is cut off as soon as it passes the limit
 * rather than read whole.
 */
async function readLimited(
  request: Request,
  limit: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `frame is larger than ${limit} bytes; a frame is at most 1 MiB`,
      );
    }
    chunks.push(value);
  }

  const frame = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    frame.set(chunk, offset);
    offset += chunk.length;
  }
  return frame;
}
