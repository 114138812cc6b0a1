/**
 * The register's memory between runs: token, REQNUM counter, shift, sent
 * receipts, the autonomous queue and the last exchange for `resend`. Stored
 * as JSON; amounts are strings of integer tiyn because JSON has no bigint.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SimulatorProtocol } from "./wire";

/** Receipt operations as the command line names them. */
export type ReceiptOperation = "sell" | "buy" | "sell-return" | "buy-return";

/** Kinds of documents the autonomous queue holds. */
export type QueuedKind = "ticket" | "money-placement" | "close-shift";

/** A goods line as stored: tiyn and thousandths as decimal strings. */
export interface StoredLine {
  name: string;
  price: string;
  quantity: string;
  section: string;
}

/** A receipt made by this register, online or autonomous. */
export interface ReceiptRecord {
  /** Fiscal sign from the OFD; absent while an autonomous receipt waits. */
  fiscalSign?: string;
  offlineNumber?: number;
  operation: ReceiptOperation;
  /** Local date-time of the receipt, "2025-01-15T12:30:00". */
  dateTime: string;
  total: string;
  lines: StoredLine[];
  reqNum: number;
  qr?: string;
}

/** A document made in autonomous mode and not yet delivered. */
export interface QueuedDocument {
  kind: QueuedKind;
  reqNum: number;
  createdAt: string;
  /** Hex of the 2.0.3 Request body, without service.offline_period. */
  request: string;
  offlineNumber?: number;
}

/** The last sent frame and its context, so that `resend` can finish it. */
export interface LastExchange {
  command: string;
  request: string;
  /** Hex of the first response frame, or null when the response was lost. */
  response: string | null;
  receipt?: ReceiptRecord;
  queued?: QueuedDocument;
  /** Set once an OK response has been applied, so `resend` does not repeat it. */
  applied?: boolean;
}

/** Organisation data from the OFD registration (COMMAND_INFO). */
export interface OrgInfo {
  title?: string;
  inn?: string;
  address?: string;
}

/** The whole state file. */
export interface KkmState {
  id: number;
  token: number;
  nextReqNum: number;
  protocol: SimulatorProtocol;
  kgdNumber?: string;
  serialNumber?: string;
  org?: OrgInfo;
  shiftNumber?: number;
  shiftOpen?: boolean;
  nextOfflineNumber: number;
  last?: LastExchange;
  receipts: ReceiptRecord[];
  queue: QueuedDocument[];
}

/** The state file cannot be read or has the wrong shape. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}

/** First autonomous receipt number, as several registers start. */
export const FIRST_OFFLINE_NUMBER = 1001;

/**
 * Receipts kept in the state file; older ones are dropped so the file stays
 * small. Returns can only refer to receipts still listed.
 */
export const MAX_STORED_RECEIPTS = 1000;

/** Creates the state of a register that has sent nothing yet. */
export function newState(
  id: number,
  token: number,
  protocol: SimulatorProtocol,
): KkmState {
  return {
    id,
    token,
    nextReqNum: 1,
    protocol,
    nextOfflineNumber: FIRST_OFFLINE_NUMBER,
    receipts: [],
    queue: [],
  };
}

/** Returns the REQNUM after `reqNum`: u16, wrapping 65535 to 1 (0 skipped). */
export function followingReqNum(reqNum: number): number {
  return reqNum >= 0xffff ? 1 : reqNum + 1;
}

/** Takes the next REQNUM from the state and advances the counter. */
export function takeReqNum(state: KkmState): number {
  const reqNum = state.nextReqNum;
  state.nextReqNum = followingReqNum(reqNum);
  return reqNum;
}

/** Takes the next autonomous receipt number and advances the counter. */
export function takeOfflineNumber(state: KkmState): number {
  const number = state.nextOfflineNumber;
  state.nextOfflineNumber = number >= 0xffffffff ? 1 : number + 1;
  return number;
}

/** Appends a receipt, dropping the oldest beyond MAX_STORED_RECEIPTS. */
export function recordReceipt(state: KkmState, receipt: ReceiptRecord): void {
  state.receipts.push(receipt);
  if (state.receipts.length > MAX_STORED_RECEIPTS) {
    state.receipts.splice(0, state.receipts.length - MAX_STORED_RECEIPTS);
  }
}

/** Reads the state file; returns null when it does not exist. */
export async function loadState(path: string): Promise<KkmState | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new StateError(`cannot read state file ${path}: ${String(error)}`);
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StateError(
      `invalid state file ${path}: ${(error as Error).message}; fix or ` +
        "delete it",
    );
  }
  return checkState(value, path);
}

/** Writes the state file atomically: a temporary file, then a rename. */
export async function saveState(path: string, state: KkmState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, "utf8");
  await rename(temporary, path);
}

function checkState(value: unknown, path: string): KkmState {
  const state = value as Partial<KkmState> | null;
  const valid =
    state !== null &&
    typeof state === "object" &&
    isUint32(state.id) &&
    isUint32(state.token) &&
    Number.isInteger(state.nextReqNum) &&
    (state.protocol === 202 || state.protocol === 203) &&
    Array.isArray(state.receipts) &&
    Array.isArray(state.queue);
  if (!valid) {
    throw new StateError(
      `invalid state file ${path}: expected id, token, nextReqNum, ` +
        "protocol, receipts and queue; fix or delete it",
    );
  }

  return {
    ...state,
    nextOfflineNumber: state.nextOfflineNumber ?? FIRST_OFFLINE_NUMBER,
  } as KkmState;
}

function isUint32(value: unknown): boolean {
  return (
    Number.isInteger(value) &&
    (value as number) >= 0 &&
    (value as number) <= 0xffffffff
  );
}
