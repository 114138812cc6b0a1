import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { toHex } from "../../proto/frame";
import { CommandTypeEnum } from "../../proto/messages";
import { readResponse, requestFrame, sellRequest } from "./frames";
import { registeredKkm } from "./harness";

/** Opens the KKM WebSocket route and returns a function that sends a frame. */
async function connect(kkmId: number) {
  const response = await SELF.fetch(`https://ofd.example/kkm/ws/${kkmId}`, {
    headers: { upgrade: "websocket" },
  });
  const socket = response.webSocket;
  if (!socket) throw new Error(`upgrade failed with ${response.status}`);
  // Blobs would decode as empty messages; frames are read as ArrayBuffers.
  socket.binaryType = "arraybuffer";
  socket.accept();

  const send = (frame: Uint8Array) => {
    const { promise, resolve } = Promise.withResolvers<Uint8Array>();
    socket.addEventListener(
      "message",
      (event) => resolve(new Uint8Array(event.data as ArrayBuffer)),
      { once: true },
    );
    socket.send(frame);
    return promise;
  };
  const closed = () => {
    const { promise, resolve } = Promise.withResolvers<number>();
    socket.addEventListener("close", (event) => resolve(event.code), {
      once: true,
    });
    return promise;
  };
  return { socket, send, closed };
}

describe("KKM WebSocket route", () => {
  it("answers frames in order", async () => {
    const kkm = await registeredKkm();
    const { socket, send } = await connect(kkm.kkmId);

    const info = readResponse(
      await send(
        requestFrame(
          { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
          { command: CommandTypeEnum.COMMAND_INFO },
        ),
      ),
    );
    const sale = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 2 },
      sellRequest(1000),
    );
    const first = await send(sale);
    const again = await send(sale);
    socket.close(1000, "done");

    expect(info.response.result?.resultCode).toBe(0);
    expect(readResponse(first).response.ticket?.ticketNumber).toMatch(
      /^\d{10}$/,
    );
    expect(toHex(again)).toBe(toHex(first));
  });

  it("closes on an unreadable frame", async () => {
    const kkm = await registeredKkm();
    const { socket, closed } = await connect(kkm.kkmId);
    const whenClosed = closed();

    socket.send(new Uint8Array([1, 2, 3]));

    expect(await whenClosed).toBe(1007);
  });

  it("rejects a frame for another KKM", async () => {
    const kkm = await registeredKkm();
    const { send } = await connect(kkm.kkmId);
    const frame = requestFrame(
      { kkmId: kkm.kkmId + 1, token: kkm.token, reqNum: 1 },
      { command: CommandTypeEnum.COMMAND_INFO },
    );

    const { response } = readResponse(await send(frame));

    expect(response.result?.resultCode).toBe(3);
    expect(response.result?.resultText).toBe(
      `frame ID ${kkm.kkmId + 1} does not match this connection's KKM ${kkm.kkmId}`,
    );
  });
});
