/**
 * The input and output of a command handler. Handlers decide and build
 * the response, and the session commits and sends it, so the rules can be
 * tested without sockets.
 */
import type { FrameHeader, ProtocolVersion } from "../../proto/frame";
import type { Request, Response } from "../../proto/messages";
import type { RandomSource } from "./random";
import type { KkmRegistration } from "./registration";
import type { KkmStore } from "./store";

/** Settings of the deployment that reach every KKM's object. */
export interface SessionConfig {
  /** Receipt-check page that QR codes point at. */
  receiptCheckUrl: string;
  ofdName: string;
}

export interface ExchangeContext {
  header: FrameHeader;
  version: ProtocolVersion;
  request: Request;
  registration: KkmRegistration;
  store: KkmStore;
  /** The registry database; only service commands may read it. */
  db: D1Database;
  now: Date;
  config: SessionConfig;
  random: RandomSource;
}

/**
 * A service response keeps the token and is not remembered for retries; its
 * optional `record` writes history (an X report) before the response leaves.
 * A document is committed by `commit` in the same transaction as the new
 * token and the retry record, before the response leaves.
 */
export type CommandOutcome =
  | { kind: "service"; response: Response; record?: () => void }
  | { kind: "document"; response: Response; commit: () => void };
