/** The http transport: one `POST /kkm/frame` per frame. */
import {
  UpstreamError,
  checkResponseFrame,
  parseWorkerUrl,
  workerEndpoint,
  type Upstream,
  type UpstreamOptions,
} from "./upstream";

/** Creates an upstream that POSTs each frame to `{workerUrl}/kkm/frame`. */
export function createHttpUpstream(options: UpstreamOptions): Upstream {
  const endpoint = workerEndpoint(
    parseWorkerUrl(options.workerUrl),
    "/kkm/frame",
  );
  const inFlight = new Set<AbortController>();

  return {
    async send(_kkmId, frame) {
      const controller = new AbortController();
      inFlight.add(controller);
      try {
        return await postFrame(endpoint, frame, options.timeoutMs, controller);
      } finally {
        inFlight.delete(controller);
      }
    },

    async close() {
      for (const controller of inFlight) controller.abort();
    },
  };
}

async function postFrame(
  endpoint: URL,
  frame: Uint8Array,
  timeoutMs: number,
  controller: AbortController,
): Promise<Uint8Array> {
  const signal = AbortSignal.any([
    controller.signal,
    AbortSignal.timeout(timeoutMs),
  ]);

  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: frame,
      signal,
      // A redirect would send register frames to a host that was not configured.
      redirect: "error",
    });

    if (response.status !== 200) {
      await response.body?.cancel();
      throw new UpstreamError(
        "status",
        `Worker returned HTTP ${response.status}, expected 200`,
      );
    }

    return checkResponseFrame(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    throw classifyFetchError(error, signal, timeoutMs);
  }
}

function classifyFetchError(
  error: unknown,
  signal: AbortSignal,
  timeoutMs: number,
): UpstreamError {
  if (error instanceof UpstreamError) return error;

  if (signal.aborted) {
    const timedOut =
      signal.reason instanceof DOMException &&
      signal.reason.name === "TimeoutError";
    return timedOut
      ? new UpstreamError(
          "timeout",
          `Worker did not respond within ${timeoutMs} ms`,
          { cause: error },
        )
      : new UpstreamError("closed", "request aborted by shutdown", {
          cause: error,
        });
  }

  // Node's fetch reports connection errors as "fetch failed" with the
  // socket error, such as ECONNREFUSED, as the cause.
  const cause = error instanceof Error ? error.cause : undefined;
  const detail = cause instanceof Error ? cause.message : String(error);
  return new UpstreamError("unreachable", `Worker unreachable: ${detail}`, {
    cause: cause ?? error,
  });
}
