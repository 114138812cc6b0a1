/**
 * The response the gateway sends on its own when the Worker cannot be reached,
 * so that the register switches to autonomous mode instead of waiting.
 */
import {
  HEADER_SIZE,
  isSupportedVersion,
  readHeader,
  writeFrame,
  type ProtocolVersion,
} from "../proto/frame";
import { encodeResponse, makeResponse, peekCommand } from "../proto/codec";
import { ResultTypeEnum } from "../proto/messages";

/** Result text of the gateway's own "service unavailable" response. */
export const UNAVAILABLE_TEXT =
  "OFD service temporarily unavailable, retry later";

/** Version used for requests whose VERSION the server does not speak. */
const FALLBACK_VERSION: ProtocolVersion = 203;

/**
 * Builds a response frame with result 254 (service temporarily unavailable)
 * for a complete request frame. The response carries the request's ID, TOKEN
 * and REQNUM, its VERSION if supported (else 203), and its command.
 */
export function buildUnavailableResponse(request: Uint8Array): Uint8Array {
  const header = readHeader(request);
  const version = isSupportedVersion(header.version)
    ? header.version
    : FALLBACK_VERSION;

  const response = makeResponse({
    command: peekCommand(request.subarray(HEADER_SIZE)),
    result: {
      resultCode: ResultTypeEnum.RESULT_TYPE_SERVICE_TEMPORARILY_UNAVAILABLE,
      resultText: UNAVAILABLE_TEXT,
    },
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
