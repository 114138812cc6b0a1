/** A register-like TCP client for the gateway tests. */
import { connect, createServer, type AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { FrameReader } from "../../../gateway/frame-reader";

/** Frames a client received on one connection, and how it ended. */
export interface Exchange {
  /** Complete frames received, in order. */
  frames: Uint8Array[];
  /** Whether the gateway closed the connection before `expectFrames` came. */
  closedByGateway: boolean;
  /** Time from the first write to the end of the exchange, in ms. */
  ms: number;
}

export interface ExchangeOptions {
  /** Frames after which the client closes; by default it waits for close. */
  expectFrames?: number;
  /** Pause after each write so that each lands in its own TCP read, in ms. */
  pauseMs?: number;
  /** Upper bound for the whole exchange, in ms. */
  limitMs?: number;
  /** Half-close the connection after the last write, as `shutdown(SHUT_WR)`. */
  endAfterWrites?: boolean;
}

/** Connects to the gateway, writes `chunks` one by one and reads frames. */
export async function exchange(
  port: number,
  chunks: Uint8Array[],
  options: ExchangeOptions = {},
): Promise<Exchange> {
  const socket = connect({ host: "127.0.0.1", port, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });

  const started = performance.now();
  const reader = new FrameReader();
  const frames: Uint8Array[] = [];
  const limitMs = options.limitMs ?? 10_000;

  const done = new Promise<Exchange>((resolve, reject) => {
    const finish = (closedByGateway: boolean) => {
      clearTimeout(limit);
      resolve({ frames, closedByGateway, ms: performance.now() - started });
    };
    const limit = setTimeout(() => {
      socket.destroy();
      reject(new Error(`exchange still open after ${limitMs} ms`));
    }, limitMs);

    socket.on("data", (chunk: Buffer) => {
      for (const output of reader.push(chunk)) {
        if (output.kind === "frame") frames.push(output.bytes);
      }
      if (frames.length === options.expectFrames) {
        socket.destroy();
        finish(false);
      }
    });
    // A reset from the gateway also counts as a close.
    socket.on("error", () => {});
    socket.on("close", () => finish(true));
  });

  for (const chunk of chunks) {
    if (socket.destroyed) break;
    await new Promise<void>((resolve) => socket.write(chunk, () => resolve()));
    if (options.pauseMs) await sleep(options.pauseMs);
  }
  if (options.endAfterWrites) socket.end();
  return done;
}

/** Returns a port on 127.0.0.1 that was free a moment ago and is now closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Splits `bytes` into pieces of `size` bytes (the last may be shorter). */
export function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    pieces.push(bytes.subarray(i, i + size));
  }
  return pieces;
}
