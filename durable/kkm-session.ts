/**
 * KkmSession: the Durable Object of one KKM, addressed by its system id.
 * It owns the register's token, retry record, shifts and receipts in its
 * own SQLite database, and responds to every frame of that register, whether it
 * comes by RPC from the Worker (HTTP transport) or over a WebSocket.
 */
import { DurableObject } from "cloudflare:workers";
import { CommandTypeEnum, OperationTypeEnum } from "../proto/messages";
import type { ShiftCounters } from "./fiscal/counters";
import { drizzle } from "drizzle-orm/d1";
import { saveReceiptIndex } from "../worker/domain/receipt-index";
import { saveShiftReport } from "../worker/domain/report-history";
import { logger, type Logger } from "../worker/log";
import { exchange, type ExchangeResult } from "./kkm/exchange";
import { cryptoRandom } from "./kkm/random";
import {
  findPublicReceipt,
  publicReceiptOf,
  type PublicReceipt,
  type ReceiptQuery,
} from "./kkm/receipt-lookup";
import {
  kkmRegistrationSchema,
  type KkmRegistration,
  type KkmRegistrationInput,
} from "./kkm/registration";
import {
  RECEIPT_INDEX_KIND,
  SHIFT_REPORT_KIND,
  type ReceiptIndexRow,
  type ShiftReportRow,
} from "./kkm/report-outbox";
import { KkmStore, type OfflineEpisode, type OutboxRow } from "./kkm/store";
import { transactionRow, type TransactionRow } from "./kkm/transactions";
import {
  dueMarks,
  nextWatchTime,
  watchState,
  type WatchState,
} from "./kkm/watch";

/** Header by which the Worker marks a portal watcher's upgrade request. */
export const WATCH_HEADER = "x-kkm-watch";
const WATCH_TAG = "watch";
const REGISTER_TAG = "register";

/** Default silence after which a KKM shows as offline, in seconds. */
const DEFAULT_OFFLINE_AFTER_SECONDS = 1800;

/** Outbox rows written per flush; receipts go to D1 in one batch. */
const OUTBOX_BATCH = 100;

/** Outbox retries back off from 1 s up to this, in milliseconds. */
const MAX_OUTBOX_BACKOFF_MS = 5 * 60 * 1000;

/** Live state of a KKM for the portal. */
export interface KkmSessionStatus extends WatchState {
  registered: boolean;
  status: KkmRegistration["status"] | null;
  activatedAt: string | null;
  receiptCount: number;
  openShiftNumber: number | null;
  /** Autonomous periods the register reported, newest first. */
  offlineEpisodes: OfflineEpisode[];
  /** Reports and receipt index rows waiting to be written to D1. */
  pendingOutboxRows: number;
}

