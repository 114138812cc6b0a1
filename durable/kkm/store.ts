/**
 * The SQLite storage of one KKM's object. Every method is synchronous, so a
 * request that only calls these never yields and cannot interleave with
 * another; `transaction` groups writes that must land together.
 */
import type { CommandTypeEnum } from "../../proto/messages";
import type { LastExchange } from "./exchange-rules";
import { kkmRegistrationSchema, type KkmRegistration } from "./registration";

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
    activated_at TEXT
  )`,
  // Times ending in _local are the register's wall clock; _at are UTC.
  `CREATE TABLE IF NOT EXISTS shifts (
    number INTEGER PRIMARY KEY,
    opened_local TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_local TEXT,
    closed_at TEXT,
    counters TEXT NOT NULL
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
  `CREATE INDEX IF NOT EXISTS receipts_offline_idx
    ON receipts (offline_number, local_time, total)
    WHERE offline_number IS NOT NULL`,
];

/** The token state and the retry record. */
export interface SessionRow {
  token: number;
  last: (LastExchange & { response: Uint8Array }) | null;
  lastContactAt: string | null;
  activatedAt: string | null;
}

/** A shift as stored; `counters` is the JSON of the shift's counters. */
export interface ShiftRow {
  number: number;
  openedLocal: string;
  openedAt: string;
  closedLocal: string | null;
  closedAt: string | null;
  counters: string;
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
  constructor(
    private readonly sql: SqlStorage,
    private readonly storage: DurableObjectStorage,
  ) {
    for (const statement of SCHEMA) this.sql.exec(statement);
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
        last_contact_at: string | null;
        activated_at: string | null;
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
          }
        : null;
    return {
      token: row.token,
      last,
      lastContactAt: row.last_contact_at,
      activatedAt: row.activated_at,
    };
  }

  /** Issues a new token from the cabinet and forgets the retry record. */
  resetToken(token: number): void {
    this.sql.exec(
      `INSERT INTO session (id, token) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET token = excluded.token,
         last_token = NULL, last_req_num = NULL, last_command = NULL,
         last_response = NULL`,
      token,
    );
  }

  /** Stores the token issued with an accepted document and its answer. */
  rememberDocument(
    issuedToken: number,
    exchange: LastExchange,
    response: Uint8Array,
  ): void {
    this.sql.exec(
      `UPDATE session SET token = ?, last_token = ?, last_req_num = ?,
         last_command = ?, last_response = ? WHERE id = 1`,
      issuedToken,
      exchange.token,
      exchange.reqNum,
      exchange.command,
      response,
    );
  }

  /** Records a successful exchange; the first one activates the KKM. */
  touch(now: Date): void {
    const at = now.toISOString();
    this.sql.exec(
      `UPDATE session SET last_contact_at = ?,
         activated_at = COALESCE(activated_at, ?) WHERE id = 1`,
      at,
      at,
    );
  }

  /** The newest shift, open or closed. */
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

  closeShift(number: number, closedLocal: string, closedAt: string): void {
    this.sql.exec(
      "UPDATE shifts SET closed_local = ?, closed_at = ? WHERE number = ?",
      closedLocal,
      closedAt,
      number,
    );
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
