/**
 * A small OFD stand-in for the simulator tests, on 127.0.0.1 with port 0.
 * It reads one frame per connection, records the decoded request, and
 * replies with the Response the test's handler builds. Like a real OFD it
 * rotates the token on accepted documents and replies to a retransmission
 * (same token and REQNUM as the last document) with the stored bytes.
 */
import { createServer, type Server, type Socket } from "node:net";
import {
  decodeRequest,
  encodeResponse,
  makeResponse,
} from "../../../proto/codec";
import {
  HEADER_SIZE,
  isSupportedVersion,
  readHeader,
  writeFrame,
  type FrameHeader,
} from "../../../proto/frame";
import {
  CommandTypeEnum,
  type Request,
  type Response,
} from "../../../proto/messages";

/** One request the fake OFD received. */
export interface ReceivedRequest {
  header: FrameHeader;
  frame: Uint8Array;
  request: Request;
}

/** Builds the response to a request; undefined closes without a reply. */
export type FakeHandler = (received: ReceivedRequest) => Response | undefined;

/** A running fake OFD. */
export interface FakeOfd {
  port: number;
  received: ReceivedRequest[];
  /** The token the fake OFD expects next. */
  token: number;
  close(): Promise<void>;
}

const DOCUMENT_COMMANDS = new Set([
  CommandTypeEnum.COMMAND_TICKET,
  CommandTypeEnum.COMMAND_CLOSE_SHIFT,
  CommandTypeEnum.COMMAND_MONEY_PLACEMENT,
]);

/** Returns an OK response, with a fiscal sign for tickets. */
export const okHandler: FakeHandler = ({ request, header }) =>
  makeResponse({
    command: request.command,
    result: { resultCode: 0, resultText: "OK" },
    ...(request.command === CommandTypeEnum.COMMAND_TICKET
      ? {
          ticket: {
            ticketNumber: String(1_000_000_000 + header.reqNum),
            qrCode: new TextEncoder().encode(
              `http://consumer.test-oofd.kz?i=${1_000_000_000 + header.reqNum}`,
            ),
          },
        }
      : {}),
  });

/** Starts a fake OFD expecting `token`; tokens rotate by +1000. */
export async function startFakeOfd(
  token: number,
  handler: FakeHandler = okHandler,
  options: { splitWrites?: boolean } = {},
): Promise<FakeOfd> {
  let last: { token: number; reqNum: number; frame: Uint8Array } | undefined;
  const sockets = new Set<Socket>();
  const fake: FakeOfd = {
    port: 0,
    received: [],
    token,
    close: () => closeServer(server, sockets),
  };

  const reply = (frame: Uint8Array, socket: Socket) => {
    const header = readHeader(frame);
    if (last && last.token === header.token && last.reqNum === header.reqNum) {
      writeReply(socket, last.frame, options.splitWrites);
      return;
    }

    const version = isSupportedVersion(header.version) ? header.version : 203;
    const decoded = decodeRequest(version, frame.subarray(HEADER_SIZE));
    if (!decoded.ok)
      throw new Error(`fake OFD: bad request ${decoded.failure.reason}`);
    const received = { header, frame, request: decoded.request };
    fake.received.push(received);

    const response = handler(received);
    if (!response) {
      socket.destroy();
      return;
    }

    const accepted =
      response.result?.resultCode === 0 &&
      DOCUMENT_COMMANDS.has(decoded.request.command);
    const replyToken = accepted ? (fake.token + 1000) >>> 0 : header.token;
    const reply = writeFrame(
      {
        version,
        kkmId: header.kkmId,
        token: replyToken,
        reqNum: header.reqNum,
      },
      encodeResponse(version, response),
    );
    if (accepted) {
      fake.token = replyToken;
      last = { token: header.token, reqNum: header.reqNum, frame: reply };
    }
    writeReply(socket, reply, options.splitWrites);
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (buffer.length < HEADER_SIZE) return;
      const size = readHeader(buffer).size;
      if (buffer.length >= size)
        reply(new Uint8Array(buffer.subarray(0, size)), socket);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  fake.port = typeof address === "object" && address ? address.port : 0;
  return fake;
}

function writeReply(socket: Socket, frame: Uint8Array, split = false): void {
  if (!split) {
    socket.end(frame);
    return;
  }
  // Several writes check that the client reads SIZE bytes across segments.
  socket.write(frame.subarray(0, 5));
  setTimeout(() => socket.write(frame.subarray(5, HEADER_SIZE + 3)), 10);
  setTimeout(() => socket.end(frame.subarray(HEADER_SIZE + 3)), 20);
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
