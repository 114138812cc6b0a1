/**
 * The SQLite storage of one KKM's object. Every method is synchronous, so a
 * request that only calls these never yields and cannot interleave with
 * another; `transaction` groups writes that must land together.
 */
import type { CommandTypeEnum } from "../../proto/messages";
import type { LastExchange } from "./exchange-rules";
import { kkmRegistrationSchema, type KkmRegistration } from "./registration";

/**
 * The object's tables as first created. Later changes go in
 * SCHEMA_CHANGES, never here, so that objects created earlier get them.
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS registration (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  // token: the issued token. last_*: the last accepted document and the
  // exact response frame sent for it, replayed on a retransmission.
  `CREATE TABLE IF NOT EXISTS session (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    token INTEGER NOT NULL,
    last_token INTEGER,
    last_req_num INTEGER,
    last_command INTEGER,
    last_response BLOB,
    last_contact_at TEXT,
    activated_at TEXT,
    offline_marked_at TEXT,
    autonomous_flagged_at TEXT
  )`,
  // Times ending in _local are the register's wall clock; _at are UTC.
  `CREATE TABLE IF NOT EXISTS shifts (
    number INTEGER PRIMARY KEY,
    opened_local TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_local TEXT,
    closed_at TEXT,
    counters TEXT NOT NULL,
    register_report BLOB,
    discrepancies TEXT,
    x_count INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE TABLE IF NOT EXISTS receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fiscal_sign TEXT NOT NULL UNIQUE,
    shift_number INTEGER NOT NULL,
    operation INTEGER NOT NULL,
    local_time TEXT NOT NULL,
    received_at TEXT NOT NULL,
    total INTEGER NOT NULL,
    offline_number INTEGER,
    req_num INTEGER NOT NULL,
    version INTEGER NOT NULL,
    qr_url TEXT NOT NULL,
    request BLOB NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS receipts_shift_idx ON receipts (shift_number)`,
  `CREATE INDEX IF NOT EXISTS receipts_local_time_idx ON receipts (local_time)`,
  // Periods the register reported it worked without the OFD, keyed by the
  // start it reported; a later report of the same period extends its end.
  `CREATE TABLE IF NOT EXISTS offline_episodes (
    begin_local TEXT PRIMARY KEY,
    end_local TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  )`,
  // Facts for the portal: shift number mismatches and report differences.
  `CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    shift_number INTEGER,
    detail TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  )`,
  // Rows waiting to be written to D1; deleted once written.
  `CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS receipts_offline_idx
    ON receipts (offline_number, local_time, total)
    WHERE offline_number IS NOT NULL`,
];

/**
 * Schema changes after the first version, in order; entry n moves an
 * object from version n + 1 to n + 2. Each entry runs once, in one
 * transaction with the version bump.
 */
export const SCHEMA_CHANGES: readonly (readonly string[])[] = [
  // The body of the last accepted document, so that a resend with the
  // same TOKEN and REQNUM but other content is not taken as a retry.
  ["ALTER TABLE session ADD COLUMN last_request BLOB"],
];

/** The token state and the retry record. */
export interface SessionRow {
  token: number;
  last: (LastExchange & { response: Uint8Array }) | null;
  lastContactAt: string | null;
  activatedAt: string | null;
  offlineMarkedAt: string | null;
  autonomousFlaggedAt: string | null;
}

/** A shift as stored; `counters` is the JSON of the shift's counters. */
export interface ShiftRow {
  number: number;
  openedLocal: string;
  openedAt: string;
  closedLocal: string | null;
  closedAt: string | null;
  counters: string;
  /** X reports requested in this shift. */
  xCount: number;
}

/** An autonomous period as the register reported it, in local time. */
export interface OfflineEpisode {
  beginLocal: string;
  endLocal: string;
  recordedAt: string;
}

/** Details of a recorded fact, as JSON. */
export type EventDetail = Record<
  string,
  string | number | boolean | null | string[]
>;

/** A fact about the KKM for the portal. */
export interface KkmEvent {
  kind: string;
  shiftNumber: number | null;
  detail: EventDetail;
  recordedAt: string;
}

