/**
 * RateLimiter: a fixed-window request counter, one object per client key
 * (the caller's address). The window is stored in the object's SQLite, so
 * a restart keeps the count. An alarm deletes the storage once the window
 * has ended, so idle addresses cost no storage.
 *
 * Storage: table `rate_window` with one row (id = 1): `window_start` and
 * `window_end` (ms since the epoch; the start is a multiple of the window
 * length) and `count` (requests allowed in that window).
 */
import { DurableObject } from "cloudflare:workers";

const TABLE = "rate_window";

interface StoredWindow {
  windowStart: number;
  windowEnd: number;
  count: number;
}

/** Outcome of counting one request. */
export type RateLimitDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

/** Pure fixed-window decision, for the object and for tests. */
export function decide(
  stored: { windowStart: number; count: number } | null,
  nowMs: number,
  limit: number,
  windowMs: number,
): { decision: RateLimitDecision; windowStart: number; count: number } {
  const windowStart = Math.floor(nowMs / windowMs) * windowMs;
  const count = stored?.windowStart === windowStart ? stored.count : 0;

  if (count >= limit) {
    const retryAfterMs = windowStart + windowMs - nowMs;
    return {
      decision: {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
      },
      windowStart,
      count,
    };
  }
  return {
    decision: { allowed: true, remaining: limit - count - 1 },
    windowStart,
    count: count + 1,
  };
}

export class RateLimiter extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.createTable();
  }

  /**
   * Counts one request at `nowMs` against `limit` per `windowMs`. A
   * rejected request is not counted, so a client that waits the returned
   * time gets through.
   */
  async hit(
    limit: number,
    windowMs: number,
    nowMs: number = Date.now(),
  ): Promise<RateLimitDecision> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    }
    if (!Number.isInteger(windowMs) || windowMs < 1000) {
      throw new RangeError(`windowMs must be at least 1000, got ${windowMs}`);
    }

    const stored = this.readWindow();
    const next = decide(stored, nowMs, limit, windowMs);
    if (!next.decision.allowed) return next.decision;

    this.ctx.storage.sql.exec(
      `INSERT INTO ${TABLE} (id, window_start, window_end, count)
       VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET window_start = excluded.window_start,
         window_end = excluded.window_end, count = excluded.count`,
      next.windowStart,
      next.windowStart + windowMs,
      next.count,
    );
    if (stored?.windowStart !== next.windowStart) {
      await this.ctx.storage.setAlarm(next.windowStart + windowMs);
    }
    return next.decision;
  }

  /**
   * Forgets the address once its window is over, or waits for the end of a
   * window that began after the alarm was set; idempotent.
   */
  override async alarm(): Promise<void> {
    const stored = this.readWindow();
    if (stored && stored.windowEnd > Date.now()) {
      await this.ctx.storage.setAlarm(stored.windowEnd);
      return;
    }

    // deleteAll() drops the table too; the next hit in this instance needs it.
    await this.ctx.storage.deleteAll();
    this.createTable();
  }

  private createTable(): void {
    this.ctx.storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        window_start INTEGER NOT NULL,
        window_end INTEGER NOT NULL,
        count INTEGER NOT NULL
      )`,
    );
  }

  private readWindow(): StoredWindow | null {
    const row = this.ctx.storage.sql
      .exec<{ window_start: number; window_end: number; count: number }>(
        `SELECT window_start, window_end, count FROM ${TABLE} WHERE id = 1`,
      )
      .toArray()[0];
    if (!row) return null;
    return {
      windowStart: row.window_start,
      windowEnd: row.window_end,
      count: row.count,
    };
  }
}
