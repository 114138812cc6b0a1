/**
 * The ws transport: a pool with one WebSocket per KKM id to
 * `/kkm/ws/{kkmId}`. The Worker responds to each binary message with exactly
 * one binary message, in order, so each socket has at most one request in
 * flight and a response always belongs to the oldest pending request.
 */
import WebSocket from "ws";
import { MAX_FRAME_SIZE } from "../proto/frame";
import { errorFields, type Logger } from "./log";
import {
  UpstreamError,
  checkResponseFrame,
  parseWorkerUrl,
  workerEndpoint,
  type Upstream,
  type UpstreamOptions,
} from "./upstream";

/** Close code sent when a socket has been idle (1000, normal closure). */
const IDLE_CLOSE_CODE = 1000;

/** Close code sent when the gateway shuts down (1001, going away). */
const SHUTDOWN_CLOSE_CODE = 1001;

/** How long shutdown waits for the close handshake before dropping sockets. */
const SHUTDOWN_GRACE_MS = 1000;

interface PendingRequest {
  frame: Uint8Array;
  resolve: (response: Uint8Array) => void;
  reject: (error: UpstreamError) => void;
  timer: NodeJS.Timeout;
  sent: boolean;
}

/** Creates an upstream with one WebSocket per KKM id, opened on demand. */
export function createWsUpstream(options: UpstreamOptions): Upstream {
  const base = workerEndpoint(parseWorkerUrl(options.workerUrl), "/kkm/ws/");
  base.protocol = base.protocol === "https:" ? "wss:" : "ws:";
  const channels = new Map<number, KkmChannel>();
  let closed = false;

  return {
    send(kkmId, frame) {
      if (closed) {
        return Promise.reject(
          new UpstreamError("closed", "gateway is shutting down"),
        );
      }

      let channel = channels.get(kkmId);
      if (!channel) {
        const url = new URL(base);
        url.pathname += String(kkmId);
        channel = new KkmChannel(kkmId, url, options, () => {
          channels.delete(kkmId);
        });
        channels.set(kkmId, channel);
      }
      return channel.send(frame);
    },

    async close() {
      closed = true;
      const all = [...channels.values()];
      channels.clear();
      await Promise.all(all.map((channel) => channel.shutdown()));
    },
  };
}

/** The socket and request queue of one KKM id. */
class KkmChannel {
  private socket: WebSocket | null = null;
  private readonly queue: PendingRequest[] = [];
  private inFlight: PendingRequest | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastSocketError: Error | null = null;

  constructor(
    private readonly kkmId: number,
    private readonly url: URL,
    private readonly options: UpstreamOptions,
    private readonly onIdle: () => void,
  ) {}

  private get logger(): Logger {
    return this.options.logger;
  }

  send(frame: Uint8Array): Promise<Uint8Array> {
    this.clearIdleTimer();

    return new Promise((resolve, reject) => {
      // The deadline starts now, so time spent queued behind another
      // request of the same register counts too.
      const request: PendingRequest = {
        frame,
        resolve,
        reject,
        sent: false,
        timer: setTimeout(() => this.timeOut(request), this.options.timeoutMs),
      };
      this.queue.push(request);
      this.pump();
    });
  }

  /** Fails every request and closes the socket. */
  async shutdown(): Promise<void> {
    this.clearIdleTimer();

    const error = new UpstreamError("closed", "gateway is shutting down");
    if (this.inFlight) this.finish(this.inFlight, error);
    for (const request of this.queue.splice(0)) this.finish(request, error);

    const socket = this.socket;
    this.socket = null;
    if (socket) await closeGracefully(socket);
  }

  /** Starts the oldest queued request unless one is in flight. */
  private pump(): void {
    if (this.inFlight || this.queue.length === 0) {
      this.armIdleTimerIfIdle();
      return;
    }

    this.inFlight = this.queue.shift()!;

    // A socket the Worker is closing would never carry the frame.
    if (this.socket && this.socket.readyState > WebSocket.OPEN) {
      this.dropSocket();
    }
    const socket = this.socket ?? this.connect();
    if (socket.readyState === WebSocket.OPEN) this.transmit(socket);
  }