/** A row waiting for D1. */
export interface OutboxRow {
  id: number;
  kind: string;
  body: string;
  attempts: number;
  nextAttemptAt: number;
}

/** A stored receipt, with the TicketRequest bytes as the register sent them. */
export interface ReceiptRow {
  id: number;
  fiscalSign: string;
  shiftNumber: number;
  operation: number;
  localTime: string;
  receivedAt: string;
  total: number;
  offlineNumber: number | null;
  reqNum: number;
  version: number;
  qrUrl: string;
  request: Uint8Array;
}

export type NewReceipt = Omit<ReceiptRow, "id">;

export class KkmStore {
  /**
   * Opens the store, creating or upgrading its tables. `changes` replaces
   * the schema changes in tests only.
   */
  constructor(
    private readonly sql: SqlStorage,
    private readonly storage: DurableObjectStorage,
    changes: readonly (readonly string[])[] = SCHEMA_CHANGES,
  ) {
    this.migrate(changes);
  }

  /** Creates the tables, then applies the schema changes not yet applied. */
  private migrate(changes: readonly (readonly string[])[]): void {
    this.storage.transactionSync(() => {
      for (const statement of SCHEMA) this.sql.exec(statement);
      this.sql.exec(
        `CREATE TABLE IF NOT EXISTS schema_version (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          version INTEGER NOT NULL
        )`,
      );
      this.sql.exec(
        "INSERT OR IGNORE INTO schema_version (id, version) VALUES (1, 1)",
      );
    });

    let version = this.sql
      .exec<{ version: number }>("SELECT version FROM schema_version")
      .one().version;
    while (version < 1 + changes.length) {
      const change = changes[version - 1]!;
      const next = version + 1;
      this.storage.transactionSync(() => {
        for (const statement of change) this.sql.exec(statement);
        this.sql.exec("UPDATE schema_version SET version = ?", next);
      });
      version = next;
    }
  }

  /** Runs `work` in one SQLite transaction: all of it lands or none. */
  transaction<T>(work: () => T): T {
    return this.storage.transactionSync(work);
  }

  getRegistration(): KkmRegistration | null {
    const row = this.sql
      .exec<{ data: string }>("SELECT data FROM registration WHERE id = 1")
      .toArray()[0];
    return row ? kkmRegistrationSchema.parse(JSON.parse(row.data)) : null;
  }

  saveRegistration(registration: KkmRegistration, now: Date): void {
    this.sql.exec(
      `INSERT INTO registration (id, data, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data,
         updated_at = excluded.updated_at`,
      JSON.stringify(registration),
      now.toISOString(),
    );
  }

  getSession(): SessionRow | null {
    const row = this.sql
      .exec<{
        token: number;
        last_token: number | null;
        last_req_num: number | null;
        last_command: number | null;
        last_response: ArrayBuffer | null;
        last_request: ArrayBuffer | null;
        last_contact_at: string | null;
        activated_at: string | null;
        offline_marked_at: string | null;
        autonomous_flagged_at: string | null;
      }>("SELECT * FROM session WHERE id = 1")
      .toArray()[0];
    if (!row) return null;

    const last =
      row.last_token !== null &&
      row.last_req_num !== null &&
      row.last_command !== null &&
      row.last_response !== null
        ? {
            token: row.last_token,
            reqNum: row.last_req_num,
            command: row.last_command as CommandTypeEnum,
            response: new Uint8Array(row.last_response),
            body:
              row.last_request === null
                ? undefined
                : new Uint8Array(row.last_request),
          }
        : null;
    return {
      token: row.token,
      last,
      lastContactAt: row.last_contact_at,
      activatedAt: row.activated_at,
      offlineMarkedAt: row.offline_marked_at,
      autonomousFlaggedAt: row.autonomous_flagged_at,
    };
  }

  /** Issues a new token from the cabinet and clears the retry record. */
  resetToken(token: number): void {
    this.sql.exec(
      `INSERT INTO session (id, token) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET token = excluded.token,
         last_token = NULL, last_req_num = NULL, last_command = NULL,
         last_response = NULL, last_request = NULL`,
      token,
    );
  }

