// A register that keeps its token and REQNUM across requests, for tests.
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { ProtocolVersion } from "../../proto/frame";
import type { RequestSchema, Response } from "../../proto/messages";
import { readResponse, requestFrame } from "./frames";
import { postFrame } from "./harness";

export class TestRegister {
  reqNum = 0;
  lastFrame: Uint8Array | null = null;

  constructor(
    readonly kkmId: number,
    public token: number,
    readonly version: ProtocolVersion = 203,
  ) {}

  /** Sends a request with the next REQNUM and keeps a rotated token. */
  async send(
    init: MessageInitShape<typeof RequestSchema>,
    reqNum?: number,
  ): Promise<Response> {
    this.reqNum = reqNum ?? (this.reqNum % 65535) + 1;
    const frame = requestFrame(
      {
        kkmId: this.kkmId,
        token: this.token,
        reqNum: this.reqNum,
        version: this.version,
      },
      init,
    );
    this.lastFrame = frame;
    const { header, response } = readResponse(await postFrame(frame));
    this.token = header.token;
    return response;
  }
}
