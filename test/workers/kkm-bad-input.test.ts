import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CommandTypeEnum, ResultTypeEnum } from "../../proto/messages";
import { readResponse, requestFrame, saleTicket, sellRequest } from "./frames";
import { postFrame, registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

describe("KKM bad input", () => {
  it("rejects amounts past the counter ceiling", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    const before = register.token;

    const huge = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: saleTicket(2 ** 52 + 100),
    });
    const normal = await register.send(sellRequest(10000));
    const info = await register.send({ command: CommandTypeEnum.COMMAND_INFO });

    expect(huge.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_INCORRECT_REQUEST_DATA,
    );
    expect(huge.result?.resultText).toMatch(/^amounts too large: counter /);
    expect(normal.result?.resultCode).toBe(0);
    expect(register.token).not.toBe(before);
    expect(info.result?.resultCode).toBe(0);
    expect(info.report?.zxReport?.cashSum).toMatchObject({
      bills: 100n,
      coins: 0,
    });
  });

  it("rejects a resend with other content", async () => {
    const kkm = await registeredKkm();
    const target = { kkmId: kkm.kkmId, token: kkm.token, reqNum: 5 };
    const first = readResponse(
      await postFrame(requestFrame(target, sellRequest(30000))),
    );

    const changed = readResponse(
      await postFrame(requestFrame(target, sellRequest(90000))),
    );

    expect(first.response.result?.resultCode).toBe(0);
    expect(changed.response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_INVALID_RETRY_REQUEST,
    );
    expect(changed.response.result?.resultText).toBe(
      "REQNUM 5 and token repeat the last document, but its content differs; send a new document with a new REQNUM",
    );
    expect(changed.response.ticket).toBeUndefined();
  });

  it("answers header ID 0 with result 1 over WebSocket", async () => {
    const response = await SELF.fetch("https://ofd.example/kkm/ws/0", {
      headers: { upgrade: "websocket" },
    });
    const socket = response.webSocket;
    if (!socket) throw new Error(`upgrade failed with ${response.status}`);
    socket.binaryType = "arraybuffer";
    socket.accept();
    const { promise, resolve } = Promise.withResolvers<Uint8Array>();
    socket.addEventListener("message", (event) =>
      resolve(new Uint8Array(event.data as ArrayBuffer)),
    );

    socket.send(
      requestFrame(
        { kkmId: 0, token: 7, reqNum: 1 },
        { command: CommandTypeEnum.COMMAND_INFO },
      ),
    );
    const { response: answer } = readResponse(await promise);
    socket.close(1000, "done");

    expect(answer.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_UNKNOWN_ID,
    );
  });

  it.each(["1e5", "0x186a1", "100001.0", "4294967296", "-1"])(
    "rejects WebSocket id %s",
    async (id) => {
      const response = await SELF.fetch(`https://ofd.example/kkm/ws/${id}`, {
        headers: { upgrade: "websocket" },
      });
      const body = (await response.json()) as { error: { message: string } };
      expect(response.status).toBe(400);
      expect(body.error.message).toBe(
        `invalid KKM id "${id}"; use the system id, a decimal number from 0 to 4294967295`,
      );
    },
  );

  it("stops reading a chunked body past 1 MiB", async () => {
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Bounded: five chunks, 1.25 MiB in all.
        if (sent === 5) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });

    const response = await SELF.fetch("https://ofd.example/kkm/frame", {
      method: "POST",
      body,
    });
    const result = (await response.json()) as { error: { code: string } };

    expect(response.status).toBe(413);
    expect(result.error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