  /** Stores the token issued with an accepted document and its response. */
  rememberDocument(
    issuedToken: number,
    exchange: LastExchange,
    response: Uint8Array,
  ): void {
    this.sql.exec(
      `UPDATE session SET token = ?, last_token = ?, last_req_num = ?,
         last_command = ?, last_response = ?, last_request = ?
       WHERE id = 1`,
      issuedToken,
      exchange.token,
      exchange.reqNum,
      exchange.command,
      response,
      exchange.body ?? null,
    );
  }

  /**
   * Records a successful exchange: the first one activates the KKM, and
   * any one ends an "offline" mark. `backOnline` (a request without an
   * autonomous period) also clears the 72-hour flag.
   */
  touch(now: Date, backOnline: boolean): void {
    const at = now.toISOString();
    this.sql.exec(
      `UPDATE session SET last_contact_at = ?, offline_marked_at = NULL,
         activated_at = COALESCE(activated_at, ?),
         autonomous_flagged_at = CASE WHEN ? THEN NULL
           ELSE autonomous_flagged_at END
       WHERE id = 1`,
      at,
      at,
      backOnline ? 1 : 0,
    );
  }

  /** Marks the KKM offline, or flags its autonomous period past the limit. */
  markWatch(field: "offline" | "autonomous", now: Date): void {
    const column =
      field === "offline" ? "offline_marked_at" : "autonomous_flagged_at";
    this.sql.exec(
      `UPDATE session SET ${column} = COALESCE(${column}, ?) WHERE id = 1`,
      now.toISOString(),
    );
  }

  /** Returns the newest shift, open or closed. */
  getLatestShift(): ShiftRow | null {
    return (
      this.sql
        .exec<RawShift>("SELECT * FROM shifts ORDER BY number DESC LIMIT 1")
        .toArray()
        .map(toShiftRow)[0] ?? null
    );
  }

  getShift(number: number): ShiftRow | null {
    return (
      this.sql
        .exec<RawShift>("SELECT * FROM shifts WHERE number = ?", number)
        .toArray()
        .map(toShiftRow)[0] ?? null
    );
  }

  insertShift(shift: ShiftRow): void {
    this.sql.exec(
      `INSERT INTO shifts (number, opened_local, opened_at, closed_local,
         closed_at, counters) VALUES (?, ?, ?, ?, ?, ?)`,
      shift.number,
      shift.openedLocal,
      shift.openedAt,
      shift.closedLocal,
      shift.closedAt,
      shift.counters,
    );
  }

  updateShiftCounters(number: number, counters: string): void {
    this.sql.exec(
      "UPDATE shifts SET counters = ? WHERE number = ?",
      counters,
      number,
    );
  }

  /** Freezes a shift's counters as its Z report. */
  closeShift(
    number: number,
    closed: {
      local: string;
      at: string;
      counters: string;
      registerReport: Uint8Array | null;
      discrepancies: string[];
    },
  ): void {
    this.sql.exec(
      `UPDATE shifts SET closed_local = ?, closed_at = ?, counters = ?,
         register_report = ?, discrepancies = ? WHERE number = ?`,
      closed.local,
      closed.at,
      closed.counters,
      closed.registerReport,
      JSON.stringify(closed.discrepancies),
      number,
    );
  }

  /** Counts one more X report in the shift and returns its sequence. */
  nextXSequence(number: number): number {
    return this.sql
      .exec<{ x_count: number }>(
        "UPDATE shifts SET x_count = x_count + 1 WHERE number = ? RETURNING x_count",
        number,
      )
      .one().x_count;
  }

  /** Returns the newest closed shift. */
  getLastClosedShift(): ShiftRow | null {
    return (
      this.sql
        .exec<RawShift>(
          `SELECT * FROM shifts WHERE closed_at IS NOT NULL
             ORDER BY number DESC LIMIT 1`,
        )
        .toArray()
        .map(toShiftRow)[0] ?? null
    );
  }

