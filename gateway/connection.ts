/**
 * One register connection: read frames, forward each to the Worker in order,
 * write each response back, and close on a bad header or a missed read
 * deadline. Nothing outlives the connection.
 */
import type { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { describeHeaderProblem } from "../proto/frame";
import { buildUnavailableResponse } from "./fallback";
import { FrameReader, type ReadFrame } from "./frame-reader";
import { errorFields, type Logger } from "./log";
import { UpstreamError, type Upstream } from "./upstream";

/** Dependencies a connection receives from the gateway that accepted it. */
export interface ConnectionContext {
  upstream: Upstream;
  transport: string;
  /** Time a client has to send each complete frame, in ms. */
  readTimeoutMs: number;
  logger: Logger;
}

/** Serves frames on one accepted socket until either side closes it. */
export class Connection {
  private readonly reader = new FrameReader();
  private readonly frames: ReadFrame[] = [];
  private readonly remote: string;
  private processing = false;
  private clientEnded = false;
  private closing = false;
  private responsesWritten = 0;
  private readTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly context: ConnectionContext,
  ) {
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;

    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("end", () => this.onEnd());
    socket.on("error", (error) => {
      this.logger.warn("connection error", {
        remote: this.remote,
        ...errorFields(error),
      });
    });
    socket.on("close", () => this.clearReadTimer());

    this.updateReadTimer();
  }

  private get logger(): Logger {
    return this.context.logger;
  }

  /** Ends the connection once the frames already received have responses. */
  shutdown(): void {
    this.closing = true;
    this.endIfIdle();
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;

    for (const output of this.reader.push(chunk)) {
      if (output.kind === "frame") {
        this.frames.push(output);
        continue;
      }

      this.logger.warn("invalid frame header", {
        remote: this.remote,
        reason: output.problem.reason,
        error: describeHeaderProblem(output.problem),
      });
      this.closing = true;
    }

    void this.processFrames();
    this.endIfIdle();
  }

  private onEnd(): void {
    this.clientEnded = true;

    if (this.reader.bufferedBytes > 0 && !this.closing) {
      this.logger.warn("connection closed mid-frame", {
        remote: this.remote,
        bufferedBytes: this.reader.bufferedBytes,
      });
    }
    this.endIfIdle();
  }

  private async processFrames(): Promise<void> {
    // Returning early on an empty queue matters: passing through would
    // re-arm the read timer and let partial chunks extend the deadline.
    if (this.processing || this.frames.length === 0) return;
    this.processing = true;
    this.updateReadTimer();

    while (this.frames.length > 0 && !this.socket.destroyed) {
      const frame = this.frames.shift()!;
      const response = await this.forward(frame);

      if (!this.socket.writable) {
        this.logger.warn("client closed before response", {
          remote: this.remote,
          kkmId: frame.header.kkmId,
          reqNum: frame.header.reqNum,
        });
        break;
      }

      // One write per response, so it leaves in as few TCP segments as the
      // kernel allows.
      this.socket.write(response);
      this.responsesWritten++;
    }

    this.processing = false;
    this.updateReadTimer();
    this.endIfIdle();
  }

  /**
   * Forwards one frame and returns the Worker's response, or a result 254
   * response built here when the Worker fails.
   */
  private async forward(frame: ReadFrame): Promise<Uint8Array> {
    const { kkmId, reqNum, version } = frame.header;
    const started = performance.now();

    try {
      const response = await this.context.upstream.send(kkmId, frame.bytes);
      this.logger.info("frame forwarded", {
        kkmId,
        reqNum,
        version,
        bytes: frame.bytes.length,
        responseBytes: response.length,
        ms: elapsedMs(started),
      });
      return response;
    } catch (error) {
      this.logger.error("worker request failed", {
        kkmId,
        reqNum,
        version,
        transport: this.context.transport,
        reason: error instanceof UpstreamError ? error.reason : "internal",
        ...errorFields(error),
        ms: elapsedMs(started),
        fallbackResult: 254,
      });
      return buildUnavailableResponse(frame.bytes);
    }
  }

  /** Half-closes the socket when no frame is waiting for a response. */
  private endIfIdle(): void {
    if (this.processing || this.frames.length > 0) return;
    if (!this.closing && !this.clientEnded) return;
    if (this.socket.writableEnded) return;

    // The read timer stays armed, so a client that never closes its side is
    // destroyed at the deadline.
    this.socket.end();
  }

  /**
   * Arms the read deadline while the gateway waits for a frame and stops it
   * while responses are pending. Chunks that arrive do not extend it, so
   * a client that sends one byte at a time cannot hold the connection.
   */
  private updateReadTimer(): void {
    if (this.processing || this.frames.length > 0) {
      this.clearReadTimer();
      return;
    }
    if (this.readTimer || this.socket.destroyed) return;

    this.readTimer = setTimeout(
      () => this.onReadTimeout(),
      this.context.readTimeoutMs,
    );
  }

  private onReadTimeout(): void {
    this.readTimer = null;

    if (!this.closing && !this.clientEnded) {
      const fields = {
        remote: this.remote,
        timeoutMs: this.context.readTimeoutMs,
        bufferedBytes: this.reader.bufferedBytes,
        responsesWritten: this.responsesWritten,
      };
      // Keeping a connection open after its responses is harmless; stalling
      // before the first frame or inside one is a client problem.
      if (this.reader.bufferedBytes === 0 && this.responsesWritten > 0) {
        this.logger.info("read timed out", fields);
      } else {
        this.logger.warn("read timed out", fields);
      }
    }
    this.socket.destroy();
  }

  private clearReadTimer(): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = null;
  }
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