  private connect(): WebSocket {
    const socket = new WebSocket(this.url, {
      perMessageDeflate: false,
      maxPayload: MAX_FRAME_SIZE,
      handshakeTimeout: this.options.timeoutMs,
      followRedirects: false,
    });
    this.socket = socket;
    this.lastSocketError = null;

    socket.on("open", () => {
      if (this.socket !== socket) return;
      this.logger.info("upstream connected", { kkmId: this.kkmId });
      this.transmit(socket);
    });

    socket.on("message", (data, isBinary) => {
      if (this.socket !== socket) return;
      this.receive(data as Buffer, isBinary);
    });

    // ws 8 emits "error" before "close", and the error explains the close.
    socket.on("error", (error) => {
      if (this.socket !== socket) return;
      this.lastSocketError = error;
    });

    socket.on("close", (code, reason) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onSocketClosed(code, reason.toString());
    });

    return socket;
  }

  private transmit(socket: WebSocket): void {
    const request = this.inFlight;
    if (!request || request.sent) return;

    request.sent = true;
    socket.send(request.frame, { binary: true }, (error) => {
      if (!error || this.inFlight !== request) return;
      this.finish(
        request,
        new UpstreamError("closed", `WebSocket send failed: ${error.message}`, {
          cause: error,
        }),
      );
      this.dropSocket();
      this.pump();
    });
  }

  private receive(data: Buffer, isBinary: boolean): void {
    const request = this.inFlight;
    if (!request) {
      // A message no request waits for would be taken as the response to the next
      // request, so the socket can no longer be trusted.
      this.logger.error("unexpected upstream message", {
        kkmId: this.kkmId,
        bytes: data.length,
      });
      this.dropSocket();
      return;
    }

    if (!isBinary) {
      this.finish(
        request,
        new UpstreamError("invalid-response", "Worker sent a text message"),
      );
      this.dropSocket();
      this.pump();
      return;
    }

    try {
      const response = checkResponseFrame(new Uint8Array(data));
      this.finish(request, response);
    } catch (error) {
      this.finish(request, error as UpstreamError);
      this.dropSocket();
    }
    this.pump();
  }

  private onSocketClosed(code: number, reason: string): void {
    const socketError = this.lastSocketError;
    this.lastSocketError = null;
    const request = this.inFlight;

    if (request) {
      const detail = socketError
        ? socketError.message
        : `closed with code ${code}${reason ? ` (${reason})` : ""}`;
      const failure = socketError && !request.sent ? "unreachable" : "closed";
      this.finish(
        request,
        new UpstreamError(failure, `WebSocket to Worker: ${detail}`, {
          cause: socketError ?? undefined,
        }),
      );
    } else {
      this.logger.info("upstream closed", {
        kkmId: this.kkmId,
        code,
        reason,
        ...(socketError ? errorFields(socketError) : {}),
      });
    }

    // The next queued request opens a new socket.
    this.pump();
  }

  private timeOut(request: PendingRequest): void {
    const queued = this.queue.indexOf(request);
    if (queued >= 0) this.queue.splice(queued, 1);

    this.finish(
      request,
      new UpstreamError(
        "timeout",
        `Worker did not respond within ${this.options.timeoutMs} ms`,
      ),
    );

    // A late response would be taken for the next request's, so the socket
    // that carries this request is dropped.
    if (queued < 0) {
      this.dropSocket();
      this.pump();
    }
  }

  private finish(
    request: PendingRequest,
    outcome: Uint8Array | UpstreamError,
  ): void {
    clearTimeout(request.timer);
    if (this.inFlight === request) this.inFlight = null;

    if (outcome instanceof UpstreamError) request.reject(outcome);
    else request.resolve(outcome);
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
  }

  private armIdleTimerIfIdle(): void {
    if (this.inFlight || this.queue.length > 0 || this.idleTimer) return;

    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.onIdle();

      const socket = this.socket;
      this.socket = null;
      if (socket) {
        this.logger.debug("upstream idle, closing", { kkmId: this.kkmId });
        socket.close(IDLE_CLOSE_CODE, "idle");
      }
    }, this.options.idleTimeoutMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** Closes a socket with 1001, dropping it if the peer does not respond. */
function closeGracefully(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();

  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), SHUTDOWN_GRACE_MS);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on("error", () => {});

    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(SHUTDOWN_CLOSE_CODE, "gateway shutdown");
  });
}
