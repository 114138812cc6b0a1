/**
 * Browser client for NCALayer, the signing application Kazakh taxpayers run
 * locally. It signs text as CMS through NCALayer's WebSocket API.
 *
 * NOTE: the request and response shapes follow the way public NCALayer
 * clients call the kz.gov.pki.knca.commonUtils module. This file is tested
 * with a fake socket only, never against a running NCALayer.
 */

/** NCALayer's local WebSocket endpoint. */
export const NCALAYER_URL = "wss://127.0.0.1:13579";

/**
 * Default wait for NCALayer's reply, 5 minutes, because the user picks a
 * key file and types its password in NCALayer's own dialog meanwhile.
 */
export const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** Message NCALayer returns when the user closes its signing dialog. */
const CANCELLED_MESSAGE = "action.canceled";

/** Cause of a signing failure. */
export type NcaLayerErrorCode =
  "not_running" | "cancelled" | "timeout" | "failed";

/** A signing failure with a message that can be shown to the user. */
export class NcaLayerError extends Error {
  constructor(
    readonly code: NcaLayerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "NcaLayerError";
  }
}

/** The part of the browser WebSocket that this client uses. */
export interface NcaLayerSocket {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Options of `signWithNcaLayer`. */
export interface SignWithNcaLayerOptions {
  url?: string;
  timeoutMs?: number;
  /** Socket factory, replaced by a fake in tests. */
  createSocket?: (url: string) => NcaLayerSocket;
}

/** Meaning of one NCALayer message for a pending sign request. */
export type NcaLayerReply =
  | { kind: "signed"; cms: string }
  | { kind: "error"; error: NcaLayerError }
  | { kind: "ignore" };

/** Encodes text as UTF-8 and then as standard base64. */
export function utf8ToBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/**
 * Builds the createCAdESFromBase64 request: file key store (PKCS12), a
 * signing key, the text as base64, and `true` to attach the content.
 */
export function buildSignRequest(text: string): string {
  return JSON.stringify({
    module: "kz.gov.pki.knca.commonUtils",
    method: "createCAdESFromBase64",
    args: ["PKCS12", "SIGNATURE", utf8ToBase64(text), true],
  });
}

/**
 * Interprets one NCALayer message. Messages without a `code`, such as the
 * version greeting sent on connect, are ignored.
 */
export function parseReply(data: unknown): NcaLayerReply {
  let reply: unknown;
  try {
    reply = JSON.parse(String(data));
  } catch {
    return failed(
      "NCALayer sent a reply that is not JSON; update NCALayer and try again",
    );
  }
  if (typeof reply !== "object" || reply === null || !("code" in reply)) {
    return { kind: "ignore" };
  }

  const { code, message, responseObject } = reply as {
    code: unknown;
    message?: unknown;
    responseObject?: unknown;
  };
  if (String(code) === "200") {
    if (typeof responseObject === "string" && responseObject !== "") {
      return { kind: "signed", cms: responseObject };
    }
    return failed(
      "NCALayer reported success but returned no signature; try again",
    );
  }

  if (message === CANCELLED_MESSAGE) {
    return {
      kind: "error",
      error: new NcaLayerError(
        "cancelled",
        "Signing was cancelled in NCALayer; sign again to accept the offer",
      ),
    };
  }
  return failed(
    `NCALayer returned error ${String(code)}: ` +
      String(message ?? "no message"),
  );
}

/**
 * Signs `text` with the user's key through NCALayer and resolves with the
 * base64 CMS (content attached). Rejects with an NcaLayerError.
 */
export function signWithNcaLayer(
  text: string,
  options: SignWithNcaLayerOptions = {},
): Promise<string> {
  const url = options.url ?? NCALAYER_URL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const createSocket = options.createSocket ?? openBrowserSocket;

  return new Promise((resolve, reject) => {
    let opened = false;
    let settled = false;
    const socket = createSocket(url);

    const finish = (error: NcaLayerError | null, cms = ""): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(cms);
    };

    const timer = setTimeout(() => {
      finish(
        new NcaLayerError(
          "timeout",
          `NCALayer did not reply within ${describeDuration(timeoutMs)}; ` +
            "check the NCALayer window and try again",
        ),
      );
    }, timeoutMs);

    socket.onopen = () => {
      opened = true;
      socket.send(buildSignRequest(text));
    };
    socket.onmessage = (event) => {
      const reply = parseReply(event.data);
      if (reply.kind === "signed") finish(null, reply.cms);
      if (reply.kind === "error") finish(reply.error);
    };
    // A socket that fails before opening means nothing listens on the port.
    socket.onerror = () => finish(connectionError(opened));
    socket.onclose = () => finish(connectionError(opened));
  });
}

function connectionError(opened: boolean): NcaLayerError {
  if (!opened) {
    return new NcaLayerError(
      "not_running",
      "NCALayer is not running on this computer: start it and try again",
    );
  }
  return new NcaLayerError(
    "failed",
    "NCALayer closed the connection before answering; restart NCALayer " +
      "and try again",
  );
}

function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 !== 0) return `${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

function failed(message: string): NcaLayerReply {
  return { kind: "error", error: new NcaLayerError("failed", message) };
}

function openBrowserSocket(url: string): NcaLayerSocket {
  // Typed through NcaLayerSocket so this file also compiles without the DOM
  // library, for the Node unit tests.
  const { WebSocket } = globalThis as unknown as {
    WebSocket: new (url: string) => NcaLayerSocket;
  };
  return new WebSocket(url);
}
