import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { toHex, writeFrame } from "../../proto/frame";
import {
  CommandTypeEnum,
  ReportTypeEnum,
  ResultTypeEnum,
} from "../../proto/messages";
import { KkmSession } from "../../durable/kkm-session";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import { readResponse, requestFrame, sellRequest } from "./frames";
import { postFrame, registeredKkm } from "./harness";

async function receiptCount(kkmId: number): Promise<number> {
  return runInDurableObject(
    kkmSession(env, kkmId),
    (instance: KkmSession) => instance.getStatus().receiptCount,
  );
}

describe("COMMAND_INFO", () => {
  it("returns registration and shift state", async () => {
    const kkm = await registeredKkm();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
      { command: CommandTypeEnum.COMMAND_INFO },
    );

    const { header, response } = readResponse(await postFrame(frame));

    expect(header.kkmId).toBe(kkm.kkmId);
    expect(header.token).toBe(kkm.token);
    expect(header.reqNum).toBe(1);
    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
    expect(response.report?.report).toBe(ReportTypeEnum.REPORT_Z);
    expect(response.report?.zxReport?.shiftNumber).toBe(1);
    expect(response.service?.regInfo?.kkm?.fnsKkmId).toBe(kkm.kgdNumber);
    expect(response.service?.regInfo?.kkm?.kkmId).toBe(String(kkm.kkmId));
    expect(response.service?.regInfo?.org?.title).toBe("Test LLP");
  });
});

describe("COMMAND_TICKET", () => {
  it("returns a fiscal sign and QR URL", async () => {
    const kkm = await registeredKkm();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 7 },
      sellRequest(100050),
    );

    const { header, response } = readResponse(await postFrame(frame));

    expect(response.result?.resultCode).toBe(0);
    const sign = response.ticket?.ticketNumber ?? "";
    expect(sign).toMatch(/^[1-9]\d{9}$/);
    expect(new TextDecoder().decode(response.ticket?.qrCode)).toBe(
      `https://ofd.example/check?i=${sign}&f=${kkm.kgdNumber}&s=1000.50&t=20261204T123000`,
    );
    expect(header.token).not.toBe(kkm.token);
    expect(header.token).not.toBe(0);
    expect(header.reqNum).toBe(7);
    expect(await receiptCount(kkm.kkmId)).toBe(1);
  });

  it("replays a retransmission byte for byte", async () => {
    const kkm = await registeredKkm();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 2 },
      sellRequest(5000),
    );

    const first = await postFrame(frame);
    const second = await postFrame(frame);

    expect(toHex(second)).toBe(toHex(first));
    expect(await receiptCount(kkm.kkmId)).toBe(1);
  });

  it("gives each receipt its own sign", async () => {
    const kkm = await registeredKkm();
    let token = kkm.token;
    const signs = new Set<string>();

    for (let reqNum = 1; reqNum <= 20; reqNum++) {
      const frame = requestFrame(
        { kkmId: kkm.kkmId, token, reqNum },
        sellRequest(100),
      );
      const { header, response } = readResponse(await postFrame(frame));
      expect(response.result?.resultCode, `receipt ${reqNum}`).toBe(0);
      signs.add(response.ticket?.ticketNumber ?? "");
      token = header.token;
    }

    expect(signs.size).toBe(20);
    expect(await receiptCount(kkm.kkmId)).toBe(20);
  });
});

describe("result codes", () => {
  it("returns 1 for an unregistered id", async () => {
    const frame = requestFrame(
      { kkmId: 4_000_000_001, token: 5, reqNum: 1 },
      { command: CommandTypeEnum.COMMAND_INFO },
    );
    const { response } = readResponse(await postFrame(frame));
    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_UNKNOWN_ID,
    );
    expect(response.result?.resultText).toBe(
      "KKM 4000000001 is not registered with this OFD",
    );
  });

  it("returns 2 for a wrong token", async () => {
    const kkm = await registeredKkm();
    const wrong = (kkm.token + 1) >>> 0 || 1;
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: wrong, reqNum: 1 },
      sellRequest(100),
    );

    const { header, response } = readResponse(await postFrame(frame));

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_INVALID_TOKEN,
    );
    expect(header.token).toBe(wrong);
    expect(await receiptCount(kkm.kkmId)).toBe(0);
  });

  it("returns 8 for a reused REQNUM", async () => {
    const kkm = await registeredKkm();
    const first = readResponse(
      await postFrame(
        requestFrame(
          { kkmId: kkm.kkmId, token: kkm.token, reqNum: 3 },
          sellRequest(100),
        ),
      ),
    );
    const again = requestFrame(
      { kkmId: kkm.kkmId, token: first.header.token, reqNum: 3 },
      sellRequest(100),
    );

    const { response } = readResponse(await postFrame(again));

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_INVALID_REQUEST_NUMBER,
    );
    expect(await receiptCount(kkm.kkmId)).toBe(1);
  });

  it("returns 9 for a retry with another command", async () => {
    const kkm = await registeredKkm();
    await postFrame(
      requestFrame(
        { kkmId: kkm.kkmId, token: kkm.token, reqNum: 4 },
        sellRequest(100),
      ),
    );
    const retry = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 4 },
      { command: CommandTypeEnum.COMMAND_MONEY_PLACEMENT },
    );

    const { response } = readResponse(await postFrame(retry));

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_INVALID_RETRY_REQUEST,
    );
    expect(await receiptCount(kkm.kkmId)).toBe(1);
  });

  it("returns 3 for a malformed body", async () => {
    const kkm = await registeredKkm();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
      sellRequest(100),
    );
    // Cut the body in the middle of the ticket and fix SIZE to match.
    const cut = frame.slice(0, 40);
    new DataView(cut.buffer).setUint32(4, cut.length, true);

    const { response } = readResponse(await postFrame(cut));

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
    );
    expect(response.result?.resultText).toMatch(/^malformed request body: /);
    expect(await receiptCount(kkm.kkmId)).toBe(0);

    // The next good request works with the same token.
    const good = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 2 },
      sellRequest(100),
    );
    expect(
      readResponse(await postFrame(good)).response.result?.resultCode,
    ).toBe(0);
  });

  it("returns 4 for an unknown command", async () => {
    const kkm = await registeredKkm();
    // Command 50 is not in CommandTypeEnum, so it is written by hand.
    const frame = writeFrame(
      { version: 203, kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
      new Uint8Array([0x08, 0x32]),
    );

    const { response } = readResponse(await postFrame(frame));

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_UNKNOWN_COMMAND,
    );
    expect(response.result?.resultText).toBe("unknown command 50");
  });

  it("returns 5 for cancel ticket", async () => {
    const kkm = await registeredKkm();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
      { command: CommandTypeEnum.COMMAND_CANCEL_TICKET },
    );
    const { response } = readResponse(await postFrame(frame));
    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_UNSUPPORTED_COMMAND,
    );
  });

  it("answers 202 registers in 202", async () => {
    const kkm = await registeredKkm();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1, version: 202 },
      { command: CommandTypeEnum.COMMAND_INFO },
    );
    const answer = await postFrame(frame);
    expect(new DataView(answer.buffer).getUint16(2, true)).toBe(202);
  });
});
