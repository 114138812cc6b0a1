/**
 * TCP transport: one request per connection, as KKM clients do. Connect,
 * write the frame, read the 18-byte header, read SIZE − 18 more bytes,
 * close. One deadline covers the whole exchange.
 */
import { createConnection } from "node:net";
import {
  checkHeader,
  describeHeaderProblem,
  HEADER_SIZE,
  readHeader,
} from "../proto/frame";
import {
  DEFAULT_TIMEOUT_MS,
  TransportError,
  type Transport,
} from "./transport";

/** Creates a transport to the TCP gateway at host:port. */
export function tcpTransport(
  host: string,
  port: number,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Transport {
  const endpoint = `${host}:${port}`;
  return {
    endpoint,
    exchange: (frame) => exchangeTcp(host, port, frame, timeoutMs, endpoint),
  };
}

function exchangeTcp(
  host: string,
  port: number,
  frame: Uint8Array,
  timeoutMs: number,
  endpoint: string,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port });
    const chunks: Buffer[] = [];
    let received = 0;
    let expected = 0;
    let connected = false;
    let settled = false;

    const finish = (error: TransportError | null, reply?: Uint8Array) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(reply!);
    };

    const timer = setTimeout(() => {
      const stage = connected ? "waiting for the response" : "connecting";
      finish(
        new TransportError(
          `timed out after ${timeoutMs} ms ${stage} to ${endpoint}; check ` +
            "that the gateway is running and reachable",
          endpoint,
          connected,
        ),
      );
    }, timeoutMs);

    socket.on("connect", () => {
      connected = true;
      socket.write(frame);
    });

    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;

      if (expected === 0 && received >= HEADER_SIZE) {
        const header = readHeader(Buffer.concat(chunks));
        const problem = checkHeader(header);
        if (problem) {
          finish(
            new TransportError(
              `invalid response from ${endpoint}: ` +
                describeHeaderProblem(problem),
              endpoint,
              true,
            ),
          );
          return;
        }
        expected = header.size;
      }
      if (expected > 0 && received >= expected) {
        finish(
          null,
          new Uint8Array(Buffer.concat(chunks).subarray(0, expected)),
        );
      }
    });

    socket.on("end", () => {
      finish(
        new TransportError(
          `connection to ${endpoint} closed after ${received} of ` +
            `${expected || HEADER_SIZE} response bytes; resend the frame ` +
            "with `resend`",
          endpoint,
          true,
        ),
      );
    });

    socket.on("error", (error: NodeJS.ErrnoException) => {
      finish(
        new TransportError(
          `connection to ${endpoint} failed: ${error.code ?? error.message}; ` +
            "check --host and --port and that the gateway is running",
          endpoint,
          connected,
        ),
      );
    });
  });
}