  /** Stores or extends an autonomous period reported by the register. */
  recordOfflineEpisode(beginLocal: string, endLocal: string, now: Date): void {
    this.sql.exec(
      `INSERT INTO offline_episodes (begin_local, end_local, recorded_at)
       VALUES (?, ?, ?)
       ON CONFLICT (begin_local) DO UPDATE SET
         end_local = MAX(end_local, excluded.end_local),
         recorded_at = excluded.recorded_at`,
      beginLocal,
      endLocal,
      now.toISOString(),
    );
  }

  /** Autonomous periods, newest first. */
  listOfflineEpisodes(limit: number): OfflineEpisode[] {
    return this.sql
      .exec<{ begin_local: string; end_local: string; recorded_at: string }>(
        `SELECT * FROM offline_episodes ORDER BY begin_local DESC LIMIT ?`,
        limit,
      )
      .toArray()
      .map((row) => ({
        beginLocal: row.begin_local,
        endLocal: row.end_local,
        recordedAt: row.recorded_at,
      }));
  }

  /** Records a fact for the portal, e.g. a shift number mismatch. */
  recordEvent(
    kind: string,
    shiftNumber: number | null,
    detail: EventDetail,
    now: Date,
  ): void {
    this.sql.exec(
      `INSERT INTO events (kind, shift_number, detail, recorded_at)
       VALUES (?, ?, ?, ?)`,
      kind,
      shiftNumber,
      JSON.stringify(detail),
      now.toISOString(),
    );
  }

  /** Recorded facts, newest first. */
  listEvents(limit: number): KkmEvent[] {
    return this.sql
      .exec<{
        kind: string;
        shift_number: number | null;
        detail: string;
        recorded_at: string;
      }>("SELECT * FROM events ORDER BY id DESC LIMIT ?", limit)
      .toArray()
      .map((row) => ({
        kind: row.kind,
        shiftNumber: row.shift_number,
        detail: JSON.parse(row.detail) as EventDetail,
        recordedAt: row.recorded_at,
      }));
  }

  /** Queues a row for D1, to be written after the commit. */
  enqueueOutbox(kind: string, body: unknown, now: Date): void {
    this.sql.exec(
      "INSERT INTO outbox (kind, body, next_attempt_at) VALUES (?, ?, ?)",
      kind,
      JSON.stringify(body),
      now.getTime(),
    );
  }

