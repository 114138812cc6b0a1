/**
 * WebSocket transport to the Worker: one binary message carries one whole
 * request frame and one binary message back carries the response frame.
 */
import WebSocket from "ws";
import {
  DEFAULT_TIMEOUT_MS,
  TransportError,
  type Transport,
} from "./transport";

/** Creates a transport to a ws:// or wss:// URL such as .../kkm/ws/{id}. */
export function wsTransport(
  url: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Transport {
  return {
    endpoint: url,
    exchange: (frame) => exchangeWs(url, frame, timeoutMs),
  };
}

function exchangeWs(
  url: string,
  frame: Uint8Array,
  timeoutMs: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    let opened = false;
    let settled = false;

    const finish = (error: TransportError | null, reply?: Uint8Array) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.terminate();
      if (error) reject(error);
      else resolve(reply!);
    };

    const timer = setTimeout(() => {
      const stage = opened ? "waiting for the response" : "connecting";
      finish(
        new TransportError(
          `timed out after ${timeoutMs} ms ${stage} to ${url}; check that ` +
            "the Worker is running (npm run dev)",
          url,
          opened,
        ),
      );
    }, timeoutMs);

    socket.on("open", () => {
      opened = true;
      socket.send(frame);
    });

    socket.on("message", (data, isBinary) => {
      if (!isBinary) {
        finish(
          new TransportError(
            `invalid response from ${url}: a text message, expected one ` +
              "binary frame",
            url,
            true,
          ),
        );
        return;
      }
      finish(null, toBytes(data));
    });

    socket.on("close", (code) => {
      finish(
        new TransportError(
          `WebSocket ${url} closed with code ${code} before a response; ` +
            "resend the frame with `resend`",
          url,
          opened,
        ),
      );
    });

    socket.on("error", (error: NodeJS.ErrnoException) => {
      finish(
        new TransportError(
          `WebSocket ${url} failed: ${error.code ?? error.message}; check ` +
            "--ws and that the Worker is running",
          url,
          opened,
        ),
      );
    });
  });
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data);
}
