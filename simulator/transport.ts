/** The link to the OFD: one request frame out, one response frame back. */

/** Sends one request frame and resolves with the whole response frame. */
export interface Transport {
  /** Where frames go, e.g. "127.0.0.1:7777" or a ws:// URL. */
  readonly endpoint: string;
  exchange(frame: Uint8Array): Promise<Uint8Array>;
}

/** Default time allowed for connect, send and the whole response. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The exchange failed before a complete response arrived. `lost` is true when
 * the request may have reached the server, so the frame must be resent.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly endpoint: string,
    readonly lost: boolean,
  ) {
    super(message);
    this.name = "TransportError";
  }
}
