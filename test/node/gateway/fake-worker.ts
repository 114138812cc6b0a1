/**
 * A stand-in for the Worker's KKM transport on 127.0.0.1: `POST /kkm/frame`
 * and WebSocket `/kkm/ws/{kkmId}`, responding to each frame with
 * {@link answerFor}. It records every frame it receives.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import {
  encodeResponse,
  makeResponse,
  peekCommand,
} from "../../../proto/codec";
import {
  HEADER_SIZE,
  isSupportedVersion,
  readHeader,
  writeFrame,
} from "../../../proto/frame";

/** How the fake Worker reacts to a frame. */
export type FakeWorkerMode =
  "answer" | "silent" | "answer-then-close" | "status-500";

/** One frame as the fake Worker received it. */
export interface ReceivedFrame {
  transport: "ws" | "http";
  path: string;
  bytes: Uint8Array;
}

export interface FakeWorker {
  url: string;
  mode: FakeWorkerMode;
  received: ReceivedFrame[];
  /** WebSocket upgrades accepted so far. */
  wsOpened: number;
  /** WebSockets closed so far, by either side. */
  wsClosed: number;
  close(): Promise<void>;
}

/**
 * Builds the fake Worker's response to a request frame: result 0 with the
 * text "ok {reqNum}", in the request's version, ID, TOKEN and REQNUM.
 */
export function answerFor(request: Uint8Array): Uint8Array {
  const header = readHeader(request);
  const version = isSupportedVersion(header.version) ? header.version : 203;
  const response = makeResponse({
    command: peekCommand(request.subarray(HEADER_SIZE)),
    result: { resultCode: 0, resultText: `ok ${header.reqNum}` },
  });

  return writeFrame(
    {
      version,
      kkmId: header.kkmId,
      token: header.token,
      reqNum: header.reqNum,
    },
    encodeResponse(version, response),
  );
}

/** Starts the fake Worker on 127.0.0.1 with a free port. */
export async function startFakeWorker(
  mode: FakeWorkerMode = "answer",
): Promise<FakeWorker> {
  const sockets = new Set<WebSocket>();
  const worker: FakeWorker = {
    url: "",
    mode,
    received: [],
    wsOpened: 0,
    wsClosed: 0,
    close: async () => {},
  };

  const server = createServer(async (request, response) => {
    if (request.method !== "POST" || request.url !== "/kkm/frame") {
      response.writeHead(404).end();
      return;
    }

    const bytes = await readBody(request);
    worker.received.push({ transport: "http", path: request.url, bytes });
    if (worker.mode === "silent") return;
    if (worker.mode === "status-500") {
      response.writeHead(500).end("boom");
      return;
    }
    response
      .writeHead(200, { "content-type": "application/octet-stream" })
      .end(answerFor(bytes));
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (request, socket, head) => {
    const path = request.url ?? "";
    if (!/^\/kkm\/ws\/\d+$/.test(path)) {
      socket.destroy();
      return;
    }

    wss.handleUpgrade(request, socket, head, (ws) => {
      worker.wsOpened++;
      sockets.add(ws);
      ws.on("close", () => {
        worker.wsClosed++;
        sockets.delete(ws);
      });
      ws.on("message", (data, isBinary) => {
        const bytes = new Uint8Array(data as Buffer);
        worker.received.push({ transport: "ws", path, bytes });
        if (!isBinary || worker.mode === "silent") return;

        ws.send(answerFor(bytes), { binary: true });
        if (worker.mode === "answer-then-close") ws.close(1000, "done");
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  worker.url = `http://127.0.0.1:${port}`;

  worker.close = async () => {
    for (const ws of sockets) ws.terminate();
    wss.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return worker;
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
