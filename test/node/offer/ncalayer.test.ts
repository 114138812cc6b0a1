import { afterEach, describe, expect, it, vi } from "vitest";
import {
  NCALAYER_URL,
  NcaLayerError,
  type NcaLayerSocket,
  buildSignRequest,
  parseReply,
  signWithNcaLayer,
  utf8ToBase64,
} from "../../../web/src/ncalayer";

/** In-memory socket that records sent messages and lets tests reply. */
class FakeSocket implements NcaLayerSocket {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  sent: string[] = [];
  closed = false;

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.({});
  }

  reply(data: unknown): void {
    this.onmessage?.({ data: JSON.stringify(data) });
  }

  fail(): void {
    this.onerror?.({});
    this.onclose?.({});
  }
}

function startSigning(text = "Заявление") {
  const socket = new FakeSocket();
  const urls: string[] = [];
  const promise = signWithNcaLayer(text, {
    timeoutMs: 1_000,
    createSocket: (url) => {
      urls.push(url);
      return socket;
    },
  });
  return { socket, urls, promise };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("buildSignRequest", () => {
  it("builds createCAdESFromBase64 request", () => {
    expect(JSON.parse(buildSignRequest("Оферта ✓"))).toEqual({
      module: "kz.gov.pki.knca.commonUtils",
      method: "createCAdESFromBase64",
      args: ["PKCS12", "SIGNATURE", "0J7RhNC10YDRgtCwIOKckw==", true],
    });
  });

  it("encodes UTF-8 before base64", () => {
    const encoded = utf8ToBase64("ИИН 960624350642");

    expect(Buffer.from(encoded, "base64").toString("utf8")).toBe(
      "ИИН 960624350642",
    );
  });
});

describe("parseReply", () => {
  it("returns the CMS on code 200", () => {
    expect(parseReply('{"code":"200","responseObject":"MIIB"}')).toEqual({
      kind: "signed",
      cms: "MIIB",
    });
  });

  it("ignores the version greeting", () => {
    expect(parseReply('{"result":{"version":"1.4"}}')).toEqual({
      kind: "ignore",
    });
  });

  it("maps action.canceled to cancelled", () => {
    const reply = parseReply('{"code":"500","message":"action.canceled"}');

    expect(reply.kind).toBe("error");
    if (reply.kind !== "error") return;
    expect(reply.error.code).toBe("cancelled");
    expect(reply.error.message).toBe(
      "Signing was cancelled in NCALayer; sign again to accept the offer",
    );
  });

  it("names other error codes", () => {
    const reply = parseReply('{"code":"500","message":"WRONG_PASSWORD"}');

    expect(reply.kind).toBe("error");
    if (reply.kind !== "error") return;
    expect(reply.error.code).toBe("failed");
    expect(reply.error.message).toBe(
      "NCALayer returned error 500: WRONG_PASSWORD",
    );
  });

  it("rejects success without signature", () => {
    const reply = parseReply('{"code":"200"}');

    expect(reply.kind).toBe("error");
    if (reply.kind !== "error") return;
    expect(reply.error.message).toBe(
      "NCALayer reported success but returned no signature; try again",
    );
  });

  it("rejects a reply that is not JSON", () => {
    const reply = parseReply("<html>");

    expect(reply.kind).toBe("error");
    if (reply.kind !== "error") return;
    expect(reply.error.message).toBe(
      "NCALayer sent a reply that is not JSON; update NCALayer and try again",
    );
  });
});

describe("signWithNcaLayer", () => {
  it("resolves with the signed CMS", async () => {
    const { socket, urls, promise } = startSigning("Текст");

    socket.open();
    socket.reply({ result: { version: "1.4" } });
    socket.reply({ code: "200", responseObject: "MIIBase64" });

    await expect(promise).resolves.toBe("MIIBase64");
    expect(urls).toEqual([NCALAYER_URL]);
    expect(socket.sent).toEqual([buildSignRequest("Текст")]);
    expect(socket.closed).toBe(true);
  });

  it("reports NCALayer not running", async () => {
    const { socket, promise } = startSigning();

    socket.fail();

    await expect(promise).rejects.toEqual(
      new NcaLayerError(
        "not_running",
        "NCALayer is not running on this computer: start it and try again",
      ),
    );
  });

  it("reports the user cancelling", async () => {
    const { socket, promise } = startSigning();

    socket.open();
    socket.reply({ code: "500", message: "action.canceled" });

    await expect(promise).rejects.toMatchObject({ code: "cancelled" });
  });

  it("reports a closed connection", async () => {
    const { socket, promise } = startSigning();

    socket.open();
    socket.onclose?.({});

    await expect(promise).rejects.toEqual(
      new NcaLayerError(
        "failed",
        "NCALayer closed the connection before answering; restart " +
          "NCALayer and try again",
      ),
    );
  });

  it.each([
    { timeoutMs: 120_000, text: "2 minutes" },
    { timeoutMs: 60_000, text: "1 minute" },
    { timeoutMs: 30_000, text: "30 seconds" },
  ])("times out after $text", async ({ timeoutMs, text }) => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const promise = signWithNcaLayer("x", {
      timeoutMs,
      createSocket: () => socket,
    });
    const outcome = promise.catch((error: unknown) => error);

    socket.open();
    await vi.advanceTimersByTimeAsync(timeoutMs);

    expect(await outcome).toEqual(
      new NcaLayerError(
        "timeout",
        `NCALayer did not reply within ${text}; check the NCALayer ` +
          "window and try again",
      ),
    );
    expect(socket.closed).toBe(true);
  });
});