export class KkmSession extends DurableObject<Env> {
  private readonly store: KkmStore;
  private readonly log: Logger;
  // Not persisted: derived from the object's name on the first request.
  private kkmId: number | null = null;
  // Not persisted: a cache of the scheduled alarm time, so a frame does not
  // read it back from storage; reset when the alarm runs.
  private alarmAt: number | null | undefined = undefined;
  // Not persisted: the flush in progress, so two never overlap.
  private flushing: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Watchers keep their sockets alive with "ping" without waking the object.
    ctx.setWebSocketAutoResponse(
      new WebSocketRequestResponsePair("ping", "pong"),
    );
    this.store = new KkmStore(ctx.storage.sql, ctx.storage);
    this.log = logger({ doClass: "KkmSession", doId: ctx.id.toString() });
    const registration = this.store.getRegistration();
    if (registration) this.kkmId = registration.kkmId;
  }

  /** Returns the response frame for the HTTP transport; null if unreadable. */
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
  register(input: KkmRegistrationInput, token?: number): void {
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
      ...watchState(session),
      registered: registration !== null,
      status: registration?.status ?? null,
      activatedAt: session?.activatedAt ?? null,
      receiptCount: this.store.countReceipts(),
      openShiftNumber:
        latest && latest.closedAt === null ? latest.number : null,
      offlineEpisodes: this.store.listOfflineEpisodes(20),
      pendingOutboxRows: this.store.countOutbox(),
    };
  }

  /** Finds a receipt for the public check; null when nothing matches. */
  findReceipt(query: ReceiptQuery): PublicReceipt | null {
    return findPublicReceipt(
      this.ctx.storage.sql,
      this.store.getRegistration(),
      query,
      this.env.OFD_NAME,
    );
  }

  /**
   * Builds the full view of the receipt with server fiscal sign
   * `fiscalSign` for the KKM's owner; null when there is none.
   */
  getReceiptBySign(fiscalSign: string): PublicReceipt | null {
    const row = this.store.getReceiptBySign(fiscalSign);
    const registration = this.store.getRegistration();
    if (!row || !registration) return null;
    return publicReceiptOf(row, registration, this.env.OFD_NAME);
  }

  /**
   * Receipts of a local day (`YYYY-MM-DD`) or of a shift, newest first,
   * with a cursor for the next page.
   */
  listTransactions(query: {
    date?: string;
    shiftNumber?: number;
    limit?: number;
    beforeId?: number;
  }): { items: TransactionRow[]; nextBeforeId: number | null } {
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
    const rows =
      query.shiftNumber !== undefined
        ? this.store.listReceiptsBy(
            { shiftNumber: query.shiftNumber },
            limit + 1,
            query.beforeId,
          )
        : query.date !== undefined
          ? this.store.listReceiptsBy(
              { date: query.date },
              limit + 1,
              query.beforeId,
            )
          : this.store.listReceipts(limit + 1, query.beforeId);
    const page = rows.slice(0, limit);
    return {
      items: page.map(transactionRow),
      nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** The open shift's number, opening time and sales sum in tiyn. */
  getShiftSummary(): {
    shiftNumber: number | null;
    openedLocal: string | null;
    salesTotal: number;
    lastClosedShiftNumber: number | null;
  } {
    const latest = this.store.getLatestShift();
    const open = latest && latest.closedAt === null ? latest : null;
    const counters = open ? (JSON.parse(open.counters) as ShiftCounters) : null;
    const sales =
      counters?.ticketOperations[OperationTypeEnum.OPERATION_SELL]
        ?.ticketsSum ?? 0;
    return {
      shiftNumber: open?.number ?? null,
      openedLocal: open?.openedLocal ?? null,
      salesTotal: sales,
      lastClosedShiftNumber: this.store.getLastClosedShift()?.number ?? null,
    };
  }

  /** Recorded facts for the portal, newest first (mismatches, differences). */
  listEvents(limit = 50) {
    return this.store.listEvents(Math.min(Math.max(limit, 1), 500));
  }

  /** Writes due outbox rows to D1 and updates the link watch. */
  override async alarm(): Promise<void> {
    this.alarmAt = undefined;
    await this.flushOutbox();

    const session = this.store.getSession();
    if (session) {
      const marks = dueMarks(session, Date.now(), this.offlineAfterMs());
      const now = new Date();
      if (marks.offline) {
        this.store.markWatch("offline", now);
        this.log.info("kkm marked offline", { kkmId: this.kkmId });
      }
      if (marks.autonomous) {
        this.store.markWatch("autonomous", now);
        this.store.recordEvent(
          "autonomous_limit_passed",
          null,
          { silentSince: session.lastContactAt },
          now,
        );
        this.log.warn("kkm silent past the autonomous limit", {
          kkmId: this.kkmId,
          lastContactAt: session.lastContactAt,
        });
      }
    }
    await this.scheduleAlarm();
  }

  /**
   * Writes due reports to D1. A report is deleted from the outbox only
   * after D1 took it; D1 ignores a second write of the same report, so a
   * crash between the two steps cannot duplicate it.
   */
  private async flushOutbox(): Promise<void> {
    // One flush at a time; rows queued meanwhile are due at once, so the
    // alarm set after this flush picks them up.
    if (this.flushing) return this.flushing;
    this.flushing = this.writeDueOutbox().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async writeDueOutbox(): Promise<void> {
    const db = drizzle(this.env.DB);
    const due = this.store.dueOutbox(Date.now(), OUTBOX_BATCH);
    const receipts = due.filter((row) => row.kind === RECEIPT_INDEX_KIND);
    const others = due.filter((row) => row.kind !== RECEIPT_INDEX_KIND);

    if (receipts.length > 0) {
      await this.writeOutboxRows(receipts, () =>
        saveReceiptIndex(
          db,
          receipts.map((row) => JSON.parse(row.body) as ReceiptIndexRow),
        ),
      );
    }
    for (const row of others) {
      await this.writeOutboxRows([row], () =>
        row.kind === SHIFT_REPORT_KIND
          ? saveShiftReport(db, JSON.parse(row.body) as ShiftReportRow)
          : Promise.resolve(),
      );
    }
  }

  /** Runs one D1 write for `rows`; deletes them after it, or defers them. */
  private async writeOutboxRows(
    rows: OutboxRow[],
    write: () => Promise<void>,
  ): Promise<void> {
    try {
      await write();
      for (const row of rows) this.store.deleteOutbox(row.id);
    } catch (error) {
      for (const row of rows) {
        const delay = Math.min(1000 * 2 ** row.attempts, MAX_OUTBOX_BACKOFF_MS);
        this.store.deferOutbox(row.id, Date.now() + delay);
      }
      this.log.warn("outbox write failed", {
        kkmId: this.kkmId,
        outboxIds: rows.map((row) => row.id),
        attempts: (rows[0]?.attempts ?? 0) + 1,
        error,
      });
    }
  }

  /** Sets the alarm to the earliest due outbox row or watch time. */
  private async scheduleAlarm(): Promise<void> {
    const times = [
      this.store.nextOutboxAttempt(),
      nextWatchTime(this.store.getSession(), this.offlineAfterMs()),
    ].filter((time): time is number => time !== null);
    if (times.length === 0) return;

    const due = Math.min(...times);
    if (this.alarmAt === undefined) {
      this.alarmAt = await this.ctx.storage.getAlarm();
    }
    if (this.alarmAt === null || due < this.alarmAt) {
      await this.ctx.storage.setAlarm(due);
      this.alarmAt = due;
    }
  }

  private offlineAfterMs(): number {
    const seconds = Number(this.env.KKM_OFFLINE_AFTER_SECONDS);
    const valid = Number.isFinite(seconds) && seconds > 0;
    return (valid ? seconds : DEFAULT_OFFLINE_AFTER_SECONDS) * 1000;
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
    // Portal pages watch the KKM on sockets tagged "watch"; the Worker
    // sets the header only after checking the caller's rights.
    const watching = request.headers.get(WATCH_HEADER) === "1";
    this.ctx.acceptWebSocket(server, watching ? [WATCH_TAG] : [REGISTER_TAG]);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(
    ws: WebSocket,
    message: ArrayBuffer | string,
  ): Promise<void> {
    try {
      // Watchers only listen, and the auto-response replies to their pings.
      if (this.ctx.getTags(ws).includes(WATCH_TAG)) return;
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

  /** Tells open portal pages that a document was accepted. */
  private notifyWatchers(command: number | null): void {
    const watchers = this.ctx.getWebSockets(WATCH_TAG);
    if (watchers.length === 0) return;

    const latest =
      command === CommandTypeEnum.COMMAND_TICKET
        ? this.store.listReceipts(1)[0]
        : undefined;
    const message = JSON.stringify({
      type: latest ? "receipt" : "document",
      command,
      receipt: latest ? transactionRow(latest) : null,
      shift: this.getShiftSummary(),
    });
    for (const ws of watchers) {
      try {
        ws.send(message);
      } catch {
        // A watcher that went away is cleaned up by its close handler.
      }
    }
  }

  private async afterExchange(): Promise<void> {
    try {
      if (this.store.nextOutboxAttempt() !== null) await this.flushOutbox();
      await this.scheduleAlarm();
    } catch (error) {
      this.log.error("after-exchange work failed", {
        kkmId: this.kkmId,
        error,
      });
    }
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

    // The answer does not wait for D1, the alarm or the portal's watchers.
    this.ctx.waitUntil(this.afterExchange());
    if (result.report?.tokenRotated) this.notifyWatchers(result.report.command);

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
