/**
 * KkmSession: the Durable Object of one KKM, addressed by its system id.
 * It owns the register's token, retry record, shifts and receipts in its
 * own SQLite database, and answers every frame of that register, whether it
 * comes by RPC from the Worker (HTTP transport) or over a WebSocket.
 */
import { DurableObject } from "cloudflare:workers";
import { logger, type Logger } from "../worker/log";
import { exchange, type ExchangeResult } from "./kkm/exchange";
import { cryptoRandom } from "./kkm/random";
import {
  kkmRegistrationSchema,
  type KkmRegistration,
} from "./kkm/registration";
import { KkmStore } from "./kkm/store";

/** Live state of a KKM for the portal. */
export interface KkmSessionStatus {
  registered: boolean;
  status: KkmRegistration["status"] | null;
  lastContactAt: string | null;
  activatedAt: string | null;
  receiptCount: number;
  openShiftNumber: number | null;
}

export class KkmSession extends DurableObject<Env> {
  private readonly store: KkmStore;
  private readonly log: Logger;
  // Not persisted: derived from the object's name on the first request.
  private kkmId: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new KkmStore(ctx.storage.sql, ctx.storage);
    this.log = logger({ doClass: "KkmSession", doId: ctx.id.toString() });
    const registration = this.store.getRegistration();
    if (registration) this.kkmId = registration.kkmId;
  }

  /** Answers one frame for the HTTP transport; null when unreadable. */
  async handleFrame(
    kkmId: number,
    frame: Uint8Array,
  ): Promise<Uint8Array | null> {
    this.kkmId ??= kkmId;
    return (await this.answer(frame)).frame;
  }

  /**
   * Stores the registration pushed from the registry. A `token` issues a new
   * token (first registration or a reset in the cabinet): the old one stops
   * working at once.
   */
  register(input: KkmRegistration, token?: number): void {
    const registration = kkmRegistrationSchema.parse(input);
    if (token !== undefined && (token <= 0 || token > 0xffffffff)) {
      throw new RangeError(`token must be 1..4294967295, got ${token}`);
    }
    this.kkmId = registration.kkmId;

    this.store.transaction(() => {
      this.store.saveRegistration(registration, new Date());
      if (token !== undefined) this.store.resetToken(token);
    });
    this.log.info("kkm registration stored", {
      kkmId: registration.kkmId,
      status: registration.status,
      tokenReset: token !== undefined,
    });
  }

  /**
   * The token the register must send next, or null before registration.
   * For the local demo and tests; the cabinet shows a token only when it
   * issues one.
   */
  currentToken(): number | null {
    return this.store.getSession()?.token ?? null;
  }

  /** Live state of the KKM for the portal. */
  getStatus(): KkmSessionStatus {
    const registration = this.store.getRegistration();
    const session = this.store.getSession();
    const latest = this.store.getLatestShift();
    return {
      registered: registration !== null,
      status: registration?.status ?? null,
      lastContactAt: session?.lastContactAt ?? null,
      activatedAt: session?.activatedAt ?? null,
      receiptCount: this.store.countReceipts(),
      openShiftNumber:
        latest && latest.closedAt === null ? latest.number : null,
    };
  }

  /** Accepts a WebSocket that carries one frame per binary message. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const kkmId = Number(new URL(request.url).searchParams.get("kkmId"));
    if (Number.isInteger(kkmId) && kkmId > 0) this.kkmId ??= kkmId;

    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(
    ws: WebSocket,
    message: ArrayBuffer | string,
  ): Promise<void> {
    try {
      if (typeof message === "string") {
        ws.close(1003, "frames must be binary messages");
        return;
      }
      const result = await this.answer(new Uint8Array(message));
      if (result.frame) {
        ws.send(result.frame);
      } else {
        ws.close(1007, result.error ?? "unreadable frame");
      }
    } catch (error) {
      this.log.error("websocket message failed", { kkmId: this.kkmId, error });
      closeQuietly(ws, 1011, "internal error");
    }
  }

  override webSocketClose(ws: WebSocket, code: number): void {
    // 1005 and 1006 are reserved and cannot be sent back in a close frame.
    closeQuietly(ws, code === 1005 || code === 1006 ? 1000 : code, "closing");
  }

  override webSocketError(ws: WebSocket, error: unknown): void {
    this.log.warn("websocket error", { kkmId: this.kkmId, error });
    closeQuietly(ws, 1011, "error");
  }

  private async answer(frame: Uint8Array): Promise<ExchangeResult> {
    const started = Date.now();
    const result = await exchange(frame, {
      store: this.store,
      db: this.env.DB,
      kkmId: this.kkmId ?? 0,
      config: {
        receiptCheckUrl: this.env.RECEIPT_CHECK_URL,
        ofdName: this.env.OFD_NAME,
      },
      now: new Date(),
      random: cryptoRandom,
    });

    if (result.report) {
      this.log.info("kkm exchange", {
        ...result.report,
        ms: Date.now() - started,
      });
    } else {
      this.log.warn("unreadable kkm frame", {
        kkmId: this.kkmId,
        error: result.error,
      });
    }
    return result;
  }
}

function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code, reason);
  } catch {
    // The socket is already closed; there is nothing left to tell the peer.
  }
}
