/**
 * The live feed of one KKM: a WebSocket to /api/kkms/:id/live that the
 * KKM's object writes one JSON message to per accepted document. The page
 * sends "ping" every 30 s so idle proxies keep the socket open, and a lost
 * socket is reopened with exponential backoff.
 */
import { signal } from "@preact/signals";
import { liveUrl, type ShiftSummary, type TransactionRow } from "../api/kkms";

/** Interval of the keep-alive "ping", in milliseconds. */
export const PING_INTERVAL_MS = 30_000;

/** First reconnect delay; doubled after each failure up to the maximum. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/** One message of the feed. */
export interface LiveMessage {
  type: "receipt" | "document";
  command: number | null;
  receipt: TransactionRow | null;
  shift: ShiftSummary;
}

/** State of the feed's socket. */
export type LiveState = "connecting" | "open" | "closed";

/** The live model created by createLiveFeed. */
export type LiveFeed = ReturnType<typeof createLiveFeed>;

/** Delay before reconnect attempt `attempt` (0-based), in milliseconds. */
export function retryDelay(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
}

/** Parses a feed message; null for "pong" and anything unreadable. */
export function parseLiveMessage(text: string): LiveMessage | null {
  if (text === "pong") return null;
  try {
    const parsed = JSON.parse(text) as Partial<LiveMessage>;
    if (parsed.type !== "receipt" && parsed.type !== "document") return null;
    return parsed as LiveMessage;
  } catch {
    // A message from a newer server the page cannot read is skipped.
    return null;
  }
}

/** Creates the feed of KKM `id`; `onMessage` receives every document. */
export function createLiveFeed(
  id: string,
  onMessage: (message: LiveMessage) => void,
) {
  const state = signal<LiveState>("closed");
  let socket: WebSocket | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let stopped = true;

  function open(): void {
    state.value = "connecting";
    const ws = new WebSocket(liveUrl(id));
    socket = ws;

    ws.onopen = () => {
      attempt = 0;
      state.value = "open";
      pingTimer = setInterval(() => ws.send("ping"), PING_INTERVAL_MS);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== "string") return;
      const message = parseLiveMessage(event.data);
      if (message) onMessage(message);
    };
    ws.onclose = () => {
      clearPing();
      socket = null;
      state.value = "closed";
      if (!stopped) scheduleRetry();
    };
  }

  function scheduleRetry(): void {
    const delay = retryDelay(attempt);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!stopped) open();
    }, delay);
  }

  function clearPing(): void {
    if (pingTimer !== null) clearInterval(pingTimer);
    pingTimer = null;
  }

  /** Opens the socket; safe to call again while it runs. */
  function start(): void {
    if (!stopped) return;
    stopped = false;
    attempt = 0;
    open();
  }

  /** Closes the socket and cancels any pending reconnect. */
  function stop(): void {
    stopped = true;
    clearPing();
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    socket?.close(1000, "page closed");
    socket = null;
    state.value = "closed";
  }

  return { state, start, stop };
}
