/**
 * Forwarding of frames to the Worker. Frames go out unchanged and the
 * Worker's response frame comes back unchanged; every way the exchange can
 * fail is an {@link UpstreamError}.
 */
import {
  APPCODE,
  HEADER_SIZE,
  MAX_FRAME_SIZE,
  readHeader,
} from "../proto/frame";
import type { Logger } from "./log";

/** Transports to the Worker: a WebSocket per KKM id, or a POST per frame. */
export const TRANSPORTS = ["ws", "http"] as const;

export type Transport = (typeof TRANSPORTS)[number];

/** Sends frames to the Worker and returns its response frames. */
export interface Upstream {
  /**
   * Sends one complete request frame for `kkmId` and returns the response
   * frame. Rejects with an {@link UpstreamError}.
   */
  send(kkmId: number, frame: Uint8Array): Promise<Uint8Array>;
  /** Fails pending requests and closes open connections. */
  close(): Promise<void>;
}

/** Reason a request to the Worker failed. */
export type UpstreamFailure =
  "unreachable" | "timeout" | "closed" | "status" | "invalid-response";

/** A request to the Worker that got no usable response. */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";

  constructor(
    readonly reason: UpstreamFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Options shared by both transports. */
export interface UpstreamOptions {
  /** Base URL of the Worker, such as `http://127.0.0.1:8787`. */
  workerUrl: string;
  /** Time from the request to its response before it fails, in ms. */
  timeoutMs: number;
  /** ws transport: time a socket may stay unused before it is closed, in ms. */
  idleTimeoutMs: number;
  logger: Logger;
}

/**
 * Checks that the Worker returned one whole frame, because the register
 * reads exactly SIZE bytes and garbage would leave it waiting or confused.
 */
export function checkResponseFrame(bytes: Uint8Array): Uint8Array {
  if (bytes.length < HEADER_SIZE || bytes.length > MAX_FRAME_SIZE) {
    throw new UpstreamError(
      "invalid-response",
      `response has ${bytes.length} bytes, expected ${HEADER_SIZE} to ${MAX_FRAME_SIZE}`,
    );
  }

  const header = readHeader(bytes);
  if (header.appCode !== APPCODE) {
    throw new UpstreamError(
      "invalid-response",
      `response has APPCODE 0x${header.appCode.toString(16)}, expected 0x${APPCODE.toString(16)}`,
    );
  }
  if (header.size !== bytes.length) {
    throw new UpstreamError(
      "invalid-response",
      `response SIZE ${header.size} does not match its ${bytes.length} bytes`,
    );
  }
  return bytes;
}

/** Parses and checks the Worker URL: http or https, without a query. */
export function parseWorkerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(
      `invalid Worker URL "${text}", expected e.g. http://127.0.0.1:8787`,
    );
  }

  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(
      `invalid Worker URL "${text}", expected an http or https URL`,
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new TypeError(
      `invalid Worker URL "${text}", expected no query or fragment`,
    );
  }
  return url;
}

/** Joins the Worker base URL and a path, keeping any base path. */
export function workerEndpoint(base: URL, path: string): URL {
  const url = new URL(base);
  url.pathname = url.pathname.replace(/\/+$/, "") + path;
  return url;
}