  /** Rows due for a write attempt at `nowMs`, oldest first. */
  dueOutbox(nowMs: number, limit: number): OutboxRow[] {
    return this.sql
      .exec<{
        id: number;
        kind: string;
        body: string;
        attempts: number;
        next_attempt_at: number;
      }>(
        `SELECT * FROM outbox WHERE next_attempt_at <= ?
           ORDER BY id LIMIT ?`,
        nowMs,
        limit,
      )
      .toArray()
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        body: row.body,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
      }));
  }

  /** Earliest time a queued row is due, or null when the outbox is empty. */
  nextOutboxAttempt(): number | null {
    return this.sql
      .exec<{ next: number | null }>(
        "SELECT MIN(next_attempt_at) AS next FROM outbox",
      )
      .one().next;
  }

  deleteOutbox(id: number): void {
    this.sql.exec("DELETE FROM outbox WHERE id = ?", id);
  }

  /** Records a failed write and when to try again. */
  deferOutbox(id: number, nextAttemptAt: number): void {
    this.sql.exec(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?
         WHERE id = ?`,
      nextAttemptAt,
      id,
    );
  }

  countOutbox(): number {
    return this.sql
      .exec<{ count: number }>("SELECT COUNT(*) AS count FROM outbox")
      .one().count;
  }

  hasFiscalSign(sign: string): boolean {
    return (
      this.sql
        .exec("SELECT 1 FROM receipts WHERE fiscal_sign = ?", sign)
        .toArray().length > 0
    );
  }

  insertReceipt(receipt: NewReceipt): void {
    this.sql.exec(
      `INSERT INTO receipts (fiscal_sign, shift_number, operation, local_time,
         received_at, total, offline_number, req_num, version, qr_url,
         request) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      receipt.fiscalSign,
      receipt.shiftNumber,
      receipt.operation,
      receipt.localTime,
      receipt.receivedAt,
      receipt.total,
      receipt.offlineNumber,
      receipt.reqNum,
      receipt.version,
      receipt.qrUrl,
      receipt.request,
    );
  }

  /** Finds an autonomous receipt sent before: same number, time and total. */
  findOfflineReceipt(
    offlineNumber: number,
    localTime: string,
    total: number,
  ): ReceiptRow | null {
    return (
      this.sql
        .exec<RawReceipt>(
          `SELECT * FROM receipts WHERE offline_number = ?
             AND local_time = ? AND total = ?`,
          offlineNumber,
          localTime,
          total,
        )
        .toArray()
        .map(toReceiptRow)[0] ?? null
    );
  }

  /** Receipts newest first, `limit` at most, before receipt id `beforeId`. */
  listReceipts(limit: number, beforeId?: number): ReceiptRow[] {
    return this.sql
      .exec<RawReceipt>(
        `SELECT * FROM receipts WHERE id < ? ORDER BY id DESC LIMIT ?`,
        beforeId ?? Number.MAX_SAFE_INTEGER,
        limit,
      )
      .toArray()
      .map(toReceiptRow);
  }

  /**
   * Receipts of one local day (`YYYY-MM-DD`) or one shift, newest first,
   * `limit` at most, before receipt id `beforeId`.
   */
  listReceiptsBy(
    filter: { date: string } | { shiftNumber: number },
    limit: number,
    beforeId?: number,
  ): ReceiptRow[] {
    const before = beforeId ?? Number.MAX_SAFE_INTEGER;
    const rows =
      "date" in filter
        ? this.sql.exec<RawReceipt>(
            `SELECT * FROM receipts WHERE local_time >= ? AND local_time < ?
               AND id < ? ORDER BY id DESC LIMIT ?`,
            `${filter.date}T00:00:00`,
            `${filter.date}T99`,
            before,
            limit,
          )
        : this.sql.exec<RawReceipt>(
            `SELECT * FROM receipts WHERE shift_number = ? AND id < ?
               ORDER BY id DESC LIMIT ?`,
            filter.shiftNumber,
            before,
            limit,
          );
    return rows.toArray().map(toReceiptRow);
  }

  /** Returns the receipt with server fiscal sign `fiscalSign`, or null. */
  getReceiptBySign(fiscalSign: string): ReceiptRow | null {
    return (
      this.sql
        .exec<RawReceipt>(
          "SELECT * FROM receipts WHERE fiscal_sign = ?",
          fiscalSign,
        )
        .toArray()
        .map(toReceiptRow)[0] ?? null
    );
  }

  /** Returns the schema version of this object's tables. */
  schemaVersion(): number {
    return this.sql
      .exec<{ version: number }>("SELECT version FROM schema_version")
      .one().version;
  }

  countReceipts(): number {
    return this.sql
      .exec<{ count: number }>("SELECT COUNT(*) AS count FROM receipts")
      .one().count;
  }
}

type RawShift = {
  number: number;
  opened_local: string;
  opened_at: string;
  closed_local: string | null;
  closed_at: string | null;
  counters: string;
  x_count: number;
};

type RawReceipt = {
  id: number;
  fiscal_sign: string;
  shift_number: number;
  operation: number;
  local_time: string;
  received_at: string;
  total: number;
  offline_number: number | null;
  req_num: number;
  version: number;
  qr_url: string;
  request: ArrayBuffer;
};

function toShiftRow(row: RawShift): ShiftRow {
  return {
    number: row.number,
    openedLocal: row.opened_local,
    openedAt: row.opened_at,
    closedLocal: row.closed_local,
    closedAt: row.closed_at,
    counters: row.counters,
    xCount: row.x_count,
  };
}

function toReceiptRow(row: RawReceipt): ReceiptRow {
  return {
    id: row.id,
    fiscalSign: row.fiscal_sign,
    shiftNumber: row.shift_number,
    operation: row.operation,
    localTime: row.local_time,
    receivedAt: row.received_at,
    total: row.total,
    offlineNumber: row.offline_number,
    reqNum: row.req_num,
    version: row.version,
    qrUrl: row.qr_url,
    request: new Uint8Array(row.request),
  };
}
