import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { encodeResponse, makeResponse } from "../../../proto/codec";
import { readHeader, writeFrame } from "../../../proto/frame";
import { wsTransport } from "../../../simulator/transport-ws";
import { TransportError } from "../../../simulator/transport";

let server: WebSocketServer | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = undefined;
});

async function listen(
  onFrame: (frame: Uint8Array) => Uint8Array | string,
): Promise<{ port: number; paths: string[] }> {
  const paths: string[] = [];
  server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket, request) => {
    paths.push(request.url ?? "");
    socket.on("message", (data) => {
      socket.send(onFrame(new Uint8Array(data as Buffer)));
    });
  });
  await new Promise((resolve) => server!.on("listening", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, paths };
}

describe("wsTransport", () => {
  it("exchanges one binary frame per message", async () => {
    const { port, paths } = await listen((frame) => {
      const header = readHeader(frame);
      const body = encodeResponse(
        203,
        makeResponse({ command: 0, result: { resultCode: 0 } }),
      );
      return writeFrame({ ...header, token: header.token + 1 }, body);
    });
    const request = writeFrame(
      { version: 203, kkmId: 5, token: 10, reqNum: 3 },
      new Uint8Array([0x08, 0x00]),
    );

    const transport = wsTransport(`ws://127.0.0.1:${port}/kkm/ws/5`, 2000);
    const reply = readHeader(await transport.exchange(request));

    expect(paths).toEqual(["/kkm/ws/5"]);
    expect(reply.kkmId).toBe(5);
    expect(reply.reqNum).toBe(3);
    expect(reply.token).toBe(11);
  });

  it("rejects a text message", async () => {
    const { port } = await listen(() => "hello");
    const transport = wsTransport(`ws://127.0.0.1:${port}/kkm/ws/5`, 2000);

    await expect(transport.exchange(new Uint8Array(18))).rejects.toBeInstanceOf(
      TransportError,
    );
  });
});
